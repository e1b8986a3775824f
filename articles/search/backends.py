"""The parsed query run by each database's own full-text engine.

PostgreSQL: the weighted `search_vector` column (title A, summary B, the rest C), queried with
`phraseto_tsquery` per phrase combined with && / || / !!, ranked by ts_rank, snippets from
ts_headline, all in the `english_unaccent` configuration (English stemming after the unaccent
dictionary: articles migration 0022), so accents count for nothing on either side.
SQLite: the FTS5 index (`articles.search.sqlite_index`), queried with the same structure in
FTS5's syntax, ranked by bm25 with the same order of weights, snippets from FTS5's snippet(),
its tokeniser removing accents. Both stem English words and mark whole words only.

On both, when narrower terms widened the query ("nightmares" also matching PTSD), the articles
that match the reader's own words (or their synonyms) come first, then those found only
through what the words belong to, each group by rank.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
)
from django.db.models import Case, F, Value, When

from .query import Query

START, STOP = "\x02", "\x03"  # around each hit in a snippet; escaped text has neither
SNIPPET_TOKENS = 32
# bm25 column weights, in the ratio of PostgreSQL's default ts_rank weights A 1.0, B 0.4, C 0.2.
BM25 = "bm25(articles_article_fts, 10.0, 4.0, 2.0)"
# PostgreSQL's text search configuration for documents and queries alike: English, accents off.
CONFIG = "english_unaccent"


class PostgreSQLBackend:
    vendor = "postgresql"

    @staticmethod
    def _tsquery(query):
        def phrase(words, invert=False):
            return SearchQuery(" ".join(words), search_type="phrase", config=CONFIG,
                               invert=invert)  # fmt: skip

        def choice(alternatives):
            return reduce(or_, (reduce(and_, map(phrase, phrases)) for phrases in alternatives))

        def none_of(alternatives):  # De Morgan: only a single SearchQuery can be inverted
            return reduce(and_, (
                reduce(or_, (phrase(words, invert=True) for words in phrases))
                for phrases in alternatives
            ))  # fmt: skip

        matched = reduce(and_, map(choice, query.clauses))
        for alternatives in query.excluded:
            matched &= none_of(alternatives)
        return matched

    def search(self, articles, query):
        tsquery = self._tsquery(query)
        found = articles.filter(search_vector=tsquery).annotate(
            rank=SearchRank(F("search_vector"), tsquery)
        )
        if not query.is_widened:
            return found.order_by("-rank", "-publish_at", "-id")
        direct = self._tsquery(direct_query(query))
        found = found.annotate(
            direct=Case(When(search_vector=direct, then=Value(1)), default=Value(0))
        )
        return found.order_by("-direct", "-rank", "-publish_at", "-id")

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

    def search(self, articles, query):
        # A join with the FTS5 table. The unary + keeps SQLite from looking the index up by
        # rowid once per article (a full MATCH each time: seconds at 2,000 articles), so it
        # walks the index once, computes bm25 per hit and finds each article by primary key.
        select, select_params, order_by = {"rank": BM25}, [], ["rank", "-publish_at", "-id"]
        if query.is_widened:  # the reader's own words first: one more MATCH, run once
            select["direct"] = (
                "articles_article.id IN (SELECT rowid FROM articles_article_fts "
                "WHERE articles_article_fts MATCH %s)"
            )
            select_params = [fts_expression(direct_query(query))]
            order_by = ["-direct", *order_by]
        return articles.extra(  # noqa: S610 - constant SQL; the query is a bound parameter
            tables=["articles_article_fts"],
            where=[
                "+articles_article_fts.rowid = articles_article.id",
                "articles_article_fts MATCH %s",
            ],
            params=[fts_expression(query)],
            select=select,
            select_params=select_params,
            order_by=order_by,
        )

    def snippets(self, articles, query):
        from django.db import connection

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
