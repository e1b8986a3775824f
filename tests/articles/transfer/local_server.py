"""A small HTTP(S) server on 127.0.0.1 for fetching tests: routes are data, requests recorded.

A route is `(status, headers, body)`, or a callable given the handler that writes its own
answer (for slow, streaming or redirecting answers). Nothing here reaches the network.
"""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    path: str
    host: str
    user_agent: str
    headers: dict = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - http.server's API name
        server = self.server
        server.seen.append(
            Seen(
                self.path,
                self.headers.get("Host", ""),
                self.headers.get("User-Agent", ""),
                dict(self.headers.items()),
            )  # fmt: skip
        )
        route = server.routes.get(self.path)
        if route is None:
            route = (404, {"Content-Type": "text/plain"}, b"not here")
        if callable(route):
            route(self)
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class LocalServer:
    """Serves `routes` on 127.0.0.1 (wrapped in TLS when given an `ssl_context`)."""

    def __init__(self, routes=None, ssl_context=None):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = dict(routes or {})
        self.httpd.seen = []
        self.httpd.closing = threading.Event()  # set on exit: a route holding its answer ends
        if ssl_context is not None:
            self.httpd.socket = ssl_context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self):
        return self.httpd.server_address[1]

    @property
    def routes(self):
        return self.httpd.routes

    @property
    def seen(self):
        return self.httpd.seen

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def text(body, content_type="text/html; charset=utf-8", status=200, **headers):
    data = body.encode() if isinstance(body, str) else body
    return (status, {"Content-Type": content_type, **headers}, data)


def redirect(location, status=301):
    return (status, {"Location": location}, b"")


class Resolver:
    """A stand-in for DNS: answers from a table (a list answers in turn), and counts lookups."""

    def __init__(self, answers):
        self.answers = {name: list(value) for name, value in answers.items()}
        self.lookups = []

    def __call__(self, host, port):
        self.lookups.append(host)
        answer = self.answers.get(host)
        if answer is None:
            raise OSError(f"no such host {host}")
        if answer and isinstance(answer[0], list):  # one answer per lookup, in turn
            return answer.pop(0) if len(answer) > 1 else answer[0]
        return answer
