"""On PostgreSQL, the hot queries of the public pages read articles through indexes.

With a few thousand articles and fresh statistics (ANALYZE), the planner has a real choice; it
must not scan the whole article table (or the topic links) for the pages readers open most:
the lists first and deepest, a topic, a person, an article, the feed, the sitemap's index and a
page of it. Skipped on SQLite (whose plans `make bench` times instead).
"""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Topic
from clinic.domain.models import DEFAULT_DISCLAIMER, Person

ARTICLES = 3000
HOT_PAGES = [
    "/", "/articles/", "/articles/?page=last", "/topics/topic-3/", "/topics/topic-3/?page=last",
    "/team/person-7/", "/team/person-0/?page=last", "/articles/study-1501/",
    "/articles/study-1501/?topic=topic-3", "/feed/", "/sitemap.xml",
    "/sitemap-articles.xml?p={page}", "/sitemap-articles.xml?p={last}", "/sitemap-topics.xml",
    "/sitemap-people.xml", "/sitemap-pages.xml", "/fr/sujets/topic-3/", "/fr/",
    # A topic with three articles, the oldest of the library: its page, and an article's
    # previous and next within it.
    "/topics/rare/", "/topics/rare/?page=last", "/articles/study-2981/?topic=rare",
    "/articles/?topic=rare", "/articles/?topic=rare&page=last", "/topics/rare/feed/",
]  # fmt: skip
# Rows a query may read from each table (3,000 articles, 6,000 topic links): a few pages'
# worth, far short of the whole table.
MOST_ROWS_READ = {
    "articles_article": 1000,
    "articles_article_topics": 2000,
    "articles_topiclisting": 2000,
}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner"),
]


@pytest.fixture
def library(settings):
    settings.PAGE_CACHE_SECONDS = 0
    now = timezone.now()
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", slug=f"person-{n}") for n in range(30)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}", description="About it.") for n in range(40)
    )
    articles = Article.objects.bulk_create(
        Article(title=f"Study {n}", slug=f"study-{n}", summary="S. " * 40, body="B. " * 400,
                body_html="<p>B.</p>" * 200, author=people[n % 30], reviewer=people[0],
                status="published" if n % 10 else "draft", publish_at=now - timedelta(hours=n),
                disclaimer=DEFAULT_DISCLAIMER)
        for n in range(ARTICLES)
    )  # fmt: skip
    # One in ten translated into French, as a clinic's library is while translation goes on.
    articles += Article.objects.bulk_create(
        Article(title=f"Étude {n}", slug=f"etude-{n}", summary="S. " * 40, body="T. " * 400,
                body_html="<p>T.</p>" * 200, author=a.author, status=a.status, language="fr",
                publish_at=a.publish_at, disclaimer=DEFAULT_DISCLAIMER,
                translation_key=a.translation_key)
        for n, a in enumerate(articles) if n % 10 == 1
    )  # fmt: skip
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=a, topic=topics[(n * 7 + k) % 40])
        for n, a in enumerate(articles)
        for k in (0, 1)
    )
    rare = Topic.objects.create(name="Rare topic", slug="rare", description="Seldom studied.")
    rare.articles.add(*Article.objects.filter(slug__in=["study-2981", "study-2985", "study-2989"]))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def hot_paths():
    """HOT_PAGES, with the sitemap pages holding a middle article and the last one (the French
    translations): ids run on from earlier tests on PostgreSQL, so their numbers vary."""
    page = -(-Article.objects.get(slug="study-1501").pk // 1000)
    last = -(-Article.objects.order_by("-pk").first().pk // 1000)
    return [path.format(page=page, last=last) for path in HOT_PAGES]


def plans(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    found = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "articles_article" not in query["sql"]:
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            found.append((query["sql"], plan[0]["Plan"]))
    return found


def rows_read(node):
    """{(table, scan): rows} read by the plan's scans of the articles and their topic links."""
    read = {}
    if node.get("Relation Name") in MOST_ROWS_READ:
        rows = (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"]
        read[(node["Relation Name"], node["Node Type"])] = rows
    for child in node.get("Plans", []):
        for key, rows in rows_read(child).items():
            read[key] = read.get(key, 0) + rows
    return read


def test_hot_pages_read_articles_through_indexes(client, library):
    client.get("/")  # the site-wide parts, cached after the first request
    scans = {}
    # A page of the article sitemap is a range of 1,000 ids: the one holding a middle article
    # (ids run on from earlier tests on PostgreSQL, so its number is not fixed).
    for path in hot_paths():
        for sql, plan in plans(client, path):
            many = {(table, scan): rows for (table, scan), rows in rows_read(plan).items()
                    if rows > MOST_ROWS_READ[table]}  # fmt: skip
            if many:
                scans.setdefault(path, []).append((sql[:400], many))
    assert not scans, "\n\n".join(
        f"{path}: {sql}\n  {many}" for path, found in scans.items() for sql, many in found
    )
