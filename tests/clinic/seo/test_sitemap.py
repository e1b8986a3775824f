"""sitemap.xml: every indexable page, each with <lastmod>, in the sitemaps.org 0.9 format.

The structure checks are the rules of sitemaps.org's sitemap.xsd: a <urlset> in its
namespace holding at most 50,000 <url>s, each an absolute <loc> under 2,048 characters and
optionally <lastmod> (W3C date), <changefreq> (one of seven words) and <priority> (0.0-1.0).
"""

import re

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.utils import timezone

from articles.models import Article

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATE = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}
SEQUENCE = ["loc", "lastmod", "changefreq", "priority"]
NOT_INDEXED = {"search", "search-results"}  # noindex


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{NS}urlset"
    entries = {}
    for url in root:
        assert url.tag == f"{NS}url"
        fields = {child.tag.removeprefix(NS): (child.text or "").strip() for child in url}
        assert len(fields) == len(url), "each field once"
        order = [child.tag.removeprefix(NS) for child in url]
        assert order == [name for name in SEQUENCE if name in fields], "the schema's order"
        assert fields["loc"] not in entries, "each URL once"
        entries[fields["loc"]] = fields
    assert 0 < len(entries) <= 50_000
    return entries


@pytest.mark.django_db
def test_sitemap_follows_the_sitemaps_org_schema(site, client):
    for loc, fields in sitemap(client).items():
        assert loc.startswith(settings.SITE_URL + "/") and 12 <= len(loc) <= 2048
        assert W3C_DATE.match(fields["lastmod"]), fields
        assert fields["changefreq"] in CHANGEFREQ
        assert 0.0 <= float(fields["priority"]) <= 1.0


@pytest.mark.django_db
def test_every_indexable_page_is_in_the_sitemap_with_a_lastmod(site, client):
    entries = sitemap(client)
    for kind, path in site.items():
        url = settings.SITE_URL + path
        if kind in NOT_INDEXED:
            assert url.split("?")[0] not in entries, kind
        else:
            assert url in entries, kind
            assert entries[url].get("lastmod"), kind


@pytest.mark.django_db
def test_only_linked_former_colleagues_and_live_articles_are_listed(site, client):
    entries = sitemap(client)
    assert settings.SITE_URL + site["former-author"] in entries  # a live article's byline
    assert settings.SITE_URL + "/team/not-linked/" not in entries
    assert settings.SITE_URL + "/articles/a-draft/" not in entries


@pytest.mark.django_db
def test_list_pages_are_dated_by_the_newest_change_they_show(site, client):
    entries = sitemap(client)
    article = Article.objects.get(slug="ketamine-and-ptsd")
    newest = max(a.updated_at or a.publish_at for a in Article.objects.published())
    day = timezone.localtime(newest).date().isoformat()
    assert entries[settings.SITE_URL + "/articles/"]["lastmod"] == day
    assert entries[settings.SITE_URL + "/"]["lastmod"] == day
    topic = entries[settings.SITE_URL + site["topic"]]["lastmod"]
    assert topic >= timezone.localtime(article.updated_at).date().isoformat()
