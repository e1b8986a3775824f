"""The article's full-text search columns, declared where Django's migrations can see them.

PostgreSQL: `search_vector` (title A, summary B, the rest C, English stemming with accents
removed) and `search_words` (the same words unstemmed, for spelling suggestions) are columns
the database generates from the article's own, and `search_vector` has a GIN index. Hyphens
are read as spaces, as SQLite's tokeniser reads them. The configurations `english_unaccent`
and `simple_unaccent` are made by articles migration 0022; naming one in `to_tsvector()`
keeps the expression immutable, as a generated column needs.

SQLite has no tsvector and no GIN: its index is FTS5 (`articles.search.sqlite_index`), which
Django cannot declare. There the two columns are generated as NULL and the index is not made,
so the model, its migrations and `makemigrations --check` are the same on both databases.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.backends.ddl_references import Statement
from django.db.models import F, GeneratedField, TextField, Value
from django.db.models.functions import Replace

ENGLISH = "english_unaccent"
SIMPLE = "simple_unaccent"


class PostgreSQLGeneratedField(GeneratedField):
    """A generated column PostgreSQL computes from `expression`; NULL on other databases."""

    def generated_sql(self, connection):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().generated_sql(connection)


class PostgreSQLGinIndex(GinIndex):
    """A GIN index on PostgreSQL; no index on other databases (nothing there to index)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("-- %(note)s", note=f"{self.name}: PostgreSQL only")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("-- %(note)s", note=f"{self.name}: PostgreSQL only")
        return super().remove_sql(model, schema_editor, **kwargs)


def words(*columns):
    """The columns' text with hyphens read as spaces ("CAPS-5" is "CAPS 5", not "CAPS" and -5)."""
    return [
        Replace(F(column), Value("-"), Value(" "), output_field=TextField()) for column in columns
    ]


def weighted_vector():
    return (
        SearchVector(*words("title"), config=ENGLISH, weight="A")
        + SearchVector(*words("summary"), config=ENGLISH, weight="B")
        + SearchVector(*words("body", "search_document"), config=ENGLISH, weight="C")
    )


def unstemmed_words():
    return SearchVector(*words("title", "summary", "body", "search_document"), config=SIMPLE)
