"""Every public page needs the same small number of queries with 30 or 300 of everything.

Measured with the page cache off and the site-wide parts (clinic profile, footer locations,
the next scheduled publish time, the glossary, search's synonyms) already cached, as they are
after the first request of each page. The library grows between the two measurements in the
same database (bulk-created rows: 20,000 would take minutes here; `make bench` times that
size), and each page, first and deepest, must take exactly as many queries as before. Every
article has a French translation, and each page is measured at its French address too.
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
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR
from tests.public_pages import PAGE_TYPES, page_url, page_url_in

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
# The searches that look words up in the full-text index (not the empty form, nor a refusal).
FRENCH_STEMS = {"search with hits", "search without hits", "search corrected"}
# The sitemap's other sections, each a page of every language's addresses with their alternates.
SITEMAP_SECTIONS = ["pages", "topics", "people", "locations"]
# One for the whole site, at no language's address: measured once, in English.
SITE_WIDE = {"sitemap", "sitemap page", "robots.txt"}


def _populate(size, start=0):
    """`size` more of everything (people, topics, articles with a study, locations)."""
    now = timezone.now()
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", slug=f"person-{n}") for n in range(start, start + size)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}", name_fr=f"Sujet {n}", slug_fr=f"sujet-{n}")
        for n in range(start, start + size)
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
    translations = Article.objects.bulk_create(
        Article(
            title=f"Étude sur la kétamine {n}",
            slug=f"article-fr-{n}",
            language="fr",
            translation_key=original.translation_key,
            summary="Résumé.",
            body="Texte.",
            body_html="<p>Texte.</p>",
            author=first,
            reviewer=first,
            status="published",
            publish_at=original.publish_at,
            disclaimer=DEFAULT_DISCLAIMER_FR,
        )
        for n, original in enumerate(articles, start=start)
    )
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=a, topic=topics[n % 3])
        for rows in (articles, translations)
        for n, a in enumerate(rows)
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
    originals = Article.objects.filter(language="en").order_by("-publish_at")
    middle = originals[originals.count() // 2]
    return {"article": middle, "topic": topics[0], "person": first,
            "location": Location.objects.first(),
            "translations": {"fr": {"article": middle.translation_in("fr"),
                                    "topic": topics[0]}}}  # fmt: skip


def _count_queries(client, content, language="en"):
    client.get("/" if language == "en" else f"/{language}/")  # warms the site-wide parts
    current_entries()  # and the glossary, read once for all articles
    page_types = [p for p in PAGE_TYPES if language == "en" or p.name not in SITE_WIDE]
    pages = {
        page.name: page_url(page, content)
        if language == "en"
        else page_url_in(language, page, content)
        for page in page_types
    }
    statuses = {page.name: page.status for page in page_types}
    highest = max(Article.objects.published().values_list("pk", flat=True), default=0)
    last_sitemap_page = -(-highest // SITEMAP_PAGE)  # pages are ranges of ids
    for name, (base, query) in DEEP_PAGES.items():
        if base in pages:
            pages[name] = pages[base].split("?")[0] + query.format(last=last_sitemap_page)
    if language == "en":  # the sitemap is site-wide: measured once
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
    content = _populate(30)
    small = {language: _count_queries(client, content, language) for language in ("en", "fr")}
    content = _populate(270, start=30)
    large = {language: _count_queries(client, content, language) for language in ("en", "fr")}
    for language, counts in small.items():
        grown = large[language]
        assert {name: (n, grown[name]) for name, n in counts.items() if grown[name] != n} == {}
        assert grown.pop("sitemap", 0) <= SITEMAP_QUERIES
        assert {name: n for name, n in grown.items() if n > MAX_QUERIES} == {}, language
    # The same pages in French take as many queries as in English; on SQLite, a French search
    # reads the stems of its words from the French index's vocabulary first (one query).
    stems = 1 if connection.vendor == "sqlite" else 0
    english = {name: n + (stems if name in FRENCH_STEMS else 0)
               for name, n in large["en"].items() if name in large["fr"]}  # fmt: skip
    assert {name: (n, large["fr"][name]) for name, n in english.items()
            if large["fr"][name] != n} == {}  # fmt: skip
