"""`/search/`: the form, the results page by page, and help when nothing is found.

`?q=` searches; `&page=` (plain digits) turns the pages offered (`articles.search.offered`),
and any other page is a 404. When nothing matches and a corrected spelling does, its results
are shown at once with a link that searches the words as typed (`&as_typed=1`).
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import GlossaryTerm, Topic
from articles.search import MAX_QUERY_LENGTH, search_articles
from clinic.domain.languages import in_name_order
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import web_page
from clinic.seo.links import absolute_url
from clinic.seo.meta import meta_description, page_meta
from clinic.seo.mixin import site_graph
from clinic.seo.pagination import is_page_number


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search the research summaries"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": gettext_lazy(
                "Please shorten your search to %(limit_value)d characters or fewer "
                "(it has %(show_value)d)."
            ),
        },
    )


def search_metadata(request):
    """The search page's head tags and graph: the same for every query (it is not indexed)."""
    clinic = clinic_profile()
    description = meta_description(
        _("Search the research summaries of %(clinic)s by condition, treatment or study.")
        % {"clinic": clinic.name}
    )
    url = absolute_url(reverse("articles:search"))
    page = web_page("SearchResultsPage", url=url, name=_("Search"), description=description)
    return {
        "page_meta": page_meta(clinic, title=_("Search"), description=description),
        "structured_data": site_graph(page),
    }


def search(request):
    """`/search/?q=`: the form alone when empty; a 400 with the form's message when invalid."""
    metadata = search_metadata(request)
    if not request.GET.get("q", "").strip():
        context = {"form": SearchForm(), "query": "", **metadata}
        return render(request, "articles/search.html", context)
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "query": "", **metadata}
        return render(request, "articles/search.html", context, status=400)
    number = request.GET.get("page") or "1"
    if not is_page_number(number):  # int() would read "１", " 1" or "01" as page 1
        raise Http404("No such page of results.")
    as_typed = request.GET.get("as_typed") == "1"
    found = search_articles(form.cleaned_data["q"], as_typed=as_typed)
    try:
        page = found.page(number, settings.ARTICLES_PER_PAGE)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of results.") from error
    page_query = urlencode({"q": found.text, **({"as_typed": "1"} if as_typed else {})})
    context = {"form": form, "query": found.text, "search": found, "page_obj": page,
               "paginator": page.paginator, "page_query": page_query, **metadata}  # fmt: skip
    if found.corrected_from:
        context["as_typed_query"] = urlencode({"q": found.corrected_from, "as_typed": "1"})
    if not page.object_list:
        context["topics"] = in_name_order(Topic.objects.with_published_articles())
        context["glossary_terms"] = glossary_matches(found.query.words)
    return render(request, "articles/search.html", context)


def glossary_matches(words, limit=5):
    """Glossary terms named by a word of the query (4+ letters), for a page with no results."""
    words = [word for word in dict.fromkeys(words) if len(word) >= 4][:6]
    if not words:
        return []
    matches = Q()
    for word in words:
        matches |= Q(term__icontains=word) | Q(also_known_as__icontains=word)
    return list(GlossaryTerm.objects.filter(matches).order_by("term")[:limit])
