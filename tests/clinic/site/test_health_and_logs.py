"""/healthz and /readyz for a load balancer; one structured log line per request; Sentry opt-in."""

import gzip
import json
import logging
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings

from clinic.site.cache_backend import reset_health
from clinic.site.request_log import JsonLogFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [r for r in caplog.records if r.name == "clinic.requests"]


def test_healthz_answers_by_address_over_http_and_is_never_cached(client):
    with override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["clinic.example.org"]):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7:8001")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "X-Cache" not in response


def test_readyz_needs_the_database_but_not_the_cache(client):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = sock.getsockname()[1]
    caches = {
        "default": {
            "BACKEND": "clinic.site.cache_backend.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead}/0",
        }
    }
    reset_health()
    try:
        assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
        with override_settings(CACHES=caches):
            response = client.get("/readyz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}
    finally:
        reset_health()


def test_readyz_is_503_when_the_database_does_not_answer(client, monkeypatch, caplog):
    def refused(self, *args, **kwargs):
        raise OperationalError("connection to 10.0.0.5 refused for user clinic")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refused)
    caplog.set_level(logging.WARNING, logger="clinic.health")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    # Only "ok" or "unavailable" (SECURITY.md): no exception name, no message.
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert b"OperationalError" not in response.content and b"10.0.0.5" not in response.content
    # The reason is for the operator, in the server's log.
    (record,) = [r for r in caplog.records if r.name == "clinic.health"]
    assert "OperationalError" in record.getMessage()
    assert client.get("/healthz").status_code == 200  # the process itself is alive


def test_readyz_names_no_exception_when_the_cache_raises(client, monkeypatch, caplog):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise RuntimeError("cache at 10.0.0.6 exploded")

    monkeypatch.setattr(cache, "set", broken)
    caplog.set_level(logging.WARNING, logger="clinic.health")
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}
    assert any(
        "RuntimeError" in r.getMessage() for r in caplog.records if r.name == "clinic.health"
    )


def test_one_record_per_request_with_method_path_status_duration_and_id(client, caplog):
    caplog.set_level(logging.DEBUG, logger="clinic.requests")
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="lb-0123456789")
    (record,) = request_records(caplog)
    assert record.levelno == logging.INFO
    assert (record.method, record.path, record.status) == ("GET", "/no-such-page/", 404)
    assert record.duration_ms >= 0
    assert response["X-Request-ID"] == "lb-0123456789"
    assert RequestIdFilter().filter(record) and record.request_id == "lb-0123456789"


def test_a_request_id_that_does_not_look_like_one_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_health_checks_are_not_logged_at_info(client, caplog):
    caplog.set_level(logging.INFO, logger="clinic.requests")
    client.get("/healthz")
    client.get("/readyz")
    assert request_records(caplog) == []


def test_an_error_is_one_json_line_with_its_traceback_and_request_id(client, monkeypatch):
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonLogFormatter())
    handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(handler)

    def broken():
        raise RuntimeError("the chrome is broken")

    monkeypatch.setattr("clinic.site.context_processors.site_chrome", broken)
    client.raise_request_exception = False
    try:
        response = client.get("/")
    finally:
        logging.getLogger().removeHandler(handler)
    assert response.status_code == 500
    records = [json.loads(line) for line in lines]
    assert all("\n" not in line for line in lines)
    (error,) = [r for r in records if r["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert "Traceback" in error["exc_info"] and "the chrome is broken" in error["exc_info"]
    assert error["request_id"] == response["X-Request-ID"]
    (access,) = [r for r in records if r["logger"] == "clinic.requests"]
    assert access["status"] == 500 and access["level"] == "WARNING"
    assert access["request_id"] == response["X-Request-ID"]
    assert {"time", "method", "path", "duration_ms"} <= access.keys()
    assert request_id_var.get() == "-"  # nothing leaks into the next request


class Collector(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", 0))
        Collector.received.append((self.path, self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


SEND_ONE_EVENT = """
import django, sentry_sdk
django.setup()
print("active" if sentry_sdk.get_client().is_active() else "inactive")
sentry_sdk.capture_message("reported")
sentry_sdk.flush(timeout=5)
"""


def run_with_env(**env):
    environ = {k: v for k, v in os.environ.items() if k != "SENTRY_DSN"}
    environ.update(DJANGO_SETTINGS_MODULE="clinic.config.settings", **env)
    result = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-c", SEND_ONE_EVENT],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_error_reporting_is_off_unless_sentry_dsn_is_set():
    server = HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Collector.received.clear()
    try:
        assert run_with_env() == "inactive"
        assert Collector.received == []
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/42"
        assert run_with_env(SENTRY_DSN=dsn) == "active"
    finally:
        server.shutdown()
    assert [path for path, _ in Collector.received] == ["/api/42/envelope/"]
    assert b"reported" in gzip.decompress(Collector.received[0][1])
