"""Search over live articles: the one door to the database-specific parts.

PostgreSQL: weighted full-text search (title > summary > the rest) against the
generated `search_vector` column (migration 0004), `websearch` query syntax,
ranking, and highlighted snippets from ts_headline.
SQLite: every word of the query must appear, case-insensitively, in the title,
summary, body or study/topic text; newest first; snippets highlighted in Python.

Snippets are plain text escaped here, with only <mark> added: never raw HTML.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape

from .models import Article

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 40
_START, _STOP = "\x02", "\x03"  # markers ts_headline puts around hits; escaped text has neither
_WORDS = re.compile(r"\w+", re.UNICODE)


def search_articles(query):
    """Live articles matching `query`, best first, each with a `snippet` attribute (safe HTML)."""
    query = query.strip()
    if connection.vendor == "postgresql":
        return _postgresql_search(query)
    return _fallback_search(query)


def highlight(text, start=_START, stop=_STOP):
    """Escape `text`, then turn the hit markers into <mark> elements."""
    return escape(text).replace(start, "<mark>").replace(stop, "</mark>")


def _postgresql_search(query):
    search_query = SearchQuery(query, search_type="websearch", config="english")
    vector = RawSQL('"articles_article"."search_vector"', [], output_field=SearchVectorField())
    return (
        Article.objects.published()
        .for_cards()
        .annotate(vector=vector)
        .filter(vector=search_query)
        .annotate(
            rank=SearchRank(F("vector"), search_query),
            headline=SearchHeadline(
                "summary",
                search_query,
                config="english",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=15,
            ),
        )
        .order_by("-rank", "-publish_at", "-id")
    )


def _fallback_search(query):
    terms = _WORDS.findall(query)[:12]
    if not terms:
        return Article.objects.none()
    matches = Q()
    for term in terms:
        matches &= (
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(body__icontains=term)
            | Q(search_document__icontains=term)
        )
    return Article.objects.published().for_cards().filter(matches)


def add_snippets(articles, query):
    """Give each article on a results page its `snippet` (a PostgreSQL headline or the summary)."""
    terms = [re.escape(term) for term in _WORDS.findall(query)[:12]]
    pattern = re.compile("|".join(terms), re.IGNORECASE) if terms else None
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline is not None:
            article.snippet = highlight(headline)
        elif pattern:
            marked = pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", article.summary)
            article.snippet = highlight(marked)
        else:
            article.snippet = escape(article.summary)
    return articles
