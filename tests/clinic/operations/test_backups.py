"""`manage.py backup` then `restore` into a fresh database: the public pages come back the same.

Each step runs manage.py in its own process with its own DATABASE_URL and MEDIA_ROOT, as an
operator would. SQLite always; PostgreSQL too when the suite itself runs on PostgreSQL.
"""

import json
import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
SUITE_DATABASE = os.environ.get("DATABASE_URL", "")

ADD_PHOTO = """
import io
from django.core.files.base import ContentFile
from PIL import Image
from clinic.domain.models import Person
buffer = io.BytesIO()
Image.new("RGB", (24, 24), "teal").save(buffer, "PNG")
person = Person.objects.order_by("id").first()
person.photo.save("portrait.png", ContentFile(buffer.getvalue()), save=False)
person.photo_alt = "A teal square"
person.save()
"""

SHELL = ("shell", "--verbosity=0", "-c")
RENDER_PUBLIC_PAGES = """
import json
from django.test import Client
from django.urls import reverse
from articles.models import Article, Topic
from clinic.domain.models import Location, Person
paths = [reverse(name) for name in [
    "articles:home", "articles:list", "articles:topic-list", "clinic:team", "clinic:locations",
    "articles:feed", "sitemap",
]]
for queryset in [Article.objects.published(), Topic.objects.all(), Person.objects.all(),
                 Location.objects.active()]:
    paths += [item.get_absolute_url() for item in queryset]
client = Client()
pages = {}
for path in paths:
    response = client.get(path)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def manage(*args, database_url, media_root, check=True):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(
        DEBUG="1",
        SECRET_KEY="backup-test-secret",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        CACHE_URL="dummy://",
        ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def files(folder):
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in Path(folder).rglob("*")
        if path.is_file()
    }


@contextmanager
def sqlite_databases(tmp_path):
    yield f"sqlite:///{tmp_path / 'live.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"


@contextmanager
def postgresql_databases(tmp_path):
    import psycopg

    server = urlsplit(SUITE_DATABASE)
    admin_url = server._replace(path="/postgres").geturl()
    names = [f"clinic_backup_{secrets.token_hex(4)}_{role}" for role in ("live", "restored")]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield tuple(server._replace(path=f"/{name}").geturl() for name in names)
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


DATABASES = [pytest.param(sqlite_databases, id="sqlite")]
if SUITE_DATABASE.startswith(("postgres://", "postgresql://")):
    DATABASES.append(pytest.param(postgresql_databases, id="postgresql"))


@pytest.mark.parametrize("databases", DATABASES)
def test_backup_then_restore_into_a_fresh_database_gives_the_same_public_pages(tmp_path, databases):
    live_media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    with databases(tmp_path) as (live_url, restored_url):
        live = {"database_url": live_url, "media_root": live_media}
        restored = {"database_url": restored_url, "media_root": restored_media}
        manage("migrate", "--verbosity=0", **live)
        manage("load_demo", **live)
        manage(*SHELL, ADD_PHOTO, **live)
        before = json.loads(manage(*SHELL, RENDER_PUBLIC_PAGES, **live).stdout)

        output = manage("backup", f"--output-dir={tmp_path / 'backups'}", **live).stdout
        [folder] = (tmp_path / "backups").iterdir()
        assert str(folder) in output and not folder.name.endswith(".partial")
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["media_files"] == len(files(live_media)) >= 1

        manage("restore", str(folder), **restored)
        after = json.loads(manage(*SHELL, RENDER_PUBLIC_PAGES, **restored).stdout)

        assert len(before) > 10 and all(status == 200 for status, _ in before.values())
        assert sorted(after) == sorted(before)
        assert [path for path in before if before[path] != after[path]] == []
        assert files(restored_media) == files(live_media) != {}

        again = manage("restore", str(folder), check=False, **restored)
        assert again.returncode != 0 and "not empty" in again.stderr
        manage("restore", "--force", str(folder), **restored)


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    result = manage(
        "restore",
        str(tmp_path),
        check=False,
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        media_root=tmp_path / "media",
    )
    assert result.returncode != 0 and "not a complete backup" in result.stderr
