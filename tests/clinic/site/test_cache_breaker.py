"""Redis out, many threads at once: one timeout per process per back-off, whatever the load.

A frozen Redis is a local TCP server that accepts connections, reads what is sent and never
answers (a Redis stopped with SIGSTOP: the kernel still accepts). Threads are lined up with
events and barriers, and the breaker's clock is a fake one: nothing here waits on time
except the socket timeouts under test.
"""

import socket
import threading
import time

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCacheClient
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from articles.views.glossary import ENTRIES_KEY as ENTRIES_KEYS
from clinic.site.cache_backend import reset_health
from clinic.site.cache_breaker import breaker_for
from tests.factories import ArticleFactory
from tests.helpers import REDIS_URL, redis_or_skip

ENTRIES_KEY = ENTRIES_KEYS.format(language="en")

BACKEND = "clinic.site.cache_backend.ResilientRedisCache"
THREADS = 12
JOIN_SECONDS = 10  # far under the 30 s socket timeout of the waiting calls


def settings_for(location, timeout=30.0, retry_after=60, fallback_seconds=5):
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
    options.update(retry_after=retry_after, fallback_seconds=fallback_seconds)
    return {"BACKEND": BACKEND, "LOCATION": location, "OPTIONS": options}


class FrozenRedis:
    """Accepts, reads, never answers. `wait_for_callers(n)`: until n connections have sent a
    command (their callers then wait for an answer); `hang_up(i)`: close the i-th one."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.location = f"redis://127.0.0.1:{self.sock.getsockname()[1]}/0"
        self.connections, self.callers = [], 0
        self.changed = threading.Condition()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self.changed:
                self.connections.append(conn)
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn):
        counted = False
        while True:
            try:
                data = conn.recv(65536)
            except OSError:
                return
            if not data:
                return
            if not counted:
                counted = True
                with self.changed:
                    self.callers += 1
                    self.changed.notify_all()

    def wait_for_callers(self, count):
        with self.changed:
            return self.changed.wait_for(lambda: self.callers >= count, timeout=JOIN_SECONDS)

    def hang_up(self, index):
        self.connections[index].shutdown(socket.SHUT_RDWR)

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


class FakeClock:
    now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def fresh_health(db):
    reset_health()
    yield
    reset_health()


@pytest.fixture
def frozen():
    server = FrozenRedis()
    breaker = breaker_for(server.location)
    breaker.clock = FakeClock()
    yield server
    server.close()
    breaker.clock = time.monotonic


def run_threads(target, count=THREADS):
    threads = [threading.Thread(target=target, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    return threads


def finished(threads):
    """True when every thread has ended within JOIN_SECONDS (together, not each)."""
    deadline = time.monotonic() + JOIN_SECONDS
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    return not any(thread.is_alive() for thread in threads)


def test_the_first_failure_wakes_every_call_waiting_on_a_frozen_redis(frozen):
    """Twelve threads wait on a frozen Redis (30 s timeout); another alias of the same Redis
    times out after 0.2 s: that one failure answers all of them, and no thread or alias
    tries Redis again during the back-off."""
    aliases = {
        "default": settings_for(frozen.location, timeout=30),
        "quick": settings_for(frozen.location, timeout=0.2),
    }
    with override_settings(CACHES=aliases):
        answers = [None] * THREADS

        def wait(number):
            answers[number] = caches["default"].get("page", "miss")

        threads = run_threads(wait)
        assert frozen.wait_for_callers(THREADS)
        assert caches["quick"].get("page", "miss") == "miss"  # its own 0.2 s timeout
        assert finished(threads), "calls waiting on the frozen Redis were not woken"
        assert answers == ["miss"] * THREADS
        connections = len(frozen.connections)

        def again(number):
            answers[number] = caches["default"].get("page", "again")

        assert finished(run_threads(again))
        assert answers == ["again"] * THREADS
        assert caches["quick"].get("page", "again") == "again"
        assert len(frozen.connections) == connections  # the back-off held for everyone


def test_after_the_back_off_one_call_alone_probes_redis(frozen):
    with override_settings(CACHES={"default": settings_for(frozen.location)}):
        first = run_threads(lambda n: cache.get("page"), count=1)
        assert frozen.wait_for_callers(1)
        frozen.hang_up(0)  # that call fails: the breaker opens
        assert finished(first)
        assert not cache.is_available()

        breaker_for(frozen.location).clock.now += 61  # the back-off is over
        start, answers = threading.Barrier(THREADS), [None] * THREADS
        answered = threading.Condition()

        def call(number):
            start.wait()
            answer = caches["default"].get("page", "miss")
            with answered:
                answers[number] = answer
                answered.notify_all()

        threads = run_threads(call)
        assert frozen.wait_for_callers(2)  # the probe, waiting on the frozen Redis
        with answered:  # every other caller is answered without Redis meanwhile
            assert answered.wait_for(lambda: answers.count("miss") == THREADS - 1, JOIN_SECONDS)
        assert sum(thread.is_alive() for thread in threads) == 1  # only the probe still waits
        assert len(frozen.connections) == 2  # one probe, not one per thread
        assert not cache.is_available()  # nobody else tries while it is under way

        frozen.hang_up(1)  # the probe fails: open again for another back-off
        assert finished(threads)
        assert answers == ["miss"] * THREADS
        assert not cache.is_available()
        breaker_for(frozen.location).clock.now += 59
        assert not cache.is_available()
        breaker_for(frozen.location).clock.now += 2
        assert cache.is_available()


def test_a_frozen_redis_costs_one_socket_timeout_and_one_connection(frozen):
    with override_settings(CACHES={"default": settings_for(frozen.location, timeout=0.2)}):
        started = time.monotonic()
        assert cache.get("page", "miss") == "miss"
        assert time.monotonic() - started < JOIN_SECONDS  # bounded by the timeout, no hang
        for _ in range(50):
            cache.set("page", "x")
            cache.get_many(["page", "other"])
    assert len(frozen.connections) == 1


class HangUpServer:
    """Accepts each connection and closes it at once: a Redis that is restarting."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.location = f"redis://127.0.0.1:{self.sock.getsockname()[1]}/0"
        self.accepted = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()


def test_one_call_is_one_try_redis_py_does_not_retry():
    server = HangUpServer()
    try:
        with override_settings(CACHES={"default": settings_for(server.location)}):
            assert cache.get("page", "miss") == "miss"
            connection_kwargs = cache._cache._get_connection_pool(True).connection_kwargs
    finally:
        server.sock.close()
    assert server.accepted == 1
    assert connection_kwargs["retry"].get_retries() == 0
    assert connection_kwargs["health_check_interval"] == 0


def test_while_redis_is_out_pages_are_kept_in_the_process_memory_a_few_seconds(client, frozen):
    url = ArticleFactory(title="Kept in memory").get_absolute_url()
    with (
        override_settings(CACHES={"default": settings_for(frozen.location, timeout=0.2)}),
        time_machine.travel("2026-03-02 10:00 -05:00", tick=False) as traveller,
    ):
        assert client.get(url)["X-Cache"] == "miss"  # the timeout; then from memory
        assert client.get(url)["X-Cache"] == "hit"
        assert client.get("/")["X-Cache"] == "miss"
        assert client.get("/")["X-Cache"] == "hit"
        traveller.shift(4.9)
        assert client.get(url)["X-Cache"] == "hit"
        traveller.shift(0.2)  # past fallback_seconds (5): rendered afresh
        assert client.get(url)["X-Cache"] == "miss"
    assert len(frozen.connections) == 1


def test_an_edit_during_the_outage_shows_at_once_in_the_process_that_made_it(client, frozen):
    article = ArticleFactory(title="Before the edit")
    url = article.get_absolute_url()
    with override_settings(CACHES={"default": settings_for(frozen.location, timeout=0.2)}):
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
        article.title = "Edited while Redis is out"
        article.save()
        response = client.get(url)
        assert response["X-Cache"] == "miss"
        assert b"Edited while Redis is out" in response.content


def test_with_no_fallback_every_request_is_rendered_afresh(client, frozen):
    url = ArticleFactory(title="Rendered every time").get_absolute_url()
    settings = settings_for(frozen.location, timeout=0.2, fallback_seconds=0)
    with override_settings(CACHES={"default": settings}):
        assert [client.get(url)["X-Cache"] for _ in range(3)] == ["miss"] * 3
        cache.set("key", "value")
        assert cache.get("key", "default") == "default"


def test_when_redis_is_back_the_probe_makes_good_the_glossary_and_pages(monkeypatch):
    redis_or_skip()
    with override_settings(CACHES={"default": settings_for(REDIS_URL, timeout=2)}):
        breaker_for(REDIS_URL).clock = clock = FakeClock()
        try:
            cache.set(ENTRIES_KEY, ("stale", []))
            cache.set("pages:generation", 1.0, timeout=None)

            def down(*args, **kwargs):
                raise RedisConnectionError("Connection refused")

            with monkeypatch.context() as outage:
                outage.setattr(RedisCacheClient, "get", down)
                assert cache.get("anything", "miss") == "miss"  # the outage begins
            assert not cache.is_available()
            clock.now += 61
            # The next call probes, finds Redis, forgets what the outage may have made stale.
            assert cache.get(ENTRIES_KEY) is None
            assert cache.get("pages:generation") != 1.0
            assert cache.is_available()
        finally:
            cache.delete_many([ENTRIES_KEY, "pages:generation", "pages:next-change-at"])
            breaker_for(REDIS_URL).clock = time.monotonic
