from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from .links import site_origin


class PublicSitemap(Sitemap):
    """A sitemap whose URLs use the same address as every other absolute link (links.py)."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_origin()).netloc
