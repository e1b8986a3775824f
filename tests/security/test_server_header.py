"""Under gunicorn, the production server, responses name no server version."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, attempts=100):
    """The response headers of `url`, retrying (up to ~10 s) while the server starts."""
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                return response.headers
        except urllib.error.HTTPError as error:
            return error.headers
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"gunicorn did not answer at {url}")


def test_gunicorn_sends_no_version_in_the_server_header(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "1",
        "SECRET_KEY": "server-header-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    server = subprocess.Popen(  # noqa: S603 - our own virtualenv's gunicorn
        [str(GUNICORN), "clinic.config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        headers = fetch(f"http://127.0.0.1:{port}/static/css/site.css")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert headers["Server"] == "gunicorn"
    assert "X-Powered-By" not in headers
