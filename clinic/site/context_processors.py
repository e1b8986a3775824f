from clinic.chrome import site_chrome
from clinic.seo.links import canonical_url


def site(request):
    """Clinic profile, active locations and the canonical URL, for every page."""
    chrome = site_chrome()
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "brand": chrome["brand"],
        "canonical_url": canonical_url(request),
    }
