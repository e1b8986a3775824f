import json
import os
import subprocess
import sys

from django.db import connection


def test_suite_runs_on_the_database_named_by_database_url():
    """CI runs the suite twice; this fails loudly if the PostgreSQL run silently used SQLite."""
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


CONNECTION_REPORT = """
import json, sqlite3, threading, time
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    pragmas = {
        name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "busy_timeout", "synchronous")
    }

# Another process holds the write lock for a moment; a write here waits for it, then succeeds.
holder = sqlite3.connect(
    connection.settings_dict["NAME"], isolation_level=None, check_same_thread=False
)
holder.execute("BEGIN IMMEDIATE")
release = threading.Timer(0.5, holder.execute, ["COMMIT"])
release.start()
started = time.monotonic()
with transaction.atomic():
    connection.cursor().execute("CREATE TABLE queued (x integer)")
waited = time.monotonic() - started
print(json.dumps({**pragmas, "mode": connection.transaction_mode, "waited": waited}))
"""


def test_sqlite_connections_use_wal_wait_for_the_write_lock_and_begin_immediately(tmp_path):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", CONNECTION_REPORT],
        env={**environment, "DJANGO_SETTINGS_MODULE": "clinic.config.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["journal_mode"] == "wal"
    assert report["busy_timeout"] == 20_000  # milliseconds
    assert report["synchronous"] == 1  # NORMAL
    assert report["mode"] == "IMMEDIATE"
    assert report["waited"] >= 0.4, "the write waited for the lock rather than failing"


def test_postgresql_gets_none_of_the_sqlite_options():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'])"
    )
    environment = {**os.environ, "DATABASE_URL": "postgres://clinic@db.example.org/clinic"}
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", code],
        env={**environment, "DJANGO_SETTINGS_MODULE": "clinic.config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "{}"
