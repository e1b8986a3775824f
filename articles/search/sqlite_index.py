"""SQLite's full-text index of articles (FTS5), kept current by triggers in the database.

`articles_article_fts` holds each English article's title, summary and the rest (body,
studies, topics, author and reviewer names: `search_document`), stemmed with the Porter
stemmer, accents removed. Triggers on `articles_article` rewrite an article's row on every
insert, update and delete (a change of language moves it), whatever does the writing (the
admin, `QuerySet.update()`, bulk imports); study, topic and people changes reach it because
they rewrite `search_document`.

`articles_article_words` indexes the same text unstemmed and `articles_article_vocabulary`
lists its words: the dictionary that spelling suggestions are drawn from.

French articles are in `articles_article_fts_fr` instead, their words as written, accents
removed (FTS5 has no French stemmer, and one written in Python would have to be registered
on every connection that writes an article, the `sqlite3` shell included). Its vocabulary,
`articles_article_vocabulary_fr`, serves both the French spelling suggestions and the
French stems: a query word is widened to the index's words with the same Snowball stem
(`articles.search.french`).

A table rebuild by a later migration (SQLite's way to alter a column) drops the triggers, so
`ensure_index()` runs after every `migrate`: it recreates what is missing and, if anything
was, refills the indexes from the articles table. Django cannot declare FTS5 tables or
triggers: articles migration 0016 made them first and 0034 split them by language, each with a
frozen copy of this SQL.
"""

from collections import namedtuple

TOKENIZER = "porter unicode61 remove_diacritics 2"
FRENCH = "fr"  # the one language besides English with an index of its own
REST = "coalesce(new.body, '') || ' ' || coalesce(new.search_document, '')"
WORDS = (
    "coalesce({row}.title, '') || ' ' || coalesce({row}.summary, '') || ' ' || "
    "coalesce({row}.body, '') || ' ' || coalesce({row}.search_document, '')"
)

IndexTables = namedtuple("IndexTables", "fts vocabulary")
ENGLISH_TABLES = IndexTables("articles_article_fts", "articles_article_vocabulary")
FRENCH_TABLES = IndexTables("articles_article_fts_fr", "articles_article_vocabulary_fr")


def index_tables(language):
    """The full-text table a search in `language` reads, and the vocabulary its spelling
    suggestions (and, in French, its stems) come from. Every language but French is in the
    English tables."""
    return FRENCH_TABLES if language == FRENCH else ENGLISH_TABLES


TABLES = {
    "articles_article_fts": (
        "CREATE VIRTUAL TABLE articles_article_fts USING fts5("
        f"title, summary, rest, tokenize = '{TOKENIZER}')"
    ),
    "articles_article_words": (
        "CREATE VIRTUAL TABLE articles_article_words USING fts5("
        "text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2')"
    ),
    "articles_article_vocabulary": (
        "CREATE VIRTUAL TABLE articles_article_vocabulary "
        "USING fts5vocab(articles_article_words, 'row')"
    ),
    # French: the words as written, accents removed; stems are matched at query time.
    "articles_article_fts_fr": (
        "CREATE VIRTUAL TABLE articles_article_fts_fr USING fts5("
        "title, summary, rest, tokenize = 'unicode61 remove_diacritics 2')"
    ),
    "articles_article_vocabulary_fr": (
        "CREATE VIRTUAL TABLE articles_article_vocabulary_fr "
        "USING fts5vocab(articles_article_fts_fr, 'row')"
    ),
}
# Constant SQL throughout: table and column names only, no input from anyone. A row goes to
# the French tables or to the others, by its language.
_ADD = (
    "INSERT INTO articles_article_fts (rowid, title, summary, rest) "  # noqa: S608
    f"SELECT new.id, new.title, new.summary, {REST} WHERE new.language <> '{FRENCH}'; "
    "INSERT INTO articles_article_words (rowid, text) "
    f"SELECT new.id, {WORDS.format(row='new')} WHERE new.language <> '{FRENCH}'; "
    "INSERT INTO articles_article_fts_fr (rowid, title, summary, rest) "
    f"SELECT new.id, new.title, new.summary, {REST} WHERE new.language = '{FRENCH}';"
)
_REMOVE = (
    "DELETE FROM articles_article_fts WHERE rowid = old.id; "  # noqa: S608
    "INSERT INTO articles_article_words (articles_article_words, rowid, text) "
    f"SELECT 'delete', old.id, {WORDS.format(row='old')} WHERE old.language <> '{FRENCH}'; "
    "DELETE FROM articles_article_fts_fr WHERE rowid = old.id;"
)
TRIGGERS = {
    "articles_article_fts_insert": f"AFTER INSERT ON articles_article BEGIN {_ADD} END",
    "articles_article_fts_delete": f"AFTER DELETE ON articles_article BEGIN {_REMOVE} END",
    "articles_article_fts_update": (
        "AFTER UPDATE OF title, summary, body, search_document, language ON articles_article "
        f"BEGIN {_REMOVE} {_ADD} END"
    ),
}
ENGLISH_ROWS, FRENCH_ROWS = f"language <> '{FRENCH}'", f"language = '{FRENCH}'"
REFILL = [
    "DELETE FROM articles_article_fts",
    "INSERT INTO articles_article_words (articles_article_words) VALUES ('delete-all')",
    "DELETE FROM articles_article_fts_fr",
    "INSERT INTO articles_article_fts (rowid, title, summary, rest) SELECT id, title, summary, "  # noqa: S608, E501
    + REST.replace("new.", "")
    + f" FROM articles_article WHERE {ENGLISH_ROWS}",
    "INSERT INTO articles_article_words (rowid, text) SELECT id, "  # noqa: S608
    + WORDS.format(row="articles_article")
    + f" FROM articles_article WHERE {ENGLISH_ROWS}",
    "INSERT INTO articles_article_fts_fr (rowid, title, summary, rest) "  # noqa: S608
    "SELECT id, title, summary, "
    + REST.replace("new.", "")
    + f" FROM articles_article WHERE {FRENCH_ROWS}",
]


def ensure_index(connection):
    """Create whatever part of the index is missing; refill it if anything was. True if so."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if "articles_article" not in present:
            return False
        missing = [name for name in [*TABLES, *TRIGGERS] if name not in present]
        for name in missing:
            cursor.execute(
                TABLES[name] if name in TABLES else f"CREATE TRIGGER {name} {TRIGGERS[name]}"
            )
        if missing:
            for statement in REFILL:
                cursor.execute(statement)
    return bool(missing)


def drop_index(connection):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in reversed(list(TABLES)):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
