"""Full-text search on both databases, and the words that spelling suggestions come from.

SQLite: the FTS5 index of articles, its unstemmed word index and vocabulary, and the triggers
that keep them current, filled from the existing rows (`articles.search.sqlite_index`).
PostgreSQL: the pg_trgm extension; `search_vector` made again with hyphens read as spaces, as
SQLite's tokeniser and the query parser read them (PostgreSQL's own parser takes the "-5" of
"CAPS-5" for a negative number, so a search for CAPS-5 missed it); and `search_words`, a
generated column of each article's words unstemmed ('simple' configuration) for the
suggestions' vocabulary.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


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
        from articles.search.sqlite_index import ensure_index

        ensure_index(connection)
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
        from articles.search.sqlite_index import drop_index

        drop_index(connection)
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
