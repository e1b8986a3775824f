"""The documented gunicorn command: a JSON access log without health checks, JSON app logs."""

import json
import os
import subprocess
import urllib.error
import urllib.request

from tests.helpers import BASE_DIR, GUNICORN, fetch, free_port


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_access_log_is_json_with_the_request_id_and_leaves_out_health_checks(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "1",
        "LOG_FORMAT": "json",
        "SECRET_KEY": "gunicorn-config-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    out, err = open(tmp_path / "out", "w+"), open(tmp_path / "err", "w+")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603 - our own virtualenv's gunicorn
        [str(GUNICORN), "-c", "python:clinic.config.gunicorn", "clinic.config.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=out,
        stderr=err,
    )
    try:
        fetch(f"http://127.0.0.1:{port}/healthz")
        status, headers = get(f"http://127.0.0.1:{port}/robots.txt?x=1")
    finally:
        server.terminate()
        server.wait(timeout=10)
    out.seek(0)
    err.seek(0)
    access = [json.loads(line) for line in out if line.startswith("{")]
    app = [json.loads(line) for line in err if line.startswith('{"time"')]
    (line,) = access
    assert (line["method"], line["path"], line["query"]) == ("GET", "/robots.txt", "x=1")
    assert line["status"] == status
    assert line["request_id"] == headers["X-Request-ID"]
    assert line["duration_ms"] >= 0
    (request,) = [r for r in app if r["logger"] == "clinic.requests"]
    assert request["path"] == "/robots.txt"
    assert request["request_id"] == headers["X-Request-ID"]
