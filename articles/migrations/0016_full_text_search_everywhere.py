"""Full-text search on both databases, and the words that spelling suggestions come from.

SQLite: the FTS5 index of articles, its unstemmed word index and vocabulary, and the triggers
that keep them current, filled from the existing rows. The SQL is frozen here as it was
written; `articles.search.sqlite_index` keeps the live copy that makes missing parts again
after every `migrate`.
PostgreSQL: the pg_trgm extension; `search_vector` made again with hyphens read as spaces, as
SQLite's tokeniser and the query parser read them (PostgreSQL's own parser takes the "-5" of
"CAPS-5" for a negative number, so a search for CAPS-5 missed it); and `search_words`, a
generated column of each article's words unstemmed ('simple' configuration) for the
suggestions' vocabulary.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# SQLite's FTS5 index, as `articles.search.sqlite_index` defined it for this migration.
TOKENIZER = "porter unicode61 remove_diacritics 2"
REST = "coalesce(new.body, '') || ' ' || coalesce(new.search_document, '')"
WORDS = (
    "coalesce({row}.title, '') || ' ' || coalesce({row}.summary, '') || ' ' || "
    "coalesce({row}.body, '') || ' ' || coalesce({row}.search_document, '')"
)

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
}
# Constant SQL throughout: table and column names only, no input from anyone.
_ADD = (
    "INSERT INTO articles_article_fts (rowid, title, summary, rest) "  # noqa: S608
    f"VALUES (new.id, new.title, new.summary, {REST}); "
    "INSERT INTO articles_article_words (rowid, text) "
    f"VALUES (new.id, {WORDS.format(row='new')});"
)
_REMOVE = (
    "DELETE FROM articles_article_fts WHERE rowid = old.id; "  # noqa: S608
    "INSERT INTO articles_article_words (articles_article_words, rowid, text) "
    f"VALUES ('delete', old.id, {WORDS.format(row='old')});"
)
TRIGGERS = {
    "articles_article_fts_insert": f"AFTER INSERT ON articles_article BEGIN {_ADD} END",
    "articles_article_fts_delete": f"AFTER DELETE ON articles_article BEGIN {_REMOVE} END",
    "articles_article_fts_update": (
        "AFTER UPDATE OF title, summary, body, search_document ON articles_article "
        f"BEGIN {_REMOVE} {_ADD} END"
    ),
}
REFILL = [
    "DELETE FROM articles_article_fts",
    "INSERT INTO articles_article_words (articles_article_words) VALUES ('delete-all')",
    "INSERT INTO articles_article_fts (rowid, title, summary, rest) SELECT id, title, summary, "  # noqa: S608, E501
    + REST.replace("new.", "")
    + " FROM articles_article",
    "INSERT INTO articles_article_words (rowid, text) SELECT id, "  # noqa: S608
    + WORDS.format(row="articles_article")
    + " FROM articles_article",
]


def _create_sqlite_index(schema_editor):
    """Whatever part of the index is missing, then fill it from the articles."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        missing = [name for name in [*TABLES, *TRIGGERS] if name not in present]
        for name in missing:
            cursor.execute(
                TABLES[name] if name in TABLES else f"CREATE TRIGGER {name} {TRIGGERS[name]}"
            )
        if missing:
            for statement in REFILL:
                cursor.execute(statement)


def _drop_sqlite_index(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in reversed(list(TABLES)):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")


def _text(column):
    return f"replace(coalesce({column}, ''), '-', ' ')"


VECTOR = (
    f"setweight(to_tsvector('english', {_text('title')}), 'A') || "
    f"setweight(to_tsvector('english', {_text('summary')}), 'B') || "
    f"setweight(to_tsvector('english', {_text('body')} || ' ' || {_text('search_document')}), 'C')"
)
WORDS = (
    f"to_tsvector('simple', {_text('title')} || ' ' || {_text('summary')} || ' ' || "
    f"{_text('body')} || ' ' || {_text('search_document')})"
)
OLD_VECTOR = (  # as migration 0004 made it, after 0010 renamed dek to summary
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('english', coalesce(body, '') || ' ' || coalesce(search_document, '')), 'C')"
)


def _make_vector(schema_editor, expression):
    schema_editor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
    schema_editor.execute("ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        f"ALTER TABLE articles_article ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX article_search_vector_gin ON articles_article USING GIN (search_vector)"
    )


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        _create_sqlite_index(schema_editor)
    elif connection.vendor == "postgresql":
        _make_vector(schema_editor, VECTOR)
        schema_editor.execute(
            f"ALTER TABLE articles_article ADD COLUMN search_words tsvector "
            f"GENERATED ALWAYS AS ({WORDS}) STORED"
        )


def add_people_to_documents(apps, schema_editor):
    """Existing articles' search text gains their studies, topics, author and reviewer."""
    Article = apps.get_model("articles", "Article")
    Study = apps.get_model("articles", "Study")
    for article in Article.objects.select_related("author", "reviewer"):
        studies = [
            " ".join([s.title, s.journal, s.authors, s.population, s.measures])
            for s in Study.objects.filter(article=article).order_by("position", "id")
        ]
        topics = [topic.name for topic in article.topics.all()]
        names = [article.author.name, article.reviewer.name if article.reviewer else ""]
        document = "\n".join(part for part in studies + topics + names if part)
        if document != article.search_document:
            Article.objects.filter(pk=article.pk).update(search_document=document)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        _drop_sqlite_index(schema_editor)
    elif connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE articles_article DROP COLUMN IF EXISTS search_words")
        _make_vector(schema_editor, OLD_VECTOR)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_pending_imports")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.RunPython(add_people_to_documents, migrations.RunPython.noop),
    ]
