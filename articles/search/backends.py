"""The parsed query run by each database's own full-text engine, in the query's language.

PostgreSQL: the weighted `search_vector` column (title A, summary B, the rest C), queried with
`phraseto_tsquery` per phrase combined with && / || / !!, ranked by ts_rank, snippets from
ts_headline, all in the configuration of the query's language: `english_unaccent` or
`french_unaccent` (the language's stemmer after the unaccent dictionary: articles migrations
0022 and 0034), the same one the article's own column was made with, so accents count for
nothing on either side.
SQLite: the FTS5 index of the language (`articles.search.sqlite_index`), queried with the same
structure in FTS5's syntax, ranked by bm25 with the same order of weights, snippets from FTS5's
snippet(), its tokeniser removing accents. English words are stemmed by the index's Porter
tokeniser; a French word is widened to every word of the French index with its Snowball stem
(`articles.search.french`). Both mark whole words only.

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

from ..models.search_columns import config_for
from . import french
from .sqlite_index import index_tables

START, STOP = "\x02", "\x03"  # around each hit in a snippet; escaped text has neither
SNIPPET_TOKENS = 32
RECENT_WINDOW = 1000  # PostgreSQL: latest ids read first for the latest matches (candidates)
# bm25 column weights, in the ratio of PostgreSQL's default ts_rank weights A 1.0, B 0.4, C 0.2.
WEIGHTS = "10.0, 4.0, 2.0"


def _phrase(words, config, invert=False):
    return SearchQuery(" ".join(words), search_type="phrase", config=config, invert=invert)


def _none_of(alternatives, config):
    """None of the alternatives (De Morgan: only a single SearchQuery can be inverted)."""
    return reduce(and_, (
        reduce(or_, (_phrase(words, config, invert=True) for words in phrases))
        for phrases in alternatives
    ))  # fmt: skip


class PostgreSQLBackend:
    vendor = "postgresql"

    @staticmethod
    def _tsquery(query):
        config = config_for(query.language)

        def choice(alternatives):
            return reduce(or_, (
                reduce(and_, (_phrase(words, config) for words in phrases))
                for phrases in alternatives
            ))  # fmt: skip

        matched = reduce(and_, map(choice, query.clauses))
        for alternatives in query.excluded:
            matched &= _none_of(alternatives, config)
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
        matching = articles.filter(search_vector=tsquery)
        latest = Subquery(Article.objects.order_by("-pk").values("pk")[:1])
        recent = matching.filter(pk__gt=latest - Value(RECENT_WINDOW)).order_by("-pk")[:limit]
        everything = matching.order_by((F("pk") + Value(0)).desc())[:limit]
        fields = ("pk", "search_vector", "publish_at")
        parts = [qs.values_list(*fields).query.sql_with_params() for qs in (recent, everything)]
        # Ranked once chosen: ts_rank reads each article's whole search vector, which for the
        # 1,600 matches of "Clinician 7" at 20,000 articles cost 15 ms of the query's 18.
        rank_sql, rank_params = _compiled(Article, SearchRank(F("search_vector"), tsquery))
        # SQL compiled by Django, its values bound as parameters.
        sql = (
            f"WITH recent AS MATERIALIZED ({parts[0][0]}), chosen AS ("  # noqa: S608
            "SELECT * FROM recent UNION ALL "
            f"SELECT * FROM ({parts[1][0]}) AS every WHERE (SELECT count(*) FROM recent) < %s) "
            f'SELECT {TABLE}."pk", {rank_sql}, {TABLE}."publish_at" FROM chosen AS {TABLE}'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*parts[0][1], *parts[1][1], limit, *rank_params])
            rows = {row[0]: row for row in cursor.fetchall()}
        return sorted(rows.values(), key=lambda row: -row[0])[:limit]

    def snippets(self, articles, query):
        """{article id: summary fragment with hits between START and STOP}."""
        from articles.models import Article

        headline = SearchHeadline(
            "summary", self._tsquery(query), config=config_for(query.language),
            start_sel=START, stop_sel=STOP,
            max_words=SNIPPET_TOKENS + 8, min_words=15, highlight_all=False,
        )  # fmt: skip
        ids = [article.pk for article in articles]
        rows = Article.objects.filter(pk__in=ids).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))


TABLE = '"articles_article"'


def _compiled(model, expression):
    """(SQL, params) of `expression` on `model`'s table, its columns named by the table."""
    query = model.objects.annotate(value=expression).values("value").query
    return query.get_compiler(connection=connection).compile(query.annotations["value"])


def direct_query(query):
    """`query` without what narrower terms widened it with."""
    return query.narrowed(query.direct, query.direct)


def _fts_string(words):
    return '"' + " ".join(words) + '"'  # words are letters and digits only: nothing to escape


def _stemmed(query):
    """A French query's phrases as the French index spells them: each phrase becomes the
    phrases of its words' forms (the index's words with the same stem), so "thérapies"
    matches "thérapie" and "THERAPIE" as PostgreSQL's stemmer matches them."""
    from django.db import connection

    if missing := query.every_word - query.forms.keys():
        with connection.cursor() as cursor:
            query.forms.update(french.forms(cursor, index_tables(query.language).vocabulary,
                                            missing))  # fmt: skip

    def spelled(alternatives):
        return tuple(
            tuple(
                tuple(french.phrases(phrase, query.forms)) for phrase in phrases
            ) for phrases in alternatives
        )  # fmt: skip

    return [spelled(c) for c in query.clauses], [spelled(c) for c in query.excluded]


def _any_spelling(phrases):
    return "(" + " OR ".join(map(_fts_string, phrases)) + ")"


def fts_expression(query):
    """The FTS5 MATCH expression for a parsed query."""
    if query.language == french.FRENCH:
        clauses, excluded = _stemmed(query)
        one = _any_spelling
    else:
        clauses, excluded, one = query.clauses, query.excluded, _fts_string

    def choice(alternatives):
        return "(" + " OR ".join(
            "(" + " AND ".join(map(one, phrases)) + ")" for phrases in alternatives
        ) + ")"  # fmt: skip

    matched = " AND ".join(map(choice, clauses))
    if excluded:
        matched = f"({matched}) NOT ({' OR '.join(map(choice, excluded))})"
    return matched


class SQLiteBackend:
    vendor = "sqlite"

    def _joined(self, articles, query, **extra):
        # A join with the language's FTS5 table. The unary + keeps SQLite from looking the
        # index up by rowid once per article (a full MATCH each time), so it walks the index
        # once and finds each article by primary key.
        table = index_tables(query.language).fts
        return articles.extra(  # noqa: S610 - constant SQL; the query is a bound parameter
            tables=[table],
            where=[f"+{table}.rowid = articles_article.id", f"{table} MATCH %s"],
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
        table = index_tables(query.language).fts
        rows = self._joined(
            articles, query, select={"rank": f"-bm25({table}, {WEIGHTS})"},
            order_by=[f"-{table}.rowid"],
        )[:limit]  # fmt: skip
        return list(rows.values_list("pk", "rank", "publish_at"))

    def snippets(self, articles, query):
        ids = [article.pk for article in articles]
        if not ids:
            return {}
        marks, table = ", ".join(["%s"] * len(ids)), index_tables(query.language).fts
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({table}, 1, %s, %s, '…', %s) "  # noqa: S608
                f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({marks})",
                [START, STOP, SNIPPET_TOKENS, fts_expression(query), *ids],
            )
            return dict(cursor.fetchall())


def backend_for(connection):
    return PostgreSQLBackend() if connection.vendor == "postgresql" else SQLiteBackend()
