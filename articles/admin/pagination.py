"""Pages of the article list that cost the same on page 1 and page 400, at any library size.

A page is found in two steps: the ids of its articles first, in the list's order, a query
that an index answers without reading an article (newest first, or any of the filters, each
backed by an index that ends in the publish time and id); then just those articles, with
their columns and annotations. Asking for the whole rows at once made the database read, and
on SQLite sort, every article that matched to keep fifty: seconds deep in a list of 20,000.
"""

from contextlib import contextmanager

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils.functional import cached_property


class LateRowPaginator(Paginator):
    # True for a search (FullTextSearchMixin): PostgreSQL then counts the matches, and finds a
    # page of them, through the full-text index. When most articles match, its planner prefers
    # reading the whole table, not costing the search vector it unpacks from each row: a second
    # at 20,000 articles, against a tenth through the index.
    search = False

    @contextmanager
    def _through_indexes(self):
        if not (self.search and connection.vendor == "postgresql"):
            yield
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            cursor.execute("SET LOCAL enable_seqscan = on")

    @cached_property
    def count(self):
        with self._through_indexes():
            return super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        articles = self.object_list
        if articles.query.distinct or articles.query.is_sliced:
            return self._get_page(articles[bottom:top], number, self)  # as Django does
        with self._through_indexes():
            ids = list(articles.values_list("pk", flat=True)[bottom:top])
        return self._get_page(articles.filter(pk__in=ids), number, self)
