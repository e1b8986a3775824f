"""The circuit breaker in front of Redis: one per Redis location in each process.

Closed (Redis answers): every call goes to Redis. The first failure of any call, from any
thread or cache alias of the process, opens it for everyone, and wakes every call then
waiting on Redis (their sockets are shut down), so a frozen Redis costs the process one
timeout, not one per thread. Open: nothing goes to Redis for `retry_after` seconds. Then the
next caller alone probes Redis (half-open); every other caller goes on without Redis until
the probe has answered. A probe that fails opens it again; one that succeeds lets the probing
thread make good what the outage lost (the others still going without) before closing it.
The back-off is the failing cache's `retry_after`.

Not a library's breaker: pybreaker, the common one, holds its lock for the whole protected
call (every thread's Redis call would queue behind the others) and cannot wake calls
already waiting.
"""

import socket
import threading
import time
import weakref

from redis import ConnectionPool

REDIS, PROBE, SKIP = "redis", "probe", "skip"


class Breaker:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._lock = threading.Lock()
        self.reset()
        self._connections = weakref.WeakSet()  # every connection made to this location
        self.pool_class = type("BreakerConnectionPool", (_TrackedPool,), {"breaker": self})

    def reset(self):
        """Closed, as if no outage had happened (tests)."""
        with self._lock:
            self.down_since = None  # clock() at the first failure of this outage; None: closed
            self.retry_at = 0.0
            self._prober = None  # the thread probing Redis (half-open), if any

    @property
    def is_closed(self):
        return self.down_since is None

    def admit(self):
        """REDIS: call Redis; PROBE: call it, as the one probe; SKIP: do without it."""
        me = threading.get_ident()
        with self._lock:
            if self.down_since is None or self._prober == me:
                return REDIS
            if self._prober is None and self.clock() >= self.retry_at:
                self._prober = me
                return PROBE
            return SKIP

    def would_admit(self):
        """False while Redis is taken for out: in a back-off, or while a probe is under way."""
        with self._lock:
            if self.down_since is None:
                return True
            return self._prober is None and self.clock() >= self.retry_at

    def failed(self, retry_after):
        """A call failed: open (again) for `retry_after` seconds. True if this begins an
        outage. Calls still waiting on Redis are woken with an error."""
        with self._lock:
            first = self.down_since is None
            now = self.clock()
            if first:
                self.down_since = now
            self.retry_at = now + retry_after
            if self._prober == threading.get_ident():
                self._prober = None
            waiting = list(self._connections)
        for connection in waiting:
            _interrupt(connection)
        return first

    def recovered(self):
        """The probe (this thread's) succeeded and the outage is made good: close. Returns
        the outage's length in seconds, or None when this thread was not (or no longer)
        the probe, e.g. because a call made while making good failed."""
        with self._lock:
            if self._prober != threading.get_ident() or self.down_since is None:
                return None
            since, self.down_since, self._prober = self.down_since, None, None
        return self.clock() - since

    def end_probe(self, retry_after):
        """After this thread's probe: if it is still the probe (the probe neither closed the
        breaker nor failed with a Redis error), let another try after `retry_after` s."""
        with self._lock:
            if self._prober == threading.get_ident():
                self._prober = None
                self.retry_at = self.clock() + retry_after

    def track(self, connection):
        with self._lock:
            self._connections.add(connection)


def _interrupt(connection):
    """Wake a thread waiting on this connection: shut its socket down (not closed: the thread
    using it sees an error at once and cleans up itself, as after any network error)."""
    sock = getattr(connection, "_sock", None)  # redis-py's socket, set once TCP connects
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


class _TrackedPool(ConnectionPool):
    """redis-py's pool, telling its breaker of each connection it makes."""

    breaker = None  # set in the subclass each Breaker makes

    def make_connection(self):
        connection = super().make_connection()
        self.breaker.track(connection)
        return connection


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location):
    """The process's breaker for a Redis location (shared by every alias and thread)."""
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = Breaker()
        return _breakers[location]


def reset_breakers():
    """Forget every outage (tests)."""
    with _breakers_lock:
        breakers = list(_breakers.values())
    for breaker in breakers:
        breaker.reset()
