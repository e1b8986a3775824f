from django.core.exceptions import SuspiciousOperation

from clinic.chrome import site_chrome
from clinic.seo.links import absolute_url


def _canonical_url(request):
    """The page's address on the public site; only `?page=N` survives from the query."""
    url = absolute_url(request.path, request)
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # e.g. too many parameters: the 400 page must still render
        page = ""
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def site(request):
    """Clinic profile, active locations and the canonical URL, for every page."""
    chrome = site_chrome()
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "brand": chrome["brand"],
        "canonical_url": _canonical_url(request),
    }
