"""One log record per request, and a request id on every record logged while it runs.

`RequestLogMiddleware` (first in MIDDLEWARE) times each request and logs one record on the
`clinic.requests` logger with its method, path, status, duration and request id: INFO for
pages, WARNING for 5xx, DEBUG for the health checks (polled every few seconds by the load
balancer, they would drown the rest). The id is the caller's `X-Request-ID` when it looks like
one (nginx sets it; see clinic/config/deploy/nginx-clinic.conf), else a new random one,
and is sent back in the
response's `X-Request-ID` header. `RequestIdFilter` puts it on every record logged meanwhile,
errors with their traceback included, so one request's lines are found together.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

logger = logging.getLogger("clinic.requests")

request_id_var = ContextVar("request_id", default="-")
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{8,128}")
QUIET_PATHS = frozenset({"/healthz", "/readyz"})


def new_request_id(incoming=""):
    return incoming if REQUEST_ID_PATTERN.fullmatch(incoming or "") else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = new_request_id(request.headers.get("X-Request-ID", ""))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            status = response.status_code
            if request.path in QUIET_PATHS:
                level = logging.DEBUG
            else:
                level = logging.WARNING if status >= 500 else logging.INFO
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            logger.log(
                level,
                '"%s %s" %s %.1f ms',
                request.method,
                request.path,
                status,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (the current request's, or "-") to every record."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonLogFormatter(JsonFormatter):
    """One JSON object per line: time, level, logger, message, request_id, and the extras.

    A traceback goes in `exc_info` of the same record (newlines escaped), so an error is one
    line. Django's `request` and `server_time` extras are left out (not data; the path and
    id already say which request).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "server_time"])
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)
