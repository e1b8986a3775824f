"""The spelling vocabulary (`SearchWord`): the words of the live articles, counted per language.

An article's words are those the unstemmed word index holds: on PostgreSQL the lexemes of its
generated `search_words` column (title, summary, body and `search_document`, hyphens read as
spaces, accents removed), on SQLite the same text as FTS5's unicode61 tokeniser reads it
(letters and digits, lower case, diacritics removed). Only live articles count
(`Article.objects.published()`), each under its own language.

`count_words(ids)` brings the counts up to date for some articles: each article's words are
compared with those it was last counted with (`ArticleWords`), and only the words it gained
or lost move a count; a word no live article uses any more leaves the table. It runs in the
background after each write (`articles.search.tasks`). `rebuild_search_words()` counts the
whole library afresh (`manage.py rebuild_search_words`; the benchmark seed; after a bulk load
that bypassed the model's saves).
"""

import re
import unicodedata
from collections import Counter

from django.db import connection, transaction
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce

from ..models import ANY_LANGUAGE, Article, ArticleWords, SearchWord

TOKEN = re.compile(r"[^\W_]+")  # what unicode61 keeps: runs of letters and digits
LOCK = 7_314_021  # PostgreSQL advisory lock: one count of the vocabulary at a time
BATCH = 1000


def text_words(*texts):
    """The distinct words of `texts`, as SQLite's unicode61 tokeniser reads them (lower case,
    diacritics removed: "Núñez-Gutiérrez" is "nunez" and "gutierrez")."""
    found = set()
    for text in texts:
        for token in TOKEN.findall(unicodedata.normalize("NFC", text or "")):
            decomposed = unicodedata.normalize("NFD", token.lower())
            found.add("".join(c for c in decomposed if not unicodedata.combining(c)))
    return found


def _lexemes():
    """The lexemes of `search_words`, one a line ("" for none)."""
    array = Func(F("search_words"), function="tsvector_to_array")
    joined = Func(array, Value("\n"), function="array_to_string", output_field=TextField())
    return Coalesce(joined, Value(""), output_field=TextField())


def live_words(article_ids=None):
    """Yield (id, language, set of words) for the live articles among `article_ids` (all of
    them when None)."""
    live = Article.objects.published(language=ANY_LANGUAGE).order_by()
    if article_ids is not None:
        live = live.filter(pk__in=article_ids)
    if connection.vendor == "postgresql":
        rows = live.annotate(lexemes=_lexemes()).values_list("pk", "language", "lexemes")
        for pk, language, lexemes in rows.iterator(chunk_size=BATCH):
            yield pk, language, set(lexemes.split("\n")) if lexemes else set()
        return
    rows = live.values_list("pk", "language", "title", "summary", "body", "search_document")
    for pk, language, *texts in rows.iterator(chunk_size=BATCH):
        yield pk, language, text_words(*texts)


def _lock(cursor):
    if connection.vendor == "postgresql":  # SQLite writes one transaction at a time anyway
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])


def _record(pk, language, words):
    return ArticleWords(article_id=pk, language=language, words="\n".join(sorted(words)))


def count_words(article_ids):
    """Count these articles' words as they now stand (live or not, existing or deleted);
    returns how many articles' words changed."""
    ids = sorted({pk for pk in article_ids if pk is not None})
    with transaction.atomic(), connection.cursor() as cursor:
        _lock(cursor)
        counted = {row.article_id: row for row in ArticleWords.objects.filter(article_id__in=ids)}
        current = {pk: (language, words) for pk, language, words in live_words(ids)}
        delta, changed, gone = Counter(), [], []
        for pk in ids:
            old, new = counted.get(pk), current.get(pk)
            if old and new and (old.language, old.word_set) == new:
                continue
            if old:
                delta.subtract({(old.language, word): 1 for word in old.word_set})
            if new:
                delta.update({(new[0], word): 1 for word in new[1]})
                changed.append(_record(pk, *new))
            elif old:
                gone.append(pk)
            else:
                continue  # neither counted nor live: nothing to do
        ArticleWords.objects.filter(article_id__in=gone).delete()
        ArticleWords.objects.bulk_create(
            changed, update_conflicts=True, unique_fields=["article_id"],
            update_fields=["language", "words"], batch_size=BATCH,
        )  # fmt: skip
        _apply(cursor, delta)
    return len(changed) + len(gone)


def _apply(cursor, delta):
    """Move each word's count by its delta; drop the words that no live article uses now."""
    table = SearchWord._meta.db_table
    gained = [(language, word, n) for (language, word), n in sorted(delta.items()) if n > 0]
    lost = [(-n, -n, language, word) for (language, word), n in sorted(delta.items()) if n < 0]
    if gained:
        cursor.executemany(
            f"INSERT INTO {table} (language, word, articles) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (language, word) DO UPDATE SET articles = {table}.articles + "
            "excluded.articles",
            gained,
        )
    if lost:
        cursor.executemany(
            f"UPDATE {table} SET articles = CASE WHEN articles > %s "  # noqa: S608
            "THEN articles - %s ELSE 0 END WHERE language = %s AND word = %s",
            lost,
        )
        cursor.execute(f"DELETE FROM {table} WHERE articles = 0")  # noqa: S608


def rebuild_search_words():
    """Count every live article's words afresh; returns (articles counted, distinct words)."""
    with transaction.atomic(), connection.cursor() as cursor:
        _lock(cursor)
        ArticleWords.objects.all().delete()
        SearchWord.objects.all().delete()
        if connection.vendor == "postgresql":
            _rebuild_in_postgresql(cursor)
        else:
            totals = Counter()
            records = []
            for pk, language, words in live_words():
                totals.update((language, word) for word in words)
                records.append(_record(pk, language, words))
            ArticleWords.objects.bulk_create(records, batch_size=BATCH)
            SearchWord.objects.bulk_create(
                (SearchWord(language=language, word=word, articles=n)
                 for (language, word), n in totals.items()), batch_size=BATCH,
            )  # fmt: skip
    return ArticleWords.objects.count(), SearchWord.objects.count()


def _rebuild_in_postgresql(cursor):
    """Both tables in two statements, without bringing the words into Python."""
    live = Article.objects.published(language=ANY_LANGUAGE).order_by()
    select, params = (
        live.annotate(lexemes=_lexemes()).values_list("pk", "language", "lexemes").query
    ).sql_with_params()
    records, words = ArticleWords._meta.db_table, SearchWord._meta.db_table
    cursor.execute(f"INSERT INTO {records} (article_id, language, words) {select}", params)
    cursor.execute(
        f"INSERT INTO {words} (language, word, articles) "  # noqa: S608
        f"SELECT language, word, count(*) FROM {records}, "
        "unnest(string_to_array(words, E'\\n')) AS word WHERE word <> '' GROUP BY language, word"
    )
