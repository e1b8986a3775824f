"""Search costs the same in a large library: a capped count, the newest matches ranked, a
constant number of queries, and on PostgreSQL the GIN index (or the primary key) read, never
the whole table.

The results pages offer MAX_LIST_PAGES pages; the count stops one past them and says "More
than N results", and the last page offered says how to find more. A page that is not offered
is a 404, never an error.
"""

import json
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, NarrowerTerm
from articles.search import search_articles
from articles.search.backends import RECENT_WINDOW
from clinic.domain.models import DEFAULT_DISCLAIMER, Person

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")
PER_PAGE = django_settings.ARTICLES_PER_PAGE
WAY_ON = "best matches. Add a word to narrow your search"


def add_articles(count, start=0, title="Prazosin study {n}", body="Nightly sleep diary."):
    author = Person.objects.first() or Person.objects.create(name="Author", slug="author")
    now = timezone.now()
    return Article.objects.bulk_create(
        Article(title=title.format(n=n), slug=f"study-{n}", summary="A summary.", body=body,
                body_html=f"<p>{body}</p>", author=author, status="published",
                publish_at=now - timedelta(hours=n + 1), disclaimer=DEFAULT_DISCLAIMER)
        for n in range(start, start + count)
    )  # fmt: skip


@pytest.fixture
def two_pages_offered(settings):
    settings.MAX_LIST_PAGES = 2
    settings.PAGE_CACHE_SECONDS = 0
    return 2 * PER_PAGE


def test_the_count_stops_past_the_pages_offered_and_says_more_than(client, two_pages_offered):
    add_articles(two_pages_offered + 5)
    first = client.get(URL, {"q": "prazosin"})
    assert f"More than {two_pages_offered} results for “prazosin”" in first.text
    assert "Page 1 of 2" in first.text and WAY_ON not in first.text
    last = client.get(URL, {"q": "prazosin", "page": "2"}).text
    assert WAY_ON in last and 'rel="next"' not in last
    assert client.get(URL, {"q": "prazosin", "page": "3"}).status_code == 404


def test_a_count_within_the_pages_offered_is_exact(client, two_pages_offered):
    add_articles(two_pages_offered)
    text = client.get(URL, {"q": "prazosin", "page": "2"}).text
    assert f"{two_pages_offered} results for “prazosin”" in text
    assert "More than" not in text and WAY_ON not in text


@pytest.mark.parametrize(
    "page", ["0", "-1", "3", "x", "1.5", "01", " 1", "１", "99999999999999999999999", "2e1"]
)
def test_a_page_of_results_that_is_not_offered_is_a_404(client, two_pages_offered, page):
    add_articles(two_pages_offered + 1)
    assert client.get(URL, {"q": "prazosin", "page": page}).status_code == 404


def test_no_page_or_an_empty_one_is_the_first(client, two_pages_offered):
    add_articles(3)
    assert client.get(URL, {"q": "prazosin", "page": ""}).status_code == 200
    assert client.get(URL, {"q": "nothing matches this", "page": "1"}).status_code == 200


def test_the_best_of_the_matches_added_last_comes_first(two_pages_offered):
    add_articles(two_pages_offered * 2, title="Study {n}", body="Prazosin for nightmares.")
    Article.objects.filter(slug="study-40").update(title="Prazosin: what the trials found")
    found = search_articles("prazosin")
    assert found.count == two_pages_offered + 1 and found.has_more
    assert found.cards(found.ranked[:1])[0].slug == "study-40"  # its title beats recency
    assert len(set(found.ranked)) == len(found.ranked)  # no article twice


def test_own_words_come_before_broader_ones_however_many_match(two_pages_offered):
    NarrowerTerm.objects.create(term="zindle", broader="quorbit")
    add_articles(3, title="Zindle {n}", body="Sleep.")  # added first: the oldest ids
    add_articles(two_pages_offered * 2, start=100, title="Quorbit {n}", body="Sleep.")
    found = search_articles("zindle")
    titles = [article.title for article in found.cards(found.ranked[:4])]
    assert titles[:3] == ["Zindle 0", "Zindle 1", "Zindle 2"]  # then by publish time
    assert titles[3].startswith("Quorbit") and not found.only_broader
    assert found.count == two_pages_offered + 1


def _search_queries(client, queries):
    counts = {}
    for query in queries:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"q": query, "page": "2"}).status_code == 200
        counts[query] = len(captured.captured_queries)
    return counts


def test_a_search_takes_as_many_queries_in_a_large_library_as_in_a_small_one(
    client, two_pages_offered
):
    NarrowerTerm.objects.create(term="zindle", broader="prazosin")
    queries = ["prazosin", "zindle", "prazosin -placebo", "sleep OR diary"]
    add_articles(30)
    client.get(URL, {"q": "warm up"})  # the synonym lists, cached for every later search
    small = _search_queries(client, queries)
    add_articles(600, start=30)
    large = _search_queries(client, queries)
    assert small == large
    assert max(large.values()) <= 4  # candidates (twice when widened), cards, snippets


def _plans(client, query):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, {"q": query}).status_code == 200
    found = []
    with connection.cursor() as cursor:
        for sql in (q["sql"] for q in captured.captured_queries):
            if "search_vector" in sql and "ts_headline" not in sql:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                found.append((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
    return found


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _article_rows_read(plan):
    return sum(
        (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"]
        for node in _nodes(plan)
        if node.get("Relation Name") == "articles_article"
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_on_postgresql_search_reads_the_gin_index_or_a_page_of_the_newest(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with connection.cursor() as cursor:  # autovacuum's ANALYZE, which cannot see this test's
        # rows, must not replace the statistics of the ANALYZE below while the test runs
        cursor.execute("LOCK TABLE articles_article IN SHARE UPDATE EXCLUSIVE MODE")
    add_articles(3000, title="Sleep study {n}", body="A sleep diary.")
    add_articles(20, start=5000, title="Quorbitine study {n}", body="Quorbitine at night.")
    with connection.cursor() as cursor:  # as autovacuum leaves a live table: the GIN index's
        # pending list merged into it, and fresh statistics
        cursor.execute("SELECT gin_clean_pending_list('article_search_vector_gin')")
        cursor.execute("ANALYZE articles_article")
    client.get(URL, {"q": "warm up"})
    rare = _plans(client, "quorbitine")
    gin = [node for plan in rare for node in _nodes(plan)
           if node.get("Index Name") == "article_search_vector_gin"]  # fmt: skip
    scans = [node["Node Type"] for plan in rare for node in _nodes(plan)]
    assert gin and max(map(_article_rows_read, rare)) < 200, scans
    common = _plans(client, "sleep")  # matches all: the newest 241 only, ranked
    # The step for rare matches is planned but never run: it reads nothing.
    assert common and not any(node["Node Type"] == "Seq Scan" and node["Actual Loops"]
                              for plan in common for node in _nodes(plan))  # fmt: skip
    assert max(map(_article_rows_read, common)) < 1000
    # Widened to a dozen phrases no article has (Zoloft, its other names, antidepressants):
    # however many matches the planner expects, at most the latest RECENT_WINDOW are read.
    absent = _plans(client, "zoloft")
    assert absent and max(map(_article_rows_read, absent)) <= RECENT_WINDOW + 1
