"""Sitemaps on the public site's address: an index of sections, each in pages.

Django's own index view dates every page of a section by the section's newest change and builds
its addresses from the request's host; this one asks each section for its date once and uses
the same address as every other absolute link (links.py).
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date

from .links import absolute_url, site_origin


class PublicSitemap(Sitemap):
    """A sitemap whose URLs use the same address as every other absolute link (links.py)."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_origin()).netloc


@x_robots_tag
def sitemap_index(request, sitemaps, section_url_name):
    """/sitemap.xml: every page of every section, each dated by its section's newest change."""
    entries, newest = [], None
    for section, sitemap in sitemaps.items():
        sitemap = sitemap() if callable(sitemap) else sitemap
        lastmod = sitemap.get_latest_lastmod()
        newest = max(filter(None, (newest, lastmod)), default=None)
        url = absolute_url(reverse(section_url_name, kwargs={"section": section}))
        pages = sitemap.paginator.num_pages
        entries += [SitemapIndexItem(url if page == 1 else f"{url}?p={page}", lastmod)
                    for page in range(1, pages + 1)]  # fmt: skip
    headers = {"Last-Modified": http_date(newest.timestamp())} if newest else None
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )
