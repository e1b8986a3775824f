"""One safe way to fetch from another site, for reading a site to import and for its pictures.

Built on urllib3 (maintained, already required by trafilatura): each hop is checked by
`addresses.check` (http/https, public addresses, the same site when asked), and the connection
goes to the checked IP address while the Host header, TLS SNI and certificate check use the
host's name, so the address cannot change between the check and the connection. Redirects are
followed by hand, each hop checked and pinned again. The body is streamed and the download stops
as soon as it passes the size cap or the time limit. No proxy settings are read from the
environment.
"""

import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin

import certifi
import urllib3
from urllib3.exceptions import HTTPError

from .addresses import FetchError, Target, check, system_resolver

USER_AGENT = "ClinicLibraryImporter/1.0 (+moving a clinic's blog; one page at a time)"
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
CHUNK = 16 * 1024


@dataclass
class Fetched:
    """What an address answered (any status: robots.txt rules depend on 4xx versus 5xx)."""

    url: str  # the final address, after redirects
    status: int
    headers: dict = field(default_factory=dict)  # lower-cased names
    content: bytes = b""
    truncated: bool = False  # cut at the size cap (only when asked for `truncate`)
    redirects: list[str] = field(default_factory=list)  # the addresses passed through

    @property
    def ok(self):
        return 200 <= self.status < 300

    @property
    def content_type(self):
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message.get_content_type()

    def text(self):
        """The body as text, decoded by the charset the server declared (else UTF-8)."""
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        charset = message.get_content_charset() or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


class SafeFetcher:
    """GET requests under the import's rules. `site_host` keeps every hop on one site."""

    def __init__(self, *, max_bytes=5 * 2**20, connect_timeout=10.0, read_timeout=20.0,
                 total_timeout=60.0, resolver=system_resolver, user_agent=USER_AGENT,
                 ca_certs=None):  # fmt: skip
        self.max_bytes = max_bytes
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.resolver = resolver
        self.user_agent = user_agent
        self.ca_certs = ca_certs or certifi.where()

    def check(self, url, *, site_host=None):
        """The checked, pinned `Target` for `url` (FetchError if refused); fetches nothing."""
        return check(url, resolver=self.resolver, site_host=site_host)

    def get(self, url, *, site_host=None, accept="*/*", max_bytes=None, truncate=False,
            may_read=None):  # fmt: skip
        """Fetch `url`; raises FetchError for a refused address, a failure or an oversize body.

        With `truncate`, a body over the cap is cut there instead (robots.txt is read up to
        500 KiB and the rest ignored, as RFC 9309 allows). `may_read(url)`, when given, is asked
        before every hop, redirects included (robots.txt), and raises FetchError to refuse.
        """
        deadline = time.monotonic() + self.total_timeout
        limit = self.max_bytes if max_bytes is None else max_bytes
        passed = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            target = self.check(current, site_host=site_host)
            if may_read is not None:
                may_read(target.url)
            pool = self._pool(target, deadline)
            response = self._open(pool, target, accept)
            try:
                location = response.headers.get("location")
                if response.status in REDIRECTS and location:
                    passed.append(target.url)
                    current = urljoin(target.url, location.strip())
                    continue
                content, truncated = self._read(response, target, limit, truncate, deadline)
            finally:
                response.close()
                pool.close()
            headers = {name.lower(): value for name, value in response.headers.items()}
            return Fetched(target.url, response.status, headers, content, truncated, passed)
        raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times")

    def _pool(self, target, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(
                f"{target.url} took longer than {self.total_timeout:g} seconds", temporary=True
            )
        timeout = urllib3.Timeout(
            connect=min(self.connect_timeout, remaining), read=min(self.read_timeout, remaining)
        )
        options = {"timeout": timeout, "retries": False, "maxsize": 1}
        if target.scheme == "https":
            return urllib3.HTTPSConnectionPool(
                target.ip,
                target.port,
                cert_reqs="CERT_REQUIRED",
                ca_certs=self.ca_certs,
                server_hostname=target.host,
                assert_hostname=target.host,
                **options,
            )
        return urllib3.HTTPConnectionPool(target.ip, target.port, **options)

    def _open(self, pool, target, accept):
        headers = {
            "Host": target.host_header,
            "User-Agent": self.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
        }
        try:
            return pool.urlopen(
                "GET",
                target.path,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except HTTPError as error:
            pool.close()
            raise FetchError(
                f"{target.url} could not be fetched ({_reason(error)})", temporary=True
            ) from error

    def _read(self, response, target, limit, truncate, deadline):
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise FetchError(f"{target.url} is larger than {_size(limit)}")
        chunks, size = [], 0
        try:
            while chunk := response.read1(CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    if truncate:
                        return b"".join(chunks)[:limit], True
                    raise FetchError(f"{target.url} is larger than {_size(limit)}")
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"{target.url} took longer than {self.total_timeout:g} seconds",
                        temporary=True,
                    )
        except HTTPError as error:
            raise FetchError(
                f"{target.url} could not be read ({_reason(error)})", temporary=True
            ) from error
        return b"".join(chunks), False


def _reason(error):
    reason = getattr(error, "reason", None) or error
    text = str(reason)
    return text.split(": ", 1)[-1] if "<urllib3" in text else text


def _size(limit):
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit // 1024} KiB"


__all__ = ["FetchError", "Fetched", "SafeFetcher", "Target", "USER_AGENT"]
