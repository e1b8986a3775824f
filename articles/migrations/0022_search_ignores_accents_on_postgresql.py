"""PostgreSQL: search ignores accents, as SQLite's FTS5 index does (`remove_diacritics 2`).

The unaccent extension, and two text search configurations that pass each word through its
dictionary first: `english_unaccent` (stemmed: the weighted `search_vector`, queries and
highlights) and `simple_unaccent` (unstemmed: `search_words`, the spelling suggestions'
vocabulary). A configuration named in to_tsvector() is immutable, so the generated columns
can use them (unaccent() itself is only stable). Both columns are made again with them, so
"Núñez-Gutiérrez" is indexed as "nunez gutierrez" in every field, and a query for either
spelling finds it.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGURATIONS = {"english_unaccent": "english_stem", "simple_unaccent": "simple"}
# The token types of words with letters beyond ASCII (plain ASCII words have no accents).
ACCENTED_TOKENS = "word, hword, hword_part"


def _text(column):
    return f"replace(coalesce({column}, ''), '-', ' ')"


def _vector(english):
    return (
        f"setweight(to_tsvector('{english}', {_text('title')}), 'A') || "
        f"setweight(to_tsvector('{english}', {_text('summary')}), 'B') || "
        f"setweight(to_tsvector('{english}', {_text('body')} || ' ' || "
        f"{_text('search_document')}), 'C')"
    )


def _words(simple):
    return (
        f"to_tsvector('{simple}', {_text('title')} || ' ' || {_text('summary')} || ' ' || "
        f"{_text('body')} || ' ' || {_text('search_document')})"
    )


def _make_columns(schema_editor, english, simple):
    schema_editor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
    for column in ("search_vector", "search_words"):
        schema_editor.execute(f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {column}")
    schema_editor.execute(
        "ALTER TABLE articles_article ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({_vector(english)}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX article_search_vector_gin ON articles_article USING GIN (search_vector)"
    )
    schema_editor.execute(
        "ALTER TABLE articles_article ADD COLUMN search_words tsvector "
        f"GENERATED ALWAYS AS ({_words(simple)}) STORED"
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, dictionary in CONFIGURATIONS.items():
        copied = name.removesuffix("_unaccent")
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {copied})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR {ACCENTED_TOKENS} WITH unaccent, {dictionary}"
        )
    _make_columns(schema_editor, "english_unaccent", "simple_unaccent")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _make_columns(schema_editor, "english", "simple")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0021_topics_from_imports")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
