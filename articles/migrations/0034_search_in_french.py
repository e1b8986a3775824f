"""French articles searched in French, on both databases.

PostgreSQL: the `french_unaccent` text search configuration (French with the `unaccent`
dictionary first, as 0022 made `english_unaccent`), and `search_vector` made again so that
each article is indexed in its own language's configuration: a CASE on `language` chooses
between two whole expressions, each naming its configuration, so the column stays immutable
and one GIN index serves both languages. A French search queries French articles with
`french_unaccent`: French stemming and stop words, accents folded on both sides.

SQLite: the FTS5 index is split by language. English articles stay in `articles_article_fts`
(Porter stemming) and the unstemmed `articles_article_words`; French articles go to
`articles_article_fts_fr` (their words as written, accents removed), whose vocabulary gives
the French stems and spelling suggestions. The triggers send each row to its language's
tables. The SQL is frozen here as it was written; `articles.search.sqlite_index` keeps the live
copy.
"""

import articles.models.search_columns
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

ACCENTED_TOKENS = "word, hword, hword_part"  # as 0022: plain ASCII words have no accents


def make_french_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Made by 0022 already; English's configurations depend on it, so it is never dropped.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent")
    schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)")
    schema_editor.execute(
        "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
        f"ALTER MAPPING FOR {ACCENTED_TOKENS} WITH unaccent, french_stem"
    )


def drop_french_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent")


# SQLite's FTS5 index, as `articles.search.sqlite_index` defined it for this migration.
REST = "coalesce({row}.body, '') || ' ' || coalesce({row}.search_document, '')"
WORDS = (
    "coalesce({row}.title, '') || ' ' || coalesce({row}.summary, '') || ' ' || "
    "coalesce({row}.body, '') || ' ' || coalesce({row}.search_document, '')"
)
ENGLISH_TABLES = {
    "articles_article_fts": "CREATE VIRTUAL TABLE articles_article_fts USING fts5("
    "title, summary, rest, tokenize = 'porter unicode61 remove_diacritics 2')",
    "articles_article_words": "CREATE VIRTUAL TABLE articles_article_words USING fts5("
    "text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2')",
    "articles_article_vocabulary": "CREATE VIRTUAL TABLE articles_article_vocabulary "
    "USING fts5vocab(articles_article_words, 'row')",
}
FRENCH_TABLES = {
    "articles_article_fts_fr": "CREATE VIRTUAL TABLE articles_article_fts_fr USING fts5("
    "title, summary, rest, tokenize = 'unicode61 remove_diacritics 2')",
    "articles_article_vocabulary_fr": "CREATE VIRTUAL TABLE articles_article_vocabulary_fr "
    "USING fts5vocab(articles_article_fts_fr, 'row')",
}
TRIGGER_NAMES = ["articles_article_fts_insert", "articles_article_fts_delete",
                 "articles_article_fts_update"]  # fmt: skip


def _index(by_language):
    """(tables, triggers, refill) of the index: split by language, or as 0016 made it."""
    english, french = ("<> 'fr'", "= 'fr'") if by_language else (None, None)

    def where(row, test):
        return f" WHERE {row}.language {test}" if test else ""

    add = (
        "INSERT INTO articles_article_fts (rowid, title, summary, rest) SELECT new.id, "
        f"new.title, new.summary, {REST.format(row='new')}{where('new', english)}; "
        "INSERT INTO articles_article_words (rowid, text) SELECT new.id, "
        f"{WORDS.format(row='new')}{where('new', english)};"
    )
    remove = (
        "DELETE FROM articles_article_fts WHERE rowid = old.id; "
        "INSERT INTO articles_article_words (articles_article_words, rowid, text) SELECT "
        f"'delete', old.id, {WORDS.format(row='old')}{where('old', english)};"
    )
    refill = [
        "DELETE FROM articles_article_fts",
        "INSERT INTO articles_article_words (articles_article_words) VALUES ('delete-all')",
        "INSERT INTO articles_article_fts (rowid, title, summary, rest) SELECT id, title, "
        f"summary, {REST.format(row='articles_article')} FROM articles_article"
        + where("articles_article", english),
        f"INSERT INTO articles_article_words (rowid, text) SELECT id, "
        f"{WORDS.format(row='articles_article')} FROM articles_article"
        + where("articles_article", english),
    ]
    tables, columns = dict(ENGLISH_TABLES), "title, summary, body, search_document"
    if by_language:
        tables.update(FRENCH_TABLES)
        columns += ", language"
        add += (
            " INSERT INTO articles_article_fts_fr (rowid, title, summary, rest) SELECT new.id, "
            f"new.title, new.summary, {REST.format(row='new')}{where('new', french)};"
        )
        remove += " DELETE FROM articles_article_fts_fr WHERE rowid = old.id;"
        refill += [
            "INSERT INTO articles_article_fts_fr (rowid, title, summary, rest) SELECT id, "
            f"title, summary, {REST.format(row='articles_article')} FROM articles_article"
            + where("articles_article", french),
        ]
    triggers = dict(zip(TRIGGER_NAMES, [
        f"AFTER INSERT ON articles_article BEGIN {add} END",
        f"AFTER DELETE ON articles_article BEGIN {remove} END",
        f"AFTER UPDATE OF {columns} ON articles_article BEGIN {remove} {add} END",
    ], strict=True))  # fmt: skip
    return tables, triggers, refill


def _make_sqlite_index(schema_editor, by_language):
    if schema_editor.connection.vendor != "sqlite":
        return
    tables, triggers, refill = _index(by_language)
    with schema_editor.connection.cursor() as cursor:
        for name in TRIGGER_NAMES:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in reversed([*ENGLISH_TABLES, *FRENCH_TABLES]):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
        for statement in tables.values():
            cursor.execute(statement)
        for name, definition in triggers.items():
            cursor.execute(f"CREATE TRIGGER {name} {definition}")
        for statement in refill:
            cursor.execute(statement)


def split_sqlite_index(apps, schema_editor):
    _make_sqlite_index(schema_editor, by_language=True)


def join_sqlite_index(apps, schema_editor):
    _make_sqlite_index(schema_editor, by_language=False)


class Migration(migrations.Migration):
    dependencies = [("articles", "0033_reviewer_index_by_language")]

    operations = [
        migrations.RunPython(make_french_configuration, drop_french_configuration),
        # A generated column cannot be altered: removed and added again, with its index.
        migrations.RemoveIndex(model_name="article", name="article_search_vector_gin"),
        migrations.RemoveField(model_name="article", name="search_vector"),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=articles.models.search_columns.PostgreSQLGeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(
                        language="fr",
                        then=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.SearchVector(
                                    django.db.models.functions.text.Replace(
                                        models.F("title"),
                                        models.Value("-"),
                                        models.Value(" "),
                                        output_field=models.TextField(),
                                    ),
                                    config="french_unaccent",
                                    weight="A",
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    django.db.models.functions.text.Replace(
                                        models.F("summary"),
                                        models.Value("-"),
                                        models.Value(" "),
                                        output_field=models.TextField(),
                                    ),
                                    config="french_unaccent",
                                    weight="B",
                                ),
                                django.contrib.postgres.search.SearchConfig("french_unaccent"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                django.db.models.functions.text.Replace(
                                    models.F("body"),
                                    models.Value("-"),
                                    models.Value(" "),
                                    output_field=models.TextField(),
                                ),
                                django.db.models.functions.text.Replace(
                                    models.F("search_document"),
                                    models.Value("-"),
                                    models.Value(" "),
                                    output_field=models.TextField(),
                                ),
                                config="french_unaccent",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("french_unaccent"),
                        ),
                    ),
                    default=django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.SearchVector(
                                django.db.models.functions.text.Replace(
                                    models.F("title"),
                                    models.Value("-"),
                                    models.Value(" "),
                                    output_field=models.TextField(),
                                ),
                                config="english_unaccent",
                                weight="A",
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                django.db.models.functions.text.Replace(
                                    models.F("summary"),
                                    models.Value("-"),
                                    models.Value(" "),
                                    output_field=models.TextField(),
                                ),
                                config="english_unaccent",
                                weight="B",
                            ),
                            django.contrib.postgres.search.SearchConfig("english_unaccent"),
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            django.db.models.functions.text.Replace(
                                models.F("body"),
                                models.Value("-"),
                                models.Value(" "),
                                output_field=models.TextField(),
                            ),
                            django.db.models.functions.text.Replace(
                                models.F("search_document"),
                                models.Value("-"),
                                models.Value(" "),
                                output_field=models.TextField(),
                            ),
                            config="english_unaccent",
                            weight="C",
                        ),
                        django.contrib.postgres.search.SearchConfig("english_unaccent"),
                    ),
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                serialize=False,
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=articles.models.search_columns.PostgreSQLGinIndex(
                fields=["search_vector"], name="article_search_vector_gin"
            ),
        ),
        migrations.RunPython(split_sqlite_index, join_sqlite_index, elidable=False),
    ]
