"""Absolute URLs on the public site (settings.SITE_URL), canonical URLs and permanent ids."""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import SuspiciousOperation


def absolute_url(path):
    """A URL on the public site (settings.SITE_URL) for a path; full URLs (object storage) pass."""
    path = str(path)
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def canonical_url(request):
    """The page's address on the public site; only `?page=N` survives from the query."""
    url = absolute_url(request.path)
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # e.g. too many parameters: the 400 page must still render
        page = ""
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def site_host():
    """The public site's host name, without scheme or port: the authority of tag: URIs."""
    return (urlsplit(settings.SITE_URL).hostname or "localhost").lower()


def tag_uri(created_at, specific):
    """A permanent RFC 4151 id, `tag:host,YYYY-MM-DD:specific`, from a creation time.

    The date is the creation day in UTC, so neither a slug change nor a change of the site's
    time zone alters the id.
    """
    day = created_at.astimezone(UTC).date().isoformat()
    return f"tag:{site_host()},{day}:{specific}"
