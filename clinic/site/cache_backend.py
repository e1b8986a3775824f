"""A Redis cache the site can run without, at the speed it runs with it.

Django's `RedisCache` with these changes, so that Redis being down, slow or frozen costs
visitors next to nothing:

* short socket timeouts (`socket_connect_timeout` / `socket_timeout` in OPTIONS, fractions of
  a second; settings fill them from CACHE_CONNECT_TIMEOUT and CACHE_TIMEOUT), which bound a
  connection that hangs as well as one refused; redis-py's own retries and health-check pings
  are off, so one call is one try;
* a circuit breaker per Redis location, shared by every thread and alias of the process
  (clinic/site/cache_breaker.py): the first failure stops every call to Redis, those waiting
  included, for `retry_after` seconds (OPTIONS; settings: CACHE_RETRY_SECONDS); then one call
  alone probes it. An outage costs a process one timeout per back-off, whatever the load. One
  warning is logged when an outage starts and one when the cache is back;
* while Redis is out, the cache is this process's own memory, each entry kept at most
  `fallback_seconds` (OPTIONS; settings: CACHE_FALLBACK_SECONDS; 0 turns it off: every read
  is then a miss, every write skipped). Pages, the site chrome and the glossary stay cached,
  so an outage does not make every request render afresh. A write made meanwhile (an edit's
  page-cache generation bump) reaches the other processes only through their entries expiring:
  within `fallback_seconds`;
* no error reaches the caller: a call that fails is answered from memory as above.

Writes lost by Redis during an outage are made good by the `cache_recovered` signal, sent once
in each process that saw the outage, by the thread whose probe found Redis back, before any
other thread uses Redis again: clinic/site/page_cache.py makes every cached page stale then.
"""

import inspect
import logging
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from .cache_breaker import PROBE, SKIP, breaker_for, reset_breakers

logger = logging.getLogger("clinic.cache")

cache_recovered = Signal()

FALLBACK_ENTRIES = 500  # per process, while Redis is out; the least recently used go first
_fallback_names = set()
_fallback_names_lock = threading.Lock()


def reset_health():
    """Forget every outage and what was kept in memory meanwhile (tests)."""
    reset_breakers()
    with _fallback_names_lock:
        names = list(_fallback_names)
    for name in names:
        LocMemCache(name, {}).clear()


class ResilientRedisCache(RedisCache):
    """RedisCache that never fails and skips Redis while it is out; see the module docstring."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))
        self.fallback_seconds = float(options.pop("fallback_seconds", 5))
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.25)
        options.update(retry=Retry(NoBackoff(), 0), retry_on_timeout=False)
        options.update(health_check_interval=0)
        location = server if isinstance(server, str) else ",".join(server)
        self._breaker = breaker_for(location)
        options["pool_class"] = self._breaker.pool_class  # so that waiting calls can be woken
        super().__init__(server, {**params, "OPTIONS": options})
        name = f"redis-fallback:{location}"
        with _fallback_names_lock:
            _fallback_names.add(name)
        local_params = {**params, "OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES}}
        self._local = LocMemCache(name, local_params)

    def is_available(self):
        """False while Redis is taken for out (a back-off, or a probe under way)."""
        return self._breaker.would_admit()

    def _guarded(self, operation, without_redis):
        breaker = self._breaker
        admission = breaker.admit()
        if admission == SKIP:
            return without_redis()
        try:
            if admission == PROBE and not self._probe():
                return without_redis()
            return operation()
        except (RedisError, OSError) as error:  # down, refused, timed out, reset, woken...
            self._failed(error)
            return without_redis()
        finally:
            if admission == PROBE:
                breaker.end_probe(self.retry_after)  # if something else went wrong

    def _probe(self):
        """Redis answers again: make good what the outage lost, then close. True if closed."""
        self._cache.get_client(write=True).ping()
        cache_recovered.send(sender=type(self), cache=self)
        seconds = self._breaker.recovered()
        if seconds is None:  # making good failed: Redis is gone again
            return False
        self._local.clear()
        logger.warning("Cache is back after %.1f s.", seconds)
        return True

    def _failed(self, error):
        if self._breaker.failed(self.retry_after):
            self._local.clear()  # nothing from an earlier outage
            meanwhile = (
                f"caching in this process's memory for up to {self.fallback_seconds:g} s an entry"
                if self.fallback_seconds > 0
                else "serving uncached"
            )
            logger.warning(
                "Cache unreachable (%s: %s); %s, trying again every %g s.",
                type(error).__name__,
                error,
                meanwhile,
                self.retry_after,
            )

    def _capped(self, timeout):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return self.fallback_seconds if timeout is None else min(timeout, self.fallback_seconds)


def _guard(name, nothing):
    """RedisCache's method `name`, answered from memory (or by `nothing(its arguments)`)
    without Redis."""
    method = getattr(RedisCache, name)
    signature = inspect.signature(method)

    def guarded(self, *args, **kwargs):
        def without_redis():
            call = signature.bind(self, *args, **kwargs)
            call.apply_defaults()
            if self.fallback_seconds <= 0:
                return nothing(call.arguments)
            if "timeout" in call.arguments:
                call.arguments["timeout"] = self._capped(call.arguments["timeout"])
            return getattr(LocMemCache, name)(self._local, *call.args[1:], **call.kwargs)

        return self._guarded(lambda: method(self, *args, **kwargs), without_redis)

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


# Without Redis (and without the memory fallback): reads miss, writes are skipped.
for _name, _nothing in {
    "get": lambda arguments: arguments["default"],
    "add": lambda arguments: False,
    "set": lambda arguments: None,
    "touch": lambda arguments: False,
    "delete": lambda arguments: False,
    "get_many": lambda arguments: {},
    "has_key": lambda arguments: False,
    "incr": lambda arguments: None,
    "set_many": lambda arguments: [],
    "delete_many": lambda arguments: None,
    "clear": lambda arguments: None,
}.items():
    setattr(ResilientRedisCache, _name, _guard(_name, _nothing))
