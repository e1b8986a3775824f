"""Sitemaps on the public site's address: an index of sections, each in pages.

Django's own index view dates every page of a section by the section's newest change and builds
its addresses from the request's host; this one asks each section for its date once and uses
the same address as every other absolute link (links.py). A section's page is written out
directly rather than through Django's template: the same XML, for 1,000 addresses in a tenth
of the time.

A page that exists in several languages has a <url> for each language's address, and each of
them names all of them, itself included, plus `x-default` for the default language's, as
`<xhtml:link rel="alternate" hreflang="fr-CA" href="…"/>` (Google's documented form): the same
tags and addresses as the pages' own heads (languages.py), so the two never disagree.
`TranslatedSitemap` does this for pages whose languages are known from the page itself (home,
topics, people, locations); the article section names each article's live translations.

Django's `i18n = True` lists every item in every language too, but hands `lastmod` the item
without its language (a French home page is dated by the French articles), writes the bare code
(`fr`) where the pages write `fr-CA`, and makes x-default by removing `/en/` from an address.
"""

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import http_date

from clinic.domain.languages import default_language, language_codes

from .languages import language_tag
from .links import absolute_url, site_origin

INDEX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/'
    'schemas/sitemap/0.9">\n{}\n</sitemapindex>\n'
)
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
    'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n{}\n</urlset>\n'
)


class PublicSitemap(Sitemap):
    """A sitemap whose URLs use the same address as every other absolute link (links.py)."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_origin()).netloc


class KeyRangePaginator(Paginator):
    """Pages by ranges of primary keys: page 2 holds the live articles with ids 1001 to 2000.

    A page is a range scan of the primary key, whatever its number, and keeps its addresses
    for good (a new article goes on the last page). The pages run from the range of the lowest
    live id to that of the highest, each read as the first entry of the primary key from one
    end, so the index never lists the empty ranges below the first article. A page may hold
    fewer than `per_page` addresses where drafts or deleted articles leave gaps."""

    def validate_number(self, number):
        number = int(number) if str(number).isascii() and str(number).isdigit() else 0
        if number < 1:
            raise PageNotAnInteger("That page number is not a whole number.")
        if number == 1:  # the section's own address shows its first page with articles
            number = self.first_page
        if number < self.first_page or number > self.num_pages:
            raise EmptyPage("That page contains no results.")
        return number

    def _page_of(self, ordering):
        key = next(iter(self.object_list.order_by(ordering).values_list("pk", flat=True)[:1]), 0)
        return max(1, -(-key // self.per_page))

    @cached_property
    def first_page(self):
        return self._page_of("pk")

    @cached_property
    def num_pages(self):
        return self._page_of("-pk")

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page + 1
        keys = (first, first + self.per_page - 1)
        return self._get_page(list(self.object_list.filter(pk__range=keys)), number, self)


class HreflangAlternates:
    """The alternates of a page from {language code: absolute URL} of its versions: each
    language's tag, in the order of settings.LANGUAGES, then x-default for the default
    language's version; none for a page in one language only (as its head says). Made once
    for a sitemap page, which calls it for each of its 1,000 addresses."""

    def __init__(self):
        self.tags = [(code, language_tag(code)) for code in language_codes()]
        self.default = default_language()

    def __call__(self, locations):
        if len(locations) < 2:
            return []
        links = [
            {"lang_code": tag, "location": locations[code]}
            for code, tag in self.tags
            if code in locations
        ]
        if self.default in locations:
            links.append({"lang_code": "x-default", "location": locations[self.default]})
        return links


@dataclass(frozen=True)
class Version:
    """One language's address of a page: a <url> of the sitemap."""

    page: object
    language: str


class VersionPaginator(Paginator):
    """Pages of a section's pages (a count, and a slice of a query, as for any list), each
    page holding every language version of its pages."""

    def __init__(self, object_list, per_page, *, versions):
        super().__init__(object_list, per_page)
        self.versions = versions

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(self.versions(object_list), number, paginator)


class TranslatedSitemap(PublicSitemap):
    """A section of pages that exist in several languages: `items()` are the pages, and each
    of a page's languages (`languages_of`) is a <url> naming the others. A page of the section
    holds `limit` addresses at most, whatever the number of languages."""

    def languages_of(self, page):
        """The languages `page` exists in: all of the site's unless a section says otherwise."""
        return language_codes()

    def page_location(self, page):
        """The page's path in the active language."""
        return page.get_absolute_url()

    def location(self, version):
        with translation.override(version.language):
            return self.page_location(version.page)

    def versions(self, pages):
        return [Version(page, code) for page in pages for code in self.languages_of(page)]

    @property
    def paginator(self):
        per_page = max(1, self.limit // len(language_codes()))
        return VersionPaginator(self.items(), per_page, versions=self.versions)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        hreflang_alternates = HreflangAlternates()
        for url in urls:
            shown = url["item"].page
            url["alternates"] = hreflang_alternates({
                code: origin + self.location(Version(shown, code))
                for code in self.languages_of(shown)
            })  # fmt: skip
        return urls


@x_robots_tag
def sitemap_index(request, sitemaps, section_url_name):
    """/sitemap.xml: every page of every section, each dated (the day, as on the pages) by its
    section's newest change."""
    entries, newest = [], None
    for section, sitemap in sitemaps.items():
        sitemap = sitemap() if callable(sitemap) else sitemap
        lastmod = sitemap.get_latest_lastmod()
        newest = max(filter(None, (newest, lastmod)), default=None)
        url = absolute_url(reverse(section_url_name, kwargs={"section": section}))
        pages = range(getattr(sitemap.paginator, "first_page", 1), sitemap.paginator.num_pages + 1)
        entries += [SitemapIndexItem(url if page == 1 else f"{url}?p={page}", lastmod)
                    for page in pages]  # fmt: skip
    lines = [
        f"<sitemap><loc>{escape(entry.location)}</loc>"
        + (f"<lastmod>{_day(entry.last_mod)}</lastmod>" if entry.last_mod else "")
        + "</sitemap>"
        for entry in entries
    ]
    response = HttpResponse(INDEX.format("\n".join(lines)), content_type="application/xml")
    if newest:
        response.headers["Last-Modified"] = http_date(newest.timestamp())
    return response


def _day(moment, zone=None):
    """A <lastmod> as Django's template writes it: the day, in the site's time zone (`zone`,
    read once for a page of 1,000 addresses)."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = moment.astimezone(zone or timezone.get_current_timezone())
    return (moment.date() if isinstance(moment, datetime) else moment).isoformat()


def _url(url, zone):
    """One <url>, escaped by the standard library's html.escape (Django's adds a lazy
    wrapper and a SafeString to each of the page's thousands of values)."""
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if url["lastmod"]:
        parts.append(f"<lastmod>{_day(url['lastmod'], zone)}</lastmod>")
    if url["changefreq"]:
        parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
    if url["priority"]:
        parts.append(f"<priority>{escape(str(url['priority']))}</priority>")
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{escape(link["lang_code"])}" '
        f'href="{escape(link["location"])}"/>'
        for link in url.get("alternates", ())
    ]
    return "".join(parts) + "</url>"


@x_robots_tag
def sitemap_section(request, sitemaps, section):
    """/sitemap-<section>.xml?p=N: one page of a section, a sitemaps.org <urlset>."""
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}.")
    sitemap = sitemaps[section]
    sitemap = sitemap() if callable(sitemap) else sitemap
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of the sitemap.") from error
    zone = timezone.get_current_timezone()
    response = HttpResponse(
        URLSET.format("\n".join(_url(url, zone) for url in urls)), content_type="application/xml"
    )
    newest = getattr(sitemap, "latest_lastmod", None)
    if newest is not None:
        response.headers["Last-Modified"] = http_date(newest.timestamp())
    return response
