"""Consistent backups of the database and the uploaded media, and restoring them.

A backup is a folder `<BACKUP_ROOT>/<UTC time>/` holding:

* `database.dump`: PostgreSQL, from `pg_dump --format=custom` (one consistent snapshot), or
  `database.sqlite3`: SQLite, copied with SQLite's online backup API (consistent while the
  site keeps running);
* `media/`: a copy of every uploaded file, read through Django's storage API, so from
  MEDIA_ROOT or from the object store (MEDIA_S3_BUCKET) alike;
* `manifest.json`: when, from which database engine, and what the folder holds.

The database is copied before the media. Uploads get new random names and are never
overwritten, so every file the database refers to is in the copy; a file uploaded in between
is only an extra. A backup is written under a `.partial` name and renamed when complete.
"""

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import django
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.utils import timezone

from clinic.domain import sitewide
from clinic.site import page_cache

MANIFEST = "manifest.json"
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def create_backup(root):
    """Write a new backup folder under `root` and return its path."""
    vendor = _vendor()
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    folder = Path(root) / stamp
    partial = folder.with_name(f"{stamp}.partial")
    if folder.exists() or partial.exists():
        raise BackupError(f"{folder} already exists; wait a second and run it again.")
    partial.mkdir(parents=True)
    dump = partial / DUMP_FILES[vendor]
    if vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as target:
            connection.connection.backup(target)
        target.close()
    copy_media_out(partial / "media")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": vendor,
        "django": django.get_version(),
        "media_files": sum(1 for path in (partial / "media").rglob("*") if path.is_file()),
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    partial.rename(folder)
    return folder


def restore_backup(folder, *, force=False):
    """Load the backup in `folder` into the configured database and media storage.

    Refuses a database that already has tables unless `force` is true.
    """
    folder = Path(folder)
    manifest = _read_manifest(folder)
    vendor = _vendor()
    if manifest["database"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']} database, but DATABASE_URL points "
            f"to {vendor}. Restore it into the same kind of database."
        )
    if connection.introspection.table_names() and not force:
        raise BackupError(
            "The database is not empty. Restore into a new, empty database, or pass --force "
            "to replace what is there."
        )
    dump = folder / DUMP_FILES[vendor]
    if vendor == "postgresql":
        options = ["--clean", "--if-exists"] if force else []
        database = settings.DATABASES["default"]["NAME"]
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", *options, f"--dbname={database}", str(dump)])  # fmt: skip
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()
    copy_media_in(folder / "media")
    # Pages cached before the restore show content that no longer exists (or not yet).
    page_cache.bump_generation()
    sitewide.forget_site_chrome()
    return manifest


def stored_names(storage, directory=""):
    """Every file name in `storage` under `directory`, depth first."""
    directories, files = storage.listdir(directory)
    prefix = f"{directory}/" if directory else ""
    for name in files:
        yield prefix + name
    for name in directories:
        yield from stored_names(storage, prefix + name)


def copy_media_out(target):
    """Copy every stored upload into the folder `target`; return how many."""
    target.mkdir(parents=True, exist_ok=True)
    if (
        isinstance(default_storage, FileSystemStorage)
        and not Path(default_storage.location).is_dir()
    ):
        return 0  # nothing uploaded yet
    count = 0
    for name in stored_names(default_storage):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, path.open("wb") as out:
            shutil.copyfileobj(source, out)
        count += 1
    return count


def copy_media_in(source):
    """Store every file of the folder `source` under its own name; return how many."""
    count = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(source).as_posix()
        if default_storage.exists(name):  # the same name always holds the same content
            continue
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}; the restore is incomplete.")
        count += 1
    return count


def _read_manifest(folder):
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{folder} is not a complete backup (no {MANIFEST}).") from error
    if manifest.get("database") not in DUMP_FILES:
        raise BackupError(f"{folder / MANIFEST} names no database this site can restore.")
    return manifest


def _vendor():
    if connection.vendor not in DUMP_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _run(command):
    """Run a PostgreSQL client tool against the configured database; passwords go by env."""
    database = settings.DATABASES["default"]
    options = database.get("OPTIONS", {})
    libpq = {
        "PGDATABASE": database["NAME"],
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGSSLMODE": options.get("sslmode"),
    }
    env = {**os.environ, **{name: str(value) for name, value in libpq.items() if value}}
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
