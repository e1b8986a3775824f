from django.utils.translation import gettext_lazy as _

from clinic.domain.sitewide import site_chrome
from clinic.seo.links import canonical_url

# The main menu, in order: (section, label, the URL name of the section's page).
MENU = [
    ("articles", _("Articles"), "articles:list"),
    ("topics", _("Topics"), "articles:topic-list"),
    ("team", _("Team"), "clinic:team"),
    ("locations", _("Locations"), "clinic:locations"),
    ("search", _("Search"), "articles:search"),
]
# The menu section each page belongs to, by URL name: an article is in “Articles”, a person
# in “Team”, so the menu shows where the visitor is on every page, not only on the lists.
NAV_SECTIONS = {url_name: section for section, _, url_name in MENU} | {
    "articles:detail": "articles", "articles:preview": "articles",
    "articles:topic-detail": "topics", "clinic:person-detail": "team",
    "clinic:location-detail": "locations", "clinic:urgent-help": "urgent-help",
}  # fmt: skip


def nav_section(request):
    match = getattr(request, "resolver_match", None)
    return NAV_SECTIONS.get(match.view_name if match else "", "")


def site(request):
    """Clinic profile, active locations, the canonical URL, the menu and its current section,
    for every page."""
    chrome = site_chrome()
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "brand": chrome["brand"],
        "canonical_url": canonical_url(request),
        "menu": MENU,
        "nav_section": nav_section(request),
    }
