from django.utils.translation import get_language
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


def view_name(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


class SiteParts:
    """The stretches of every page that only the site chrome, the language and the kind of
    page decide (`{% part "header" in site_parts %}`: the head's links, the header with its
    menu, the footer), kept made in this process for the chrome's current version.

    The chrome (`site_chrome`) gets a new version whenever it is read afresh from the
    database, after any change to the clinic's profile, settings or locations; the parts of
    older versions are dropped then. The kind of page is its URL name: the menu marks the
    page it is on, and only a list page itself (no arguments) can be at a menu address.
    """

    made = {}  # (chrome version, language, URL name, part name) -> HTML
    version = None

    def __init__(self, version, language, kind):
        self.key = (version, language, kind)
        if version != SiteParts.version:
            SiteParts.made, SiteParts.version = {}, version

    def get(self, name):
        return SiteParts.made.get((*self.key, name))

    def record(self, name, html):
        if self.key[0] == SiteParts.version:
            SiteParts.made[(*self.key, name)] = html


def site(request):
    """Clinic profile, active locations, the canonical URL, the menu and its current section,
    and the site-wide parts of the page already made, for every page."""
    chrome = site_chrome()
    kind = view_name(request)
    return {
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "brand": chrome["brand"],
        "canonical_url": canonical_url(request),
        "menu": MENU,
        "nav_section": NAV_SECTIONS.get(kind, ""),
        "site_parts": SiteParts(chrome["version"], get_language(), kind),
    }
