"""Absolute URLs on the public site, canonical URLs and permanent ids: the one place built.

With SITE_URL set (production), every absolute URL uses it. Without it, a URL built while
answering a request uses that request's own scheme and host (which ALLOWED_HOSTS has
already checked), so a site served on another name or port links to itself consistently.
`clinic.site.middleware.CurrentRequestMiddleware` makes the request known here, so
sitemaps, feeds and structured data need not pass it along.
"""

from contextvars import ContextVar
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost, SuspiciousOperation

# Outside any request (management commands) with no SITE_URL: the development server.
FALLBACK_SITE_URL = "http://127.0.0.1:8000"

_current_request = ContextVar("current_request", default=None)


def absolute_url(path, request=None):
    """The full URL of `path` on the public site; full URLs (object storage) pass unchanged."""
    path = str(path)
    if path.startswith(("http://", "https://")):
        return path
    if settings.SITE_URL:
        return settings.SITE_URL + path
    request = request or _current_request.get()
    if request is not None:
        try:
            return request.build_absolute_uri(path)
        except DisallowedHost:  # only while drawing the 400 page for that very host
            return path
    return FALLBACK_SITE_URL + path


def canonical_url(request):
    """The page's address on the public site; only `?page=N` survives from the query."""
    url = absolute_url(request.path, request)
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # e.g. too many parameters: the 400 page must still render
        page = ""
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def site_origin():
    """scheme://host of the public site (for sitemaps, which take the two apart)."""
    return absolute_url("/").removesuffix("/")


def site_host():
    """The public site's host name, without scheme or port: the authority of tag: URIs."""
    return (urlsplit(site_origin()).hostname or "localhost").lower()


def tag_uri(created_at, specific):
    """A permanent RFC 4151 id, `tag:host,YYYY-MM-DD:specific`, from a creation time.

    The date is the creation day in UTC, so neither a slug change nor a change of the site's
    time zone alters the id (set SITE_URL in production, so the host is fixed too).
    """
    day = created_at.astimezone(UTC).date().isoformat()
    return f"tag:{site_host()},{day}:{specific}"


def remember_request(request):
    """Make `request` the one absolute URLs are built from; returns a token to forget it."""
    return _current_request.set(request)


def forget_request(token):
    _current_request.reset(token)


def current_request():
    """The request being answered, or None outside one."""
    return _current_request.get()
