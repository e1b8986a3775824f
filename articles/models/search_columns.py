"""The article's full-text search columns, declared where Django's migrations can see them.

PostgreSQL: `search_vector` (title A, summary B, the rest C, stemmed in the article's
language with accents removed) and `search_words` (the same words unstemmed, for spelling
suggestions) are columns the database generates from the article's own, and `search_vector`
has a GIN index. Hyphens are read as spaces, as SQLite's tokeniser reads them. The
configurations `english_unaccent` and `simple_unaccent` are made by articles migration 0022,
`french_unaccent` by 0034; naming one in `to_tsvector()` keeps the expression immutable, as a
generated column needs, so the article's language chooses between whole expressions (a
CASE), never a configuration by name at run time. One column and one GIN index serve every
language: a search reads one language's articles and queries them in that configuration.

SQLite has no tsvector and no GIN: its index is FTS5 (`articles.search.sqlite_index`), which
Django cannot declare. There the two columns are generated as NULL and the index is not made,
so the model, its migrations and `makemigrations --check` are the same on both databases.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db.backends.ddl_references import Statement
from django.db.models import Case, F, GeneratedField, TextField, Value, When
from django.db.models.functions import Replace

ENGLISH = "english_unaccent"
FRENCH = "french_unaccent"
SIMPLE = "simple_unaccent"
# The languages with a stemmer of their own; every other language is read as English.
CONFIGURATIONS = {"fr": FRENCH}


def config_for(language):
    """The text search configuration of articles and searches in `language`."""
    return CONFIGURATIONS.get(language, ENGLISH)


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


def _weighted(config):
    return (
        SearchVector(*words("title"), config=config, weight="A")
        + SearchVector(*words("summary"), config=config, weight="B")
        + SearchVector(*words("body", "search_document"), config=config, weight="C")
    )


def weighted_vector():
    """Title A, summary B, the rest C, in the configuration of the article's language."""
    return Case(
        *(When(language=code, then=_weighted(config)) for code, config in CONFIGURATIONS.items()),
        default=_weighted(ENGLISH),
        output_field=SearchVectorField(),
    )


def unstemmed_words():
    return SearchVector(*words("title", "summary", "body", "search_document"), config=SIMPLE)
