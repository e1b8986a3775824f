"""The parsed query run by each database's own full-text engine.

PostgreSQL: the weighted `search_vector` column (title A, summary B, the rest C), queried with
`phraseto_tsquery` per phrase combined with && / || / !!, ranked by ts_rank, snippets from
ts_headline, all in the `english_unaccent` configuration (English stemming after the unaccent
dictionary: articles migration 0022), so accents count for nothing on either side.
SQLite: the FTS5 index (`articles.search.sqlite_index`), queried with the same structure in
FTS5's syntax, ranked by bm25 with the same order of weights, snippets from FTS5's snippet(),
its tokeniser removing accents. Both stem English words and mark whole words only.

On both, `candidates()` ranks the newest matches only, at most a given number of them (the
results pages offered and one more: `articles.search`): the index hands them over newest first
without reading the rest, so a search costs the same in a library of 100 articles or 20,000.
`matches()` is the same filter unranked.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
)
from django.db import connection
from django.db.models import F, Subquery, Value

from .query import Query

START, STOP = "\x02", "\x03"  # around each hit in a snippet; escaped text has neither
SNIPPET_TOKENS = 32
RECENT_WINDOW = 1000  # PostgreSQL: latest ids read first for the latest matches (candidates)
# bm25 column weights, in the ratio of PostgreSQL's default ts_rank weights A 1.0, B 0.4, C 0.2.
BM25 = "bm25(articles_article_fts, 10.0, 4.0, 2.0)"
# PostgreSQL's text search configuration for documents and queries alike: English, accents off.
CONFIG = "english_unaccent"


def _phrase(words, invert=False):
    return SearchQuery(" ".join(words), search_type="phrase", config=CONFIG, invert=invert)


def _none_of(alternatives):
    """None of the alternatives (De Morgan: only a single SearchQuery can be inverted)."""
    return reduce(and_, (
        reduce(or_, (_phrase(words, invert=True) for words in phrases))
        for phrases in alternatives
    ))  # fmt: skip


class PostgreSQLBackend:
    vendor = "postgresql"

    @staticmethod
    def _tsquery(query):
        def choice(alternatives):
            return reduce(or_, (reduce(and_, map(_phrase, phrases)) for phrases in alternatives))

        matched = reduce(and_, map(choice, query.clauses))
        for alternatives in query.excluded:
            matched &= _none_of(alternatives)
        return matched

    def matches(self, articles, query):
        """The articles that match `query`, unranked."""
        return articles.filter(search_vector=self._tsquery(query))

    def candidates(self, articles, query, limit):
        """[(id, rank, publish_at)] of the `limit` matches added last, ranked by ts_rank, and
        only those ranked; one statement in two steps, each bounded whatever the planner
        guesses of how many articles match.

        1. The articles among the latest `RECENT_WINDOW` ids, read backwards along the primary
           key (or from the GIN index, as the planner sees fit): when matches are common it
           finds `limit` of them there, and those are the latest of all.
        2. Only when it found fewer: every match, from the GIN index (few, since fewer than
           `limit` of the latest `RECENT_WINDOW` match), the latest `limit` sorted out. The
           order is an expression on the key, not the key itself, so the planner cannot walk
           the whole key backwards on an overestimate: a query widened with a dozen rare
           phrases ("zoloft", widened to antidepressants) was estimated at hundreds of
           matches, found none, and read all 20,000 articles to learn it (0.35 s).
        """
        from articles.models import Article

        tsquery = self._tsquery(query)
        matching = articles.filter(search_vector=tsquery).annotate(
            rank=SearchRank(F("search_vector"), tsquery)
        )
        latest = Subquery(Article.objects.order_by("-pk").values("pk")[:1])
        recent = matching.filter(pk__gt=latest - Value(RECENT_WINDOW)).order_by("-pk")[:limit]
        everything = matching.order_by((F("pk") + Value(0)).desc())[:limit]
        parts = [
            qs.values_list("pk", "rank", "publish_at").query.sql_with_params()
            for qs in (recent, everything)
        ]
        # SQL compiled by Django, its values bound as parameters.
        sql = (
            f"WITH recent AS MATERIALIZED ({parts[0][0]}) SELECT * FROM recent UNION ALL "  # noqa: S608
            f"SELECT * FROM ({parts[1][0]}) AS every WHERE (SELECT count(*) FROM recent) < %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*parts[0][1], *parts[1][1], limit])
            rows = {row[0]: row for row in cursor.fetchall()}
        return sorted(rows.values(), key=lambda row: -row[0])[:limit]

    def snippets(self, articles, query):
        """{article id: summary fragment with hits between START and STOP}."""
        from articles.models import Article

        headline = SearchHeadline(
            "summary", self._tsquery(query), config=CONFIG, start_sel=START, stop_sel=STOP,
            max_words=SNIPPET_TOKENS + 8, min_words=15, highlight_all=False,
        )  # fmt: skip
        ids = [article.pk for article in articles]
        rows = Article.objects.filter(pk__in=ids).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))


def direct_query(query):
    """`query` without what narrower terms widened it with."""
    return Query(text=query.text, clauses=query.direct, excluded=query.excluded,
                 direct=query.direct)  # fmt: skip


def _fts_string(words):
    return '"' + " ".join(words) + '"'  # words are letters and digits only: nothing to escape


def fts_expression(query):
    """The FTS5 MATCH expression for a parsed query."""

    def choice(alternatives):
        return "(" + " OR ".join(
            "(" + " AND ".join(map(_fts_string, phrases)) + ")" for phrases in alternatives
        ) + ")"  # fmt: skip

    matched = " AND ".join(map(choice, query.clauses))
    if query.excluded:
        matched = f"({matched}) NOT ({' OR '.join(map(choice, query.excluded))})"
    return matched


class SQLiteBackend:
    vendor = "sqlite"

    def _joined(self, articles, query, **extra):
        # A join with the FTS5 table. The unary + keeps SQLite from looking the index up by
        # rowid once per article (a full MATCH each time), so it walks the index once and
        # finds each article by primary key.
        return articles.extra(  # noqa: S610 - constant SQL; the query is a bound parameter
            tables=["articles_article_fts"],
            where=[
                "+articles_article_fts.rowid = articles_article.id",
                "articles_article_fts MATCH %s",
            ],
            params=[fts_expression(query)],
            **extra,
        )

    def matches(self, articles, query):
        """The articles that match `query`, unranked."""
        return self._joined(articles, query)

    def candidates(self, articles, query, limit):
        """[(id, rank, publish_at)] of the `limit` matches added last, ranked by bm25 (negated:
        higher is better). The index hands its matches over by rowid, highest first, without
        sorting, and bm25 is computed for those `limit` rows only."""
        rows = self._joined(
            articles, query, select={"rank": f"-{BM25}"},
            order_by=["-articles_article_fts.rowid"],
        )[:limit]  # fmt: skip
        return list(rows.values_list("pk", "rank", "publish_at"))

    def snippets(self, articles, query):
        ids = [article.pk for article in articles]
        if not ids:
            return {}
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(articles_article_fts, 1, %s, %s, '…', %s) "  # noqa: S608
                "FROM articles_article_fts WHERE articles_article_fts MATCH %s "
                f"AND rowid IN ({marks})",
                [START, STOP, SNIPPET_TOKENS, fts_expression(query), *ids],
            )
            return dict(cursor.fetchall())


def backend_for(connection):
    return PostgreSQLBackend() if connection.vendor == "postgresql" else SQLiteBackend()
