"""One small HTTP client for Crossref's REST API and NCBI's E-utilities.

Every request carries a User-Agent naming the site and a contact address (Crossref's “polite
pool” and NCBI's `tool`/`email` ask for one), times out after a few seconds, and is paced as
each service documents: NCBI allows 3 requests a second without an API key and 10 with one;
Crossref says its limit in the `x-rate-limit-limit`/`x-rate-limit-interval` headers of every
answer, which are followed (5 a second until the first answer says otherwise). The pacing is
per process: the nightly check runs in one, and editors' look-ups are a few a minute.

Answers are kept in Django's cache (a day; a “no such record” an hour), so filling the same
study twice asks once. `fresh=True` (the nightly check) asks again and refreshes the copy.
"""

import hashlib
import re
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache

from clinic.domain.sitewide import clinic_profile

MAX_BYTES = 5 * 1024 * 1024
MISSING_SECONDS = 3600
_MISSING = "missing"


class CitationServiceError(Exception):
    """A service could not give an answer; the message is written for editors."""


class ServiceUnavailable(CitationServiceError):
    """Unreachable, too slow, busy, or broken for now: worth trying again later."""


class RecordNotFound(CitationServiceError):
    """The service answered, and it has no such record."""


class RateLimiter:
    """Spaces calls at least `interval` seconds apart, across the threads of a process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._next_at = 0.0

    def wait(self, interval):
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_at)
            self._next_at = start + interval
        if start > now:
            time.sleep(start - now)


class Service:
    """A remote service: where it is, how fast it may be asked, how we introduce ourselves."""

    name = ""
    base_setting = ""

    def __init__(self):
        self.limiter = RateLimiter()

    def base_url(self):
        return getattr(settings, self.base_setting).rstrip("/")

    def interval(self):
        raise NotImplementedError

    def identity(self):
        """Query parameters that say who is asking (never part of the cache key)."""
        return {}

    def note_headers(self, headers):
        """Learn from an answer's headers (Crossref states its rate limit there)."""


class CrossrefService(Service):
    name = "Crossref"
    base_setting = "CROSSREF_API_URL"
    default_interval = 1 / 5

    def __init__(self):
        super().__init__()
        self.stated_interval = None

    def interval(self):
        return self.stated_interval or self.default_interval

    def identity(self):
        email = contact_email()
        return {"mailto": email} if email else {}

    def note_headers(self, headers):
        limit, window = headers.get("x-rate-limit-limit"), headers.get("x-rate-limit-interval")
        seconds = re.fullmatch(r"(\d+)s", (window or "").strip())
        if limit and limit.strip().isdigit() and int(limit) > 0 and seconds:
            self.stated_interval = int(seconds.group(1)) / int(limit)


class EutilsService(Service):
    name = "PubMed"
    base_setting = "NCBI_EUTILS_URL"

    def interval(self):
        # A little over 1/10 s and 1/3 s, so that clock jitter never makes it 11 or 4.
        return 0.11 if settings.NCBI_API_KEY else 0.34

    def identity(self):
        params = {"tool": "clinic-research-library"}
        if email := contact_email():
            params["email"] = email
        if settings.NCBI_API_KEY:
            params["api_key"] = settings.NCBI_API_KEY
        return params


CROSSREF = CrossrefService()
EUTILS = EutilsService()


def contact_email():
    """Who the services may write to about our requests: the setting, else the clinic's."""
    return settings.CITATIONS_CONTACT_EMAIL or clinic_profile().contact_email


def user_agent():
    site = settings.SITE_URL or "a clinic research library"
    email = contact_email()
    return f"ClinicResearchLibrary/1.0 ({site}{f'; mailto:{email}' if email else ''})"


def fetch(service, path, params=None, *, fresh=False):
    """The text of `path` on `service`, from the cache unless `fresh`.

    Raises RecordNotFound (404) or ServiceUnavailable, each with a message for editors.
    """
    params = dict(params or {})
    url = f"{service.base_url()}/{path.lstrip('/')}"
    key = "citations:" + hashlib.sha256(f"{url}?{urlencode(params)}".encode()).hexdigest()
    if not fresh and (cached := cache.get(key)) is not None:
        if cached == _MISSING:
            raise RecordNotFound(f"{service.name} has no such record.")
        return cached
    query = urlencode({**params, **service.identity()})
    try:
        text = _get(service, f"{url}?{query}" if query else url)
    except RecordNotFound:
        cache.set(key, _MISSING, MISSING_SECONDS)
        raise
    cache.set(key, text, settings.CITATIONS_CACHE_SECONDS)
    return text


def _get(service, url):
    service.limiter.wait(service.interval())
    request = urllib.request.Request(  # noqa: S310 - the base address is a setting, http(s)
        url, headers={"User-Agent": user_agent(), "Accept-Encoding": "identity"}
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - as above
            request, timeout=settings.CITATIONS_TIMEOUT_SECONDS
        ) as response:
            service.note_headers(response.headers)
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise _http_error(service, error.code) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            reason = f"no answer within {settings.CITATIONS_TIMEOUT_SECONDS:g} seconds"
        raise ServiceUnavailable(f"{service.name} could not be reached ({reason}).") from None
    if len(body) > MAX_BYTES:
        raise ServiceUnavailable(f"{service.name} sent an answer too large to read.")
    return body.decode("utf-8", errors="replace")


def _http_error(service, code):
    if code in (404, 410):
        return RecordNotFound(f"{service.name} has no such record.")
    if code == 429:
        return ServiceUnavailable(f"{service.name} asked us to slow down. Try again in a minute.")
    if code >= 500:
        return ServiceUnavailable(f"{service.name} had a problem answering (HTTP {code}).")
    return CitationServiceError(f"{service.name} refused the request (HTTP {code}).")
