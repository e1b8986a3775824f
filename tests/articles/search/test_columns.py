"""The search columns are declared in the model, and the migrations run SQL of their own."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import GeneratedField

import articles
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
MIGRATIONS = Path(articles.__file__).parent / "migrations"
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite")


def test_the_migrations_know_the_search_columns_and_their_index():
    state = MigrationLoader(connection).project_state().models["articles", "article"]

    for name in ("search_vector", "search_words"):
        assert isinstance(state.fields[name], GeneratedField)
    assert "article_search_vector_gin" in [index.name for index in state.options["indexes"]]
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_no_migration_imports_the_live_search_code():
    for path in MIGRATIONS.glob("0*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import ensure_index" not in source, path.name
        assert "from articles.search" not in source, path.name


def test_article_queries_leave_the_search_columns_out():
    ArticleFactory()

    sql = str(Article.objects.all().query)

    assert "search_vector" not in sql and "search_words" not in sql
    assert Article.objects.values_list("search_vector", flat=True).count() == 1


@postgresql_only
def test_postgresql_generates_the_columns_the_model_declares():
    article = ArticleFactory(title="Núñez-Gutiérrez on CAPS-5")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, generation_expression FROM information_schema.columns "
            "WHERE table_name = 'articles_article' AND is_generated = 'ALWAYS'"
        )
        generated = dict(cursor.fetchall())
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector_gin'"
        )
        (index,) = cursor.fetchone()
    assert "english_unaccent" in generated["search_vector"]
    assert "simple_unaccent" in generated["search_words"]
    assert "USING gin (search_vector)" in index
    vector = Article.objects.values_list("search_vector", flat=True).get(pk=article.pk)
    assert "'nunez':1A" in vector and "'5':" in vector


@sqlite_only
def test_sqlite_holds_null_in_the_columns_and_searches_with_fts5():
    article = ArticleFactory()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'article_search_vector_gin'")
        assert cursor.fetchone() is None
        cursor.execute("SELECT count(*) FROM articles_article_fts WHERE rowid = %s", [article.pk])
        assert cursor.fetchone() == (1,)
    assert Article.objects.values_list("search_vector", "search_words").get() == (None, None)
