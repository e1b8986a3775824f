"""Health checks for a load balancer: `/healthz` (the process answers) and `/readyz` (it can
serve: the database answers; the cache is reported but not required).

Answered by the first middleware, before host checks, HTTPS redirects, sessions or the page
cache: a balancer polls by address over plain HTTP. Never cached (`Cache-Control: no-store`),
logged at DEBUG only (clinic/site/request_log.py).
"""

import json

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

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
        return f"unavailable: {type(error).__name__}"
    return "ok"


def _cache_state():
    is_available = getattr(cache, "is_available", None)
    if is_available is not None and not is_available():
        return "unavailable (serving uncached)"
    try:
        cache.set(READY_PROBE_KEY, 1, timeout=10)
        answered = cache.get(READY_PROBE_KEY) == 1
    except Exception as error:  # noqa: BLE001 - the cache is optional
        return f"unavailable: {type(error).__name__}"
    return "ok" if answered else "unavailable (serving uncached)"


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
