"""gunicorn settings: `gunicorn -c python:clinic.config.gunicorn clinic.config.wsgi`.

Every value can be changed from the environment (GUNICORN_BIND, WEB_CONCURRENCY, ...), so the
same file serves a laptop, one machine and several behind nginx (clinic/config/deploy/).
The access log is
one JSON object per line on standard output, with the request id nginx and Django share; the
load balancer's health checks are left out of it.
"""

import json
import os
import time

from gunicorn import glogging

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001").split(",")
# Sync workers behind a buffering proxy (nginx), as gunicorn advises; 2-4 per core.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (with jitter), so slow leaks cannot build up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Addresses allowed to say the visitor came over HTTPS (X-Forwarded-Proto): nginx on this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_NAME", "clinic")

QUIET_PATHS = {"/healthz", "/readyz"}


class JsonAccessLogger(glogging.Logger):
    """gunicorn's logger with a JSON access log that leaves out the health checks."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled or environ.get("PATH_INFO") in QUIET_PATHS:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = dict((name.lower(), value) for name, value in resp.headers)
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "logger": "gunicorn.access",
            "remote": environ.get("REMOTE_ADDR", "-"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING", ""),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", environ.get("HTTP_X_REQUEST_ID", "-")),
            "user_agent": environ.get("HTTP_USER_AGENT", "-"),
        }
        self.access_log.info(json.dumps(record))


logger_class = JsonAccessLogger
