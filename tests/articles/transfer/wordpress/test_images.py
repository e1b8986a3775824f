"""The image fetcher, against a tiny HTTP server on 127.0.0.1 started by the test (no network)."""

import io
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from articles.models import Article
from articles.transfer import tasks
from articles.transfer.apply import ImportOptions, import_wxr
from articles.transfer.tasks import picture_copy_report
from articles.transfer.wordpress.images import ImageFetcher, ImageFetchError

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


ROUTES = {
    "/photo.png": (200, "image/png", png_bytes()),
    "/page.html": (200, "text/html", b"<html>not an image</html>"),
    "/fake.png": (200, "image/png", b"GIF? no, just text"),
    "/big.png": (200, "image/png", png_bytes() + b"\0" * 5000),
    "/missing.png": (404, "text/plain", b"gone"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's API name
        self.server.requests.append(self.path)
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/moved.png":
            self.send_response(301)
            self.send_header("Location", "/photo.png")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"?"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def image_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def local_host_allowed(settings):
    """The test server is on 127.0.0.1: allowed here as an intranet host would be."""
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]


def local_fetcher(**options):
    return ImageFetcher(**options)


def test_an_image_is_downloaded_into_the_media_storage(image_server, media):
    _, base = image_server
    url = local_fetcher().fetch(f"{base}/photo.png")
    assert url.startswith("/media/articles/imported/") and url.endswith(".png")
    stored = media / url.removeprefix("/media/")
    original = Image.open(io.BytesIO(png_bytes()))
    with Image.open(stored) as copy:  # re-encoded like every upload, same picture
        assert copy.format == "PNG" and copy.size == original.size


def test_a_second_fetch_of_the_same_address_reuses_the_stored_file(image_server, media):
    server, base = image_server
    first = local_fetcher().fetch(f"{base}/photo.png")
    second = local_fetcher().fetch(f"{base}/photo.png")
    assert first == second
    assert server.requests == ["/photo.png"]


def test_a_redirect_to_another_image_is_followed(image_server, media):
    _, base = image_server
    assert local_fetcher().fetch(f"{base}/moved.png").endswith(".png")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/page.html", "did not return an image (text/html)"),
        ("/fake.png", "not one of those"),
        ("/big.png", "larger than"),
        ("/missing.png", "download failed"),
        ("/to-file", "only http and https images are downloaded"),
    ],
)
def test_what_is_not_a_small_image_over_http_is_refused(image_server, media, path, message):
    _, base = image_server
    with pytest.raises(ImageFetchError, match=re.escape(message)):
        local_fetcher(max_bytes=1000).fetch(f"{base}{path}")
    assert not (media / "articles").exists() or not any((media / "articles").rglob("*.*"))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.png", "file:///etc/passwd", "data:image/png;base64,AAAA"]
)
def test_only_http_and_https_addresses_are_fetched(url):
    with pytest.raises(ImageFetchError, match="only http and https"):
        ImageFetcher().fetch(url)


def test_by_default_private_addresses_are_refused(image_server, media, settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []
    server, base = image_server
    with pytest.raises(ImageFetchError, match="not a public address"):
        ImageFetcher().fetch(f"{base}/photo.png")
    assert server.requests == []


def test_no_download_starts_after_the_deadline(image_server, media):
    server, base = image_server
    with pytest.raises(ImageFetchError, match="time for this run was used up"):
        local_fetcher(deadline=time.monotonic() - 1).fetch(f"{base}/photo.png")
    assert server.requests == []


def test_import_with_fetching_rewrites_the_body_to_the_stored_images(
    image_server, media, tmp_path, monkeypatch, run_tasks
):
    _, base = image_server
    monkeypatch.setattr(tasks, "ImageFetcher", local_fetcher)
    export = tmp_path / "export.xml"
    export.write_text(
        f"""<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Pictures</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt>
<content:encoded><![CDATA[<p>Look:</p><img src="{base}/photo.png" alt="A teal square">
<img src="data:image/png;base64,AAAA" alt="Inline"><img src="{base}/page.html" alt="Oops">]]>
</content:encoded></item></channel></rss>""",
        encoding="utf-8",
    )
    report = import_wxr(export, ImportOptions(fetch_images=True), fetcher=local_fetcher())
    assert report.pictures_queued == 2  # copied in the background
    assert report.images_left == []  # the data: image was dropped, its alt text kept
    assert any("data:image/png;base64,AAAA" in warning for warning in report.warnings)
    assert f"{base}/photo.png" in Article.objects.get(slug="pictures").body
    assert run_tasks() == 1
    article = Article.objects.get(slug="pictures")
    assert "![A teal square](/media/articles/imported/" in article.body
    assert f"{base}/photo.png" not in article.body
    _, failed = picture_copy_report(article.pk)
    assert failed == [(f"{base}/page.html", "the address did not return an image (text/html)")]
