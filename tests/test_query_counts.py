"""Every public page needs the same small number of queries with 30 or 300 of everything.

Measured with the page cache off and the site-wide parts (clinic profile, footer locations,
the next scheduled publish time, the glossary, search's synonyms) already cached, as they are
after the first request of each page. The library grows between the two measurements in the
same database (bulk-created rows: 20,000 would take minutes here; `make bench` times that
size), and each page, first and deepest, must take exactly as many queries as before.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Study, Topic
from articles.views.glossary import current_entries
from articles.views.sitemaps import ArticleSitemap
from clinic.domain.models import DEFAULT_DISCLAIMER, Location, OpeningHours, Person
from tests.public_pages import PAGE_TYPES, page_url

MAX_QUERIES = 8  # an article: 7, and its live translations for the language links
# The index: a count and a date for each of its five sections, a few dates read once (the
# newest change in each language: two index reads a language).
SITEMAP_QUERIES = 16
SITEMAP_PAGE = 100
DEEP_PAGES = {  # the deepest pages, as each page type's URL plus a query
    "article list, last page": ("article list", "?page=last"),
    "topic, last page": ("topic", "?page=last"),
    "person, last page": ("person", "?page=last"),
    "sitemap page, last": ("sitemap page", "?p={last}"),
}
# The sitemap's other sections, each a page of every language's addresses with their alternates.
SITEMAP_SECTIONS = ["pages", "topics", "people", "locations"]


def _populate(size, start=0):
    """`size` more of everything (people, topics, articles with a study, locations)."""
    now = timezone.now()
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", slug=f"person-{n}") for n in range(start, start + size)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}") for n in range(start, start + size)
    )
    people, topics = Person.objects.order_by("pk"), list(Topic.objects.order_by("pk")[:3])
    first = people[0]
    articles = Article.objects.bulk_create(
        Article(
            title=f"Ketamine study {n}",
            slug=f"article-{n}",
            summary="Summary.",
            body="Body.",
            body_html="<p>Body.</p>",
            author=first,
            reviewer=first,
            status="published",
            publish_at=now - timedelta(hours=n),
            disclaimer=DEFAULT_DISCLAIMER,
        )
        for n in range(start, start + size)
    )
    Study.objects.bulk_create(
        Study(article=a, title="A trial", journal="J", year=2020, authors="A B", design="rct")
        for a in articles
    )
    # Every other article translated into French (the sitemap names each pair's addresses).
    translations = Article.objects.bulk_create(
        Article(
            title=f"Étude sur la kétamine {n}", slug=f"article-fr-{n}", summary="Résumé.",
            body="Texte.", body_html="<p>Texte.</p>", author=first, status="published",
            publish_at=a.publish_at, disclaimer=DEFAULT_DISCLAIMER, language="fr",
            translation_key=a.translation_key,
        )
        for n, a in enumerate(articles, start=start) if n % 2 == 0
    )  # fmt: skip
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=a, topic=topics[n % 3])
        for n, a in enumerate([*articles, *translations])
    )
    locations = Location.objects.bulk_create(
        Location(
            name=f"Site {n}",
            slug=f"site-{n}",
            street_address="1 Main St",
            city="Toronto",
            phone="+14165550100",
        )
        for n in range(start, start + min(size, 50))
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(location=loc, weekday=d, opens="09:00", closes="17:00")
        for loc in locations
        for d in range(5)
    )
    english = Article.objects.filter(language="en")
    middle = english.order_by("-publish_at")[english.count() // 2]
    return {"article": middle, "topic": topics[0], "person": first,
            "location": Location.objects.first()}  # fmt: skip


def _count_queries(client, content):
    client.get("/")  # warms the site-wide parts
    current_entries()  # and the glossary, read once for all articles
    pages = {page.name: page_url(page, content) for page in PAGE_TYPES}
    statuses = {page.name: page.status for page in PAGE_TYPES}
    highest = max(Article.objects.published().values_list("pk", flat=True), default=0)
    last_sitemap_page = -(-highest // SITEMAP_PAGE)  # pages are ranges of ids
    for name, (base, query) in DEEP_PAGES.items():
        pages[name] = pages[base].split("?")[0] + query.format(last=last_sitemap_page)
    pages |= {f"sitemap {section}": f"/sitemap-{section}.xml" for section in SITEMAP_SECTIONS}
    for url in pages.values():  # what a page caches for every later request (search's words)
        client.get(url)
    counts = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == statuses.get(name, 200), (name, response.status_code)
        counts[name] = len(captured.captured_queries)
    return counts


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=0)
def test_public_pages_take_the_same_few_queries_whatever_the_size(client, settings, monkeypatch):
    settings.MAX_LIST_PAGES = 3  # so that 300 articles go past the last page offered
    monkeypatch.setattr(ArticleSitemap, "limit", SITEMAP_PAGE)  # and fill several sitemap pages
    small = _count_queries(client, _populate(30))
    large = _count_queries(client, _populate(270, start=30))
    assert {name: (n, large[name]) for name, n in small.items() if large[name] != n} == {}
    assert large.pop("sitemap") <= SITEMAP_QUERIES
    assert {name: n for name, n in large.items() if n > MAX_QUERIES} == {}
