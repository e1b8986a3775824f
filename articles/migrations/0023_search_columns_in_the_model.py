"""The search columns and their index, declared in the model (articles/models/search_columns.py).

PostgreSQL: the columns migration 0022 made with raw SQL are dropped, and made again by
Django from the model's declaration (the same expressions, written by Django), so the model
state, `sqlmigrate` and the database agree. SQLite: the two columns are added, generated as
NULL; its search index stays the FTS5 tables of migration 0016. Going back makes the raw
columns of 0022 again, with the SQL frozen below.
"""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import articles.models.search_columns


def _text(column):
    return f"replace(coalesce({column}, ''), '-', ' ')"


# As migration 0022 made them.
RAW_VECTOR = (
    "setweight(to_tsvector('english_unaccent', " + _text("title") + "), 'A') || "
    "setweight(to_tsvector('english_unaccent', " + _text("summary") + "), 'B') || "
    "setweight(to_tsvector('english_unaccent', " + _text("body") + " || ' ' || "
    + _text("search_document") + "), 'C')"
)
RAW_WORDS = (
    "to_tsvector('simple_unaccent', " + _text("title") + " || ' ' || " + _text("summary")
    + " || ' ' || " + _text("body") + " || ' ' || " + _text("search_document") + ")"
)


def drop_raw_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
    for column in ("search_vector", "search_words"):
        schema_editor.execute(f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {column}")


def make_raw_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE articles_article ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({RAW_VECTOR}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX article_search_vector_gin ON articles_article USING GIN (search_vector)"
    )
    schema_editor.execute(
        "ALTER TABLE articles_article ADD COLUMN search_words tsvector "
        f"GENERATED ALWAYS AS ({RAW_WORDS}) STORED"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0022_search_ignores_accents_on_postgresql'),
    ]

    operations = [
        migrations.RunPython(drop_raw_columns, make_raw_columns, elidable=False),
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=articles.models.search_columns.PostgreSQLGeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Replace(models.F('title'), models.Value('-'), models.Value(' '), output_field=models.TextField()), config='english_unaccent', weight='A'), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Replace(models.F('summary'), models.Value('-'), models.Value(' '), output_field=models.TextField()), config='english_unaccent', weight='B'), django.contrib.postgres.search.SearchConfig('english_unaccent')), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Replace(models.F('body'), models.Value('-'), models.Value(' '), output_field=models.TextField()), django.db.models.functions.text.Replace(models.F('search_document'), models.Value('-'), models.Value(' '), output_field=models.TextField()), config='english_unaccent', weight='C'), django.contrib.postgres.search.SearchConfig('english_unaccent')), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddField(
            model_name='article',
            name='search_words',
            field=articles.models.search_columns.PostgreSQLGeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Replace(models.F('title'), models.Value('-'), models.Value(' '), output_field=models.TextField()), django.db.models.functions.text.Replace(models.F('summary'), models.Value('-'), models.Value(' '), output_field=models.TextField()), django.db.models.functions.text.Replace(models.F('body'), models.Value('-'), models.Value(' '), output_field=models.TextField()), django.db.models.functions.text.Replace(models.F('search_document'), models.Value('-'), models.Value(' '), output_field=models.TextField()), config='simple_unaccent'), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False),
        ),
        migrations.AddIndex(
            model_name='article',
            index=articles.models.search_columns.PostgreSQLGinIndex(fields=['search_vector'], name='article_search_vector_gin'),
        ),
    ]
