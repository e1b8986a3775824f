"""sitemap.xml: every indexable page, each with <lastmod>, in the sitemaps.org 0.9 format.

/sitemap.xml is a <sitemapindex> naming the pages of each section. The structure checks are
the rules of sitemaps.org's sitemap.xsd: each page a <urlset> in its namespace holding at most
1,000 <url>s here (50,000 in the schema), each an absolute <loc> under 2,048 characters and
optionally <lastmod> (W3C date), <changefreq> (one of seven words) and <priority> (0.0-1.0).
"""

import re
from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, PersonFactory
from tests.sitemaps import NS, XHTML, index_entries, page_urls

W3C_DATE = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}
SEQUENCE = ["loc", "lastmod", "changefreq", "priority"]
NOT_INDEXED = {"search", "search-results"}  # noindex


def sitemap(client):
    entries = {}
    for loc, lastmod in index_entries(client):
        assert loc.startswith(settings.SITE_URL + "/sitemap-") and W3C_DATE.match(lastmod)
        urls = page_urls(client, loc)
        assert 0 < len(urls) <= 1000
        entries.update(page_entries(urls, entries))
    return entries


def page_entries(urls, seen):
    entries = {}
    for url in urls:
        assert url.tag == f"{NS}url"
        own = [child for child in url if child.tag.startswith(NS)]
        links = url.findall(f"{XHTML}link")
        assert [*own, *links] == list(url), "the page's fields, then its alternates, only"
        fields = {child.tag.removeprefix(NS): (child.text or "").strip() for child in own}
        assert len(fields) == len(own), "each field once"
        order = [child.tag.removeprefix(NS) for child in own]
        assert order == [name for name in SEQUENCE if name in fields], "the schema's order"
        assert fields["loc"] not in entries and fields["loc"] not in seen, "each URL once"
        entries[fields["loc"]] = fields
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


@pytest.mark.django_db
def test_articles_come_in_pages_of_1000_ids_that_keep_their_addresses(client, settings):
    settings.SITE_URL = "https://clinic.example"
    author = PersonFactory()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(title=f"Study {n}", slug=f"study-{n}", summary="S.", body="B.", author=author,
                status="published" if n % 7 else "draft", publish_at=now - timedelta(hours=n),
                disclaimer="D.")
        for n in range(2101)
    )  # fmt: skip
    Article.objects.filter(slug="study-5").update(updated_at=now - timedelta(minutes=1))
    ids = {a.pk: a.slug for a in Article.objects.published()}
    pages = [loc for loc, _ in index_entries(client) if "/sitemap-articles.xml" in loc]
    # Page n holds ids (n-1)*1000+1 to n*1000; the index runs from the page of the lowest
    # live id (ids need not start at 1) to that of the highest, and page 1 is the bare address.
    first, count = (-(-key // 1000) for key in (min(ids), max(ids)))
    base = "https://clinic.example/sitemap-articles.xml"
    numbers = range(first, count + 1)
    assert pages == [base if n == 1 else f"{base}?p={n}" for n in numbers]
    assert len(pages) in (3, 4)  # 2,101 consecutive ids span three or four ranges
    listed = {}
    for number, loc in zip(numbers, pages, strict=True):
        urls = page_urls(client, loc)
        assert len(urls) <= 1000
        for url in urls:
            listed[url.findtext(f"{NS}loc")] = (number, url.findtext(f"{NS}lastmod"))
    expected = {
        f"https://clinic.example/articles/{slug}/": (-(-pk // 1000)) for pk, slug in ids.items()
    }
    assert {loc: number for loc, (number, _) in listed.items()} == expected
    assert listed["https://clinic.example/articles/study-5/"][1] == timezone.localdate().isoformat()


@pytest.mark.django_db
def test_a_library_whose_ids_start_high_lists_no_empty_page(client, settings):
    """Ids left by deleted articles (or a database's sequence) need not start at 1: the index
    starts at the range of the lowest live id and the bare address shows that page."""
    settings.SITE_URL = "https://clinic.example"
    author = PersonFactory()
    for pk in (2501, 2502, 3999, 4001):
        ArticleFactory(pk=pk, slug=f"study-{pk}", author=author, status="published")
    pages = [loc for loc, _ in index_entries(client) if "/sitemap-articles.xml" in loc]
    base = "https://clinic.example/sitemap-articles.xml"
    assert pages == [f"{base}?p=3", f"{base}?p=4", f"{base}?p=5"]
    slugs = [[url.findtext(f"{NS}loc").rsplit("/", 2)[1] for url in page_urls(client, page)]
             for page in [base, *pages]]  # fmt: skip
    assert slugs == [["study-2501", "study-2502"], ["study-2501", "study-2502"], ["study-3999"],
                     ["study-4001"]]  # fmt: skip
    assert client.get(f"{base}?p=2").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["?p=0", "?p={past}", "?p=-1", "?p=x", "?p=1.5", "?p=99999999999", "?p=%EF%BC%91"]
)
def test_a_page_that_does_not_exist_is_not_found(client, query):
    past = -(-ArticleFactory().pk // 1000) + 1  # the page after the last
    query = query.format(past=past)
    assert client.get("/sitemap-articles.xml" + query).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
def test_pages_say_what_djangos_own_sitemap_view_would(site, client, rf):
    from django.contrib.sitemaps.views import sitemap as djangos_view

    from clinic.config.urls import SITEMAPS

    for section in SITEMAPS:
        ours = page_urls(client, f"/sitemap-{section}.xml")
        theirs = djangos_view(rf.get("/"), SITEMAPS, section=section).render()
        theirs = ElementTree.fromstring(theirs.content)
        assert [[(c.tag, c.text, c.attrib) for c in url] for url in ours] == [
            [(c.tag, (c.text or "").strip() or None, c.attrib) for c in url] for url in theirs
        ], section
