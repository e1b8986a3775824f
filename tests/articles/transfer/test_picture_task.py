"""Copying an imported post's pictures in the background: retried, then reported per picture.

Against a tiny HTTP server on 127.0.0.1 started by the test (no network); the task's fetcher
is allowed to reach it.
"""

import io
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image
from reversion.models import Version

from articles.transfer import tasks
from articles.transfer.tasks import copy_post_pictures, picture_copy_report
from clinic.tasks.status import DONE, RETRYING, progress
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's API name
        self.server.requests.append(self.path)
        busy = self.path == "/busy.png" and self.server.busy_left > 0
        if busy:
            self.server.busy_left -= 1
        status, content_type, body = {
            "/room.png": (200, "image/png", png_bytes()),
            "/hero.png": (200, "image/png", png_bytes()),
            "/busy.png": (503, "text/plain", b"busy") if busy else (200, "image/png", png_bytes()),
            "/page.html": (200, "text/html", b"<html>not an image</html>"),
        }.get(self.path, (404, "text/plain", b"gone"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests, server.busy_left = [], 0
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def imported(base, *names):
    body = "Intro.\n\n" + "\n\n".join(f"![A picture]({base}/{name})" for name in names)
    return ArticleFactory(body=body)


def test_pictures_are_copied_and_the_body_points_at_the_copies(old_site, run_tasks):
    server, base = old_site
    article = imported(base, "room.png", "page.html")
    version = article.edit_version
    urls = [f"{base}/room.png", f"{base}/page.html"]
    copy_post_pictures.enqueue(
        article_id=article.pk, urls=urls, hero_url=f"{base}/hero.png", hero_alt="A teal room"
    )
    assert run_tasks() == 1
    article.refresh_from_db()
    assert f"{base}/room.png" not in article.body and "/media/articles/imported/" in article.body
    assert f"{base}/page.html" in article.body  # not an image: left as it was
    assert article.hero_image and article.hero_alt == "A teal room"
    assert default_storage.exists(article.hero_image.name)
    assert article.edit_version == version + 1
    assert Version.objects.get_for_object(article).first().revision.comment == (
        "Pictures copied from the old site."
    )
    state, failed = picture_copy_report(article.pk)
    assert state.state == DONE and state.return_value["copied"] == 2
    assert failed == [(f"{base}/page.html", "the address did not return an image (text/html)")]


def test_a_picture_the_old_site_could_not_send_yet_is_tried_again(old_site, run_tasks):
    server, base = old_site
    server.busy_left = 1
    article = imported(base, "room.png", "busy.png")
    urls = [f"{base}/room.png", f"{base}/busy.png"]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        copy_post_pictures.enqueue(article_id=article.pk, urls=urls)
        assert run_tasks() == 1
        state = progress(copy_post_pictures, article_id=article.pk)
        assert state.state == RETRYING
        assert "PicturesNotCopiedYet: 1 of 2 pictures not copied yet: " in state.reason
        assert "busy.png (the download failed (HTTP 503))" in state.reason
        article.refresh_from_db()
        assert f"{base}/room.png" not in article.body  # what could be copied already was
        clock.shift(timedelta(seconds=31))
        assert run_tasks() == 1
    article.refresh_from_db()
    assert base not in article.body
    assert server.requests.count("/room.png") == 1  # found in the store the second time
    assert picture_copy_report(article.pk)[1] == []


def test_after_the_last_attempt_the_report_lists_each_picture_left_and_why(old_site, run_tasks):
    server, base = old_site
    server.busy_left = 100
    article = imported(base, "busy.png", "page.html")
    urls = [f"{base}/busy.png", f"{base}/page.html", f"{base}/gone.png"]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        copy_post_pictures.enqueue(article_id=article.pk, urls=urls)
        for _ in range(tasks.ATTEMPTS):
            assert run_tasks() == 1
            clock.shift(timedelta(minutes=10))
        assert run_tasks() == 0
    state, failed = picture_copy_report(article.pk)
    assert state.state == DONE and state.attempt == tasks.ATTEMPTS
    assert state.return_value == {"copied": 0, "failed": [list(item) for item in failed]}
    assert dict(failed) == {
        f"{base}/busy.png": "the download failed (HTTP 503)",
        f"{base}/page.html": "the address did not return an image (text/html)",
        f"{base}/gone.png": "the download failed (HTTP 404)",
    }
    statuses = DBTaskResult.objects.values_list("status", flat=True)
    assert sorted(statuses) == [TaskResultStatus.FAILED] * 3 + [TaskResultStatus.SUCCESSFUL]


def test_refused_addresses_are_not_tried_again(settings, tmp_path, run_tasks):
    settings.MEDIA_ROOT = tmp_path
    article = ArticleFactory(body="![A](http://127.0.0.1:9/x.png) ![B](file:///etc/passwd)")
    copy_post_pictures.enqueue(
        article_id=article.pk, urls=["http://127.0.0.1:9/x.png", "file:///etc/passwd"]
    )
    assert run_tasks() == 1
    state, failed = picture_copy_report(article.pk)
    assert state.state == DONE and state.attempt == 1
    assert dict(failed) == {
        "http://127.0.0.1:9/x.png": (
            "the host 127.0.0.1 is not a public address (127.0.0.1); an import reads only "
            "public sites"
        ),
        "file:///etc/passwd": "only http and https images are downloaded",
    }
