"""The real worker, end to end: `manage.py db_worker` makes the renditions a save queued.

Each step is its own process with the same DATABASE_URL and MEDIA_ROOT, as on a server: the
app saves an article with a hero image (the task is queued when the save commits), then
`db_worker --batch` runs what is queued and exits, then the page lists the renditions.
SQLite always; PostgreSQL too when the suite itself runs on PostgreSQL.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import BASE_DIR

SUITE_DATABASE = os.environ.get("DATABASE_URL", "")

SHELL = ("shell", "--verbosity=0", "-c")
SAVE_ARTICLE = """
import io, json
from django.core.files.base import ContentFile
from PIL import Image
from articles.models import Article
from clinic.domain.models import DEFAULT_DISCLAIMER, Person
buffer = io.BytesIO()
Image.new("RGB", (1000, 500), "teal").save(buffer, "JPEG")
author = Person.objects.create(name="Dr Ana Ruiz", slug="ana-ruiz")
article = Article(title="Sleep after trauma", slug="sleep", summary="What a study found.",
                  body="Text.", author=author, status="published", hero_alt="A teal square",
                  disclaimer=DEFAULT_DISCLAIMER)
article.hero_image.save("hero.jpg", ContentFile(buffer.getvalue()))
print(json.dumps([article.hero_image.name, article.hero_width, article.hero_height]))
"""
READ_PAGE = """
from django.test import Client
from django_tasks_db.models import DBTaskResult
renditions = DBTaskResult.objects.filter(task_path="clinic.authoring.tasks.make_renditions")
print([result.status for result in renditions])
print(Client().get("/articles/sleep/").content.decode())
"""


def manage(*args, database_url, media_root):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(DEBUG="1", SECRET_KEY="worker-test-secret", DATABASE_URL=database_url,
                       MEDIA_ROOT=str(media_root), CACHE_URL="dummy://",
                       ALLOWED_HOSTS="testserver", LOG_LEVEL="ERROR")  # fmt: skip
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment,
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'worker.sqlite3'}"
        return
    if not SUITE_DATABASE.startswith(("postgres://", "postgresql://")):
        pytest.skip("the suite runs on SQLite")
    import psycopg

    server = urlsplit(SUITE_DATABASE)
    name = f"clinic_worker_{secrets.token_hex(4)}"
    with psycopg.connect(server._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server._replace(path=f"/{name}").geturl()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_db_worker_makes_the_renditions_a_save_queued(database_url, tmp_path):
    site = {"database_url": database_url, "media_root": tmp_path / "media"}
    manage("migrate", "--verbosity=0", **site)
    name, width, height = json.loads(manage(*SHELL, SAVE_ARTICLE, **site))
    assert (width, height) == (1000, 500)
    renditions = tmp_path / "media" / "renditions"
    assert not renditions.exists()  # the save made none
    statuses, page = manage(*SHELL, READ_PAGE, **site).split("\n", 1)
    assert statuses == "['READY']" and "<source" not in page and 'width="1000"' in page

    manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", **site)
    made = sorted(path.name for path in renditions.rglob("*") if path.is_file())
    stem = Path(name).stem
    assert f"{stem}-480.webp" in made and f"{stem}-1000.webp" in made
    statuses, page = manage(*SHELL, READ_PAGE, **site).split("\n", 1)
    assert statuses == "['SUCCESSFUL']"
    assert f"/media/renditions/articles/hero/{stem}-1000.webp 1000w" in page
