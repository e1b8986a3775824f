from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from .site_cache import site_chrome


def _canonical_url(request):
    """The page's address on the public site; only `?page=N` survives from the query."""
    url = settings.SITE_URL + request.path
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # e.g. too many parameters: the 400 page must still render
        page = ""
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def clinic_for(request):
    """The clinic profile (from the cache; see clinic.site_cache)."""
    return site_chrome()["clinic"]


def site(request):
    """Clinic profile, active locations and the canonical URL, for every page."""
    chrome = site_chrome()
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "canonical_url": _canonical_url(request),
    }
