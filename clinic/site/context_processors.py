from django.core.exceptions import SuspiciousOperation

from clinic.chrome import site_chrome
from clinic.seo.links import absolute_url


def _canonical_url(request):
    """The page's address on the public site; only `?page=N` survives from the query."""
    url = absolute_url(request.path)
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # e.g. too many parameters: the 400 page must still render
        page = ""
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


# The menu section each page belongs to, by URL name: an article is in “Articles”, a person
# in “Team”, so the menu shows where the visitor is on every page, not only on the lists.
NAV_SECTIONS = {
    "articles:list": "articles", "articles:detail": "articles", "articles:preview": "articles",
    "articles:topic-list": "topics", "articles:topic-detail": "topics",
    "clinic:team": "team", "clinic:person-detail": "team",
    "clinic:locations": "locations", "clinic:location-detail": "locations",
    "articles:search": "search",
}  # fmt: skip


def nav_section(request):
    match = getattr(request, "resolver_match", None)
    return NAV_SECTIONS.get(match.view_name if match else "", "")


def site(request):
    """Clinic profile, active locations, the canonical URL and the menu section, for every
    page."""
    chrome = site_chrome()
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "canonical_url": _canonical_url(request),
        "nav_section": nav_section(request),
    }
