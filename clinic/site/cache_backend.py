"""A Redis cache the site can run without.

Django's `RedisCache` with three changes, so that Redis being down, slow or frozen costs
visitors nothing but speed:

* short socket timeouts (`socket_connect_timeout` / `socket_timeout` in OPTIONS, fractions of
  a second; settings fill them from CACHE_CONNECT_TIMEOUT and CACHE_TIMEOUT);
* any error or timeout is swallowed: a read is a miss, a write is skipped, so the request is
  served uncached;
* after a failure the cache is not tried again for `retry_after` seconds (OPTIONS; settings:
  CACHE_RETRY_SECONDS), so an outage costs one timeout per process per back-off, not one per
  request. One warning is logged when an outage starts and one when the cache is back.

Writes lost during an outage (a page-cache generation bump after an edit, say) are made good
by the `cache_recovered` signal, sent once in each process that saw the outage when the cache
answers again: clinic/site/page_cache.py makes every cached page stale then.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger("clinic.cache")

cache_recovered = Signal()

# The health of each Redis location, shared by every thread of the process (Django makes one
# cache object per thread).
_health = {}
_health_lock = threading.Lock()


class _Health:
    def __init__(self):
        self.down_since = None  # time.monotonic() of the first failure of this outage
        self.retry_at = 0.0

    def available(self):
        return self.down_since is None or time.monotonic() >= self.retry_at


def _health_of(location):
    with _health_lock:
        return _health.setdefault(location, _Health())


def reset_health():
    """Forget every outage (tests)."""
    with _health_lock:
        _health.clear()


class ResilientRedisCache(RedisCache):
    """RedisCache whose failures make a miss, never an error; see the module docstring."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.25)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._health = _health_of(server if isinstance(server, str) else ",".join(server))

    def is_available(self):
        """False while an outage's back-off lasts (the cache is then not even tried)."""
        return self._health.available()

    def get(self, key, default=None, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).get(key, default, version), default
        )

    def _guarded(self, operation, fallback):
        health = self._health
        if not health.available():
            return fallback
        try:
            if health.down_since is not None:
                # Back from an outage: make good what was lost before answering anything,
                # or this very read could return a page the lost writes made stale.
                self._cache.get_client(write=True).ping()
                self._recovered()
            return operation()
        except (RedisError, OSError) as error:  # down, refused, timed out, reset...
            self._failed(error)
            return fallback

    def _failed(self, error):
        health = self._health
        with _health_lock:
            first = health.down_since is None
            if first:
                health.down_since = time.monotonic()
            health.retry_at = time.monotonic() + self.retry_after
        if first:
            logger.warning(
                "Cache unreachable (%s: %s); serving pages uncached, retrying every %g s.",
                type(error).__name__,
                error,
                self.retry_after,
            )

    def _recovered(self):
        health = self._health
        with _health_lock:
            since, health.down_since = health.down_since, None
        if since is not None:
            logger.warning("Cache is back after %.1f s.", time.monotonic() - since)
            cache_recovered.send(sender=type(self), cache=self)


def _guard(name, fallback):
    """A RedisCache method whose failure returns `fallback` instead of raising."""
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        return self._guarded(lambda: method(self, *args, **kwargs), fallback())

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


# Reads that fail are misses; writes that fail are skipped.
for _name, _fallback in {
    "add": lambda: False,
    "set": lambda: None,
    "touch": lambda: False,
    "delete": lambda: False,
    "get_many": dict,
    "has_key": lambda: False,
    "incr": lambda: None,
    "set_many": list,
    "delete_many": lambda: None,
    "clear": lambda: None,
}.items():
    setattr(ResilientRedisCache, _name, _guard(_name, _fallback))
