from clinic.domain.sitewide import site_chrome
from clinic.seo.links import canonical_url

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
        "brand": chrome["brand"],
        "canonical_url": canonical_url(request),
        "nav_section": nav_section(request),
    }
