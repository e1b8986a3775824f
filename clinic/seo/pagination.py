"""List pages that cost the same on the first page and on the deepest one offered.

A list of articles (the library, a topic, a person's) is offered `MAX_LIST_PAGES` pages deep,
newest first. Counting stops one article past the last page offered, and a page reads its keys
from an index before the rows themselves, so neither the count nor a deep page grows with the
library. Past the last page offered, the page says where the older articles are (by topic, by
search); a page number out of range, or not a number, is a 404.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property


class LibraryPaginator(Paginator):
    """`keys`, where given, are the ids of `object_list`'s rows in its order, from an index
    that holds them in that order (a topic's listing): counted and sliced instead of the
    rows' own query."""

    def __init__(self, object_list, per_page, *args, max_pages=None, keys=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.max_pages = max_pages or settings.MAX_LIST_PAGES
        self.keys = keys if keys is not None else object_list.values("pk")

    @property
    def offered(self):
        """How many items the pages offered can show."""
        return self.max_pages * self.per_page

    @cached_property
    def count(self):
        """The number of items, counted no further than one past the last page offered."""
        return self.keys.order_by()[: self.offered + 1].count()

    @property
    def has_more(self):
        """Whether there are items older than the last page offered shows."""
        return self.count > self.offered

    @cached_property
    def num_pages(self):
        return min(super().num_pages, self.max_pages)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = self.keys[bottom : bottom + self.per_page]
        return self._get_page(list(self.object_list.filter(pk__in=keys)), number, self)


class LibraryPagesMixin:
    """For a ListView of articles: LibraryPaginator, and `?page=` in plain digits only (int()
    would read "１", " 1" or "01" as page 1: another address for the same page)."""

    paginator_class = LibraryPaginator

    def paginate_queryset(self, queryset, page_size):
        page = self.request.GET.get(self.page_kwarg)
        if page is not None and page != "last" and not is_page_number(page):
            raise Http404("No such page.")
        return super().paginate_queryset(queryset, page_size)


def is_page_number(text):
    return text.isascii() and text.isdigit() and not text.startswith("0")
