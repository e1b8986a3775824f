"""Under gunicorn, the production server, responses name no server version."""

import os
import subprocess

from tests.helpers import BASE_DIR, GUNICORN, fetch, free_port


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
        headers = fetch(f"http://127.0.0.1:{port}/static/css/base.css")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert headers["Server"] == "gunicorn"
    assert "X-Powered-By" not in headers
