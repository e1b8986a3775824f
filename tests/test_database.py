import os

from django.db import connection


def test_suite_runs_on_the_database_named_by_database_url():
    """CI runs the suite twice; this fails loudly if the PostgreSQL run silently used SQLite."""
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
