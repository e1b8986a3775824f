import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"
OLDER_FIXTURES = Path(__file__).parent / "wordpress" / "fixtures"


def run_command(name, *args):
    out = StringIO()
    call_command(name, *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def import_export():
    """`manage.py import_export …`, returning what it printed."""
    return lambda *args: run_command("import_export", *args)


@pytest.fixture
def import_wxr():
    return lambda *args: run_command("import_wxr", *args)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


class _PictureHandler(BaseHTTPRequestHandler):
    """Serves /*.png as a small picture and anything else as 404."""

    def do_GET(self):  # noqa: N802 - http.server's API name
        self.server.requests.append(self.path)
        found = self.path.endswith(".png") and "missing" not in self.path
        body = png_bytes() if found else b"gone"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "image/png" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def picture_server(settings, tmp_path):
    """(server, base address) of an HTTP server on 127.0.0.1; media stored under tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PictureHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
