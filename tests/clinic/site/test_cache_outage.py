"""The site runs without its cache: Redis dead, frozen or flapping costs speed, never a page.

A dead port (connection refused) and a socket that accepts and never answers (a frozen Redis)
stand in for the outages; the recovery test uses the real Redis of test_page_cache.py here.
"""

import logging
import socket
import threading
import time

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.test import override_settings
from django.urls import reverse

from clinic.site.cache_backend import reset_health
from clinic.site.cache_breaker import breaker_for
from tests.factories import ArticleFactory
from tests.helpers import REDIS_URL, redis_or_skip

BACKEND = "clinic.site.cache_backend.ResilientRedisCache"


def resilient(location, retry_after=30, timeout=0.2):
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
    return {
        "default": {
            "BACKEND": BACKEND,
            "LOCATION": location,
            "OPTIONS": {**options, "retry_after": retry_after},
        }
    }


@pytest.fixture(autouse=True)
def fresh_health(db):
    reset_health()
    yield
    reset_health()


@pytest.fixture
def dead_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SilentServer:
    """Accepts connections and never answers: a frozen Redis."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)  # kept open, never read or written

    def close(self):
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "clinic.cache" and "unreachable" in r.message]


def test_a_dead_cache_serves_every_page_with_one_warning(client, admin_client, dead_port, caplog):
    article = ArticleFactory(title="Served without Redis")
    with override_settings(CACHES=resilient(f"redis://127.0.0.1:{dead_port}/0")):
        caplog.set_level(logging.WARNING, logger="clinic.cache")
        for _ in range(5):
            response = client.get(article.get_absolute_url())
            assert response.status_code == 200
            assert b"Served without Redis" in response.content
        assert client.get("/").status_code == 200
        assert client.get(reverse("admin:login")).status_code == 200
        assert admin_client.get(reverse("admin:articles_article_changelist")).status_code == 200
        assert cache.get("anything", "fallback") == "fallback"
        assert cache.get_many(["a", "b"]) == {}
        cache.set("key", "value")  # skipped, no error
    assert len(outage_warnings(caplog)) == 1


def test_a_frozen_cache_costs_one_timeout_then_is_skipped(client, silent_server, caplog):
    article = ArticleFactory(title="Served while Redis is frozen")
    url = article.get_absolute_url()
    location = f"redis://127.0.0.1:{silent_server.port}/0"
    with override_settings(CACHES=resilient(location, timeout=0.2)):
        caplog.set_level(logging.WARNING, logger="clinic.cache")
        started = time.monotonic()
        assert client.get(url).status_code == 200
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(20):
            assert client.get(url).status_code == 200
        rest = time.monotonic() - started
    assert first < 3, first  # one read timeout, not a hang
    assert rest < 20, rest
    # The back-off: after the one timed-out connection, no request tried the frozen cache again
    # (redis-py drops a connection that timed out, so another try would be another connection).
    assert len(silent_server.accepted) == 1
    assert len(outage_warnings(caplog)) == 1


def test_after_the_back_off_the_cache_is_tried_again(dead_port, caplog, monkeypatch):
    location = f"redis://127.0.0.1:{dead_port}/0"
    monkeypatch.setattr(breaker_for(location), "clock", lambda: now)
    now = 100.0
    with override_settings(CACHES=resilient(location, retry_after=0.2)):
        caplog.set_level(logging.WARNING, logger="clinic.cache")
        cache.get("x")
        assert not cache.is_available()
        now += 0.25
        assert cache.is_available()
        cache.get("x")  # tried, fails again: still one warning for the one outage
        assert not cache.is_available()
    assert len(outage_warnings(caplog)) == 1


def test_an_edit_made_while_the_cache_was_down_is_seen_once_it_is_back(client, monkeypatch, caplog):
    redis_or_skip()
    article = ArticleFactory(title="Before the outage")
    url = article.get_absolute_url()
    monkeypatch.setattr(breaker_for(REDIS_URL), "clock", lambda: now)
    now = 100.0
    with override_settings(CACHES=resilient(REDIS_URL, retry_after=0.1), PAGE_CACHE_SECONDS=600):
        cache.clear()
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"

        def down(*args, **kwargs):
            raise redis.exceptions.ConnectionError("Connection refused")

        with monkeypatch.context() as outage:
            for name in ("get", "get_many", "set", "delete"):
                outage.setattr(RedisCacheClient, name, down)
            article.title = "Edited during the outage"
            article.save()  # the generation bump is lost with the cache down
        now += 0.15  # the back-off is over
        caplog.set_level(logging.WARNING, logger="clinic.cache")
        response = client.get(url)
        assert b"Edited during the outage" in response.content
        assert any("back after" in r.message for r in caplog.records)
        cache.clear()
