"""Health checks for a load balancer: `/healthz` (the process answers) and `/readyz` (it can
serve: the database answers; the cache is reported but not required).

Answered by the first middleware, before host checks, HTTPS redirects, sessions or the page
cache: a balancer polls by address over plain HTTP. Never cached (`Cache-Control: no-store`),
logged at DEBUG only (clinic/site/request_log.py).

The answers say only "ok" or "unavailable" (SECURITY.md): why something is unavailable is
written to the server's log (logger `clinic.health`), never told to whoever asks.
"""

import json
import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

logger = logging.getLogger("clinic.health")

READY_PROBE_KEY = "health:probe"


def _answer(status, body):
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def _database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "not ready", never a 500
        _log_failure("database", error)
        return "unavailable"
    return "ok"


def _cache_state():
    is_available = getattr(cache, "is_available", None)
    if is_available is not None and not is_available():
        return "unavailable"  # in an outage's back-off: pages are served uncached
    try:
        cache.set(READY_PROBE_KEY, 1, timeout=10)
        answered = cache.get(READY_PROBE_KEY) == 1
    except Exception as error:  # noqa: BLE001 - the cache is optional
        _log_failure("cache", error)
        return "unavailable"
    if is_available is not None and not is_available():
        return "unavailable"  # it failed just now: the answer came from the process's memory
    return "ok" if answered else "unavailable"


def _log_failure(what, error):
    logger.warning(
        "Readiness check: the %s is unavailable (%s: %s).", what, type(error).__name__, error
    )


def readiness():
    """(HTTP status, body) for /readyz."""
    database = _database_state()
    body = {"status": "ok" if database == "ok" else "unavailable", "database": database}
    body["cache"] = _cache_state()
    return (200 if database == "ok" else 503), body


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz" and request.method in {"GET", "HEAD"}:
            return _answer(200, {"status": "ok"})
        if request.path == "/readyz" and request.method in {"GET", "HEAD"}:
            return _answer(*readiness())
        return self.get_response(request)
