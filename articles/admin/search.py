"""The article list's search box, answered by the full-text index that public search keeps.

Every word typed must begin a word of the article (its title, summary, body, studies, topics
and people): "ketam trial" finds "Ketamine trials for PTSD". Drafts are found as well as live
articles, in every language. PostgreSQL reads its `search_vector` column (a GIN index; words
are stemmed in each article's language, so "studies" finds "study", and the words typed are
looked up in each language's configuration), SQLite its FTS5 indexes of the words as written
(English and French), so a search costs little whether the library holds 100 articles or
100,000, where matching parts of words in every article's text read all of it.
"""

import re
from functools import reduce
from operator import or_

from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from articles.models.search_columns import CONFIGURATIONS, ENGLISH
from articles.search.query import MAX_QUERY_LENGTH

WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 10


def words_of(text):
    """The search box's words, lower-cased: letters and digits only, so nothing to escape."""
    return WORD.findall(text[:MAX_QUERY_LENGTH].lower())[:MAX_WORDS]


def matching(queryset, words):
    """`queryset` narrowed to the articles with a word starting with each of `words`."""
    if connection.vendor == "postgresql":
        prefixes = " & ".join(f"{word}:*" for word in words)
        configs = dict.fromkeys([ENGLISH, *CONFIGURATIONS.values()])
        return queryset.filter(search_vector=reduce(or_, (
            SearchQuery(prefixes, search_type="raw", config=config) for config in configs
        )))  # fmt: skip
    # The unstemmed words' index, without positions: the smallest to read, and the French
    # index. The unary + keeps SQLite walking the list's own index in its order and stopping
    # once the page is full, instead of looking up, then sorting, every article that matched.
    expression = " AND ".join(f'"{word}"*' for word in words)
    found = RawSQL(
        '+"articles_article"."id" IN (SELECT rowid FROM articles_article_words '
        "WHERE articles_article_words MATCH %s UNION ALL SELECT rowid FROM "
        "articles_article_fts_fr WHERE articles_article_fts_fr MATCH %s)",
        [expression, expression],
        output_field=BooleanField(),
    )
    return queryset.filter(found)


class FullTextSearchMixin:
    """`search_fields` kept for Django's checks and its search box; the words are looked up
    in the full-text index instead of each field."""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        words = words_of(search_term)
        if not words:  # only punctuation: no article has such a word
            return queryset.none(), False
        return matching(queryset, words), False

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(request, queryset, per_page, *args, **kwargs)
        paginator.search = bool(request.GET.get(SEARCH_VAR, "").strip())
        return paginator
