"""The live preview and a save of the same article at the same moment, under gunicorn.

Fifty rounds, as an editor types and presses "Save and continue editing" while the Markdown
editor's live preview (`POST /editor/markdownify/`) is on its way: in each round a barrier lets
the two requests go together, from the same signed-in session, to gunicorn running the
project's own configuration with two workers. Every answer must be a success (200 for the
preview, 302 for the save) and every save must be in the article's History.

It runs on the suite's database: on SQLite, a file copy of the test database (what this test
made is copied in, the outcome copied back); on PostgreSQL, the test database itself.
"""

import http.client
import os
import sqlite3
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string
from reversion.models import Version

from articles.models import Article
from tests.factories import ArticleFactory
from tests.helpers import BASE_DIR, GUNICORN, article_change_form, free_port, wait_until

ROUNDS = 50
CSRF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def database_for_gunicorn(tmp_path):
    """A DATABASE_URL naming what this test has written, for another process to serve."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        yield (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        )
        return
    path = tmp_path / "served.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    yield f"sqlite:///{path}"
    served = sqlite3.connect(path)
    served.backup(connection.connection)
    served.close()


@contextmanager
def gunicorn(tmp_path, database_url):
    """gunicorn with clinic/config/gunicorn.py and two workers; fails the test if it will not
    start."""
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "1",
        "SECRET_KEY": settings.SECRET_KEY,  # the session made here is signed with it
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603 - our own virtualenv's gunicorn
            [str(GUNICORN), "-c", "python:clinic.config.gunicorn", "clinic.config.wsgi"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(server, port, log_path)
        yield port, log_path
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_serving(server, port, log_path, seconds=60):
    def ready():
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited ({server.returncode}):\n{log_path.read_text()}")
        try:
            return request(port, "GET", "/readyz")[0] == 200
        except OSError:
            return False

    try:
        wait_until(ready, seconds, what=f"gunicorn answering on port {port}")
    except AssertionError as error:
        pytest.fail(f"{error}:\n{log_path.read_text()}")


def request(port, method, path, fields=None, headers=None):
    """(status, body) of one request, redirects not followed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        body = urlencode(fields, doseq=True) if fields is not None else None
        headers = {**(headers or {})}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def signed_in_editor(django_user_model):
    """Cookie and CSRF token of a signed-in superuser: the session is in the database."""
    user = django_user_model.objects.create_superuser(
        "racer", "racer@example.org", "a-long-test-password"
    )
    client = Client()
    client.force_login(user)
    token = get_random_string(32, CSRF_CHARS)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}"
    return {"Cookie": cookie}, token


class Race:
    """Rounds of a preview and a save let go together; what each answered."""

    def __init__(self, port, article, headers, token):
        self.port, self.headers, self.token = port, headers, token
        self.change_url = reverse("admin:articles_article_change", args=[article.pk])
        self.form = article_change_form(article)
        self.version = article.edit_version
        self.barrier = threading.Barrier(2, timeout=60)
        self.answers = []

    def preview(self, text):
        self.barrier.wait()
        headers = {**self.headers, "X-CSRFToken": self.token, "X-Requested-With": "XMLHttpRequest"}
        return request(self.port, "POST", "/editor/markdownify/", {"content": text}, headers)

    def save(self, text):
        fields = {
            **self.form,
            "body": text,
            "opened_version": str(self.version),
            "csrfmiddlewaretoken": self.token,
            "_continue": "Save and continue editing",
        }
        self.barrier.wait()
        return request(self.port, "POST", self.change_url, fields, self.headers)

    def run(self, rounds):
        with ThreadPoolExecutor(max_workers=2) as pool:
            for number in range(1, rounds + 1):
                text = body_of_round(number)
                previewed = pool.submit(self.preview, text)
                saved = pool.submit(self.save, text)
                preview, save = previewed.result(), saved.result()
                self.answers.append((number, preview[0], save[0]))
                if save[0] == 302:
                    self.version += 1
        return self.answers


def body_of_round(number):
    return f"Round {number}: what the editor typed, with **bold** words and a [link](/about/)."


def outcome(answers, article_pk):
    """Errors (any answer but 200 to a preview or 302 to a save) and saves not in History."""
    article = Article.objects.get(pk=article_pk)
    in_history = {version.field_dict["body"] for version in Version.objects.get_for_object(article)}
    errors = [(n, p, s) for n, p, s in answers if p != 200 or s != 302]
    lost = [n for n, _, _ in answers if body_of_round(n) not in in_history]
    return errors, lost, article


def test_fifty_previews_racing_saves_under_gunicorn_lose_nothing(tmp_path, django_user_model):
    article = ArticleFactory(body="Before the race")
    headers, token = signed_in_editor(django_user_model)
    with database_for_gunicorn(tmp_path) as database_url:
        with gunicorn(tmp_path, database_url) as (port, log_path):
            answers = Race(port, article, headers, token).run(ROUNDS)
    errors, lost, saved = outcome(answers, article.pk)
    summary = (
        f"{connection.vendor}: {len(errors)} errors (round, preview, save): {errors[:10]}; "
        f"{len(lost)} of {ROUNDS} saves missing from History: {lost[:10]}"
    )
    print(summary)
    assert not errors and not lost, f"{summary}\n{log_path.read_text()[-3000:]}"
    assert saved.body == body_of_round(ROUNDS)
    assert saved.edit_version == article.edit_version + ROUNDS
