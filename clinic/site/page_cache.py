"""Whole-page cache for anonymous visitors that is never wrong.

* Only GET/HEAD requests without cookies are served from or stored in the cache; staff
  (who have a session cookie), previews and signed preview links never touch it, and
  responses marked private/no-store, or setting cookies, are never stored.
* Every stored page carries the *generation* it was made in. Saving or deleting a row of any
  model of the `clinic` and `articles` apps (but the few in `PRIVATE_MODELS`, which no public
  page shows), or changing a many-to-many link between them, bumps the generation, so the
  next request of every page is fresh. The generation and the page are read in one cache
  round trip.
* A picture's renditions, made in the background, bump it too (`renditions_made`).
* Time is content too: an entry never outlives the next scheduled publish time (the
  generation moves on when it passes), nor a time a view names in `response.cache_until`
  (a location opening or closing, midnight for “today's hours”).
"""

import functools
import hashlib
import time
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation

from articles.models import Article
from articles.views import article_parts
from articles.views.glossary import forget_entries
from clinic.authoring.tasks import renditions_made
from clinic.domain.sitewide import forget_site_chrome

from .cache_backend import cache_recovered

GENERATION_KEY = "pages:generation"
NEXT_CHANGE_KEY = "pages:next-change-at"
PAGE_KEY = "pages:{digest}"
NEVER = 10**12  # a timestamp far in the future


def _folder(url):
    """The folder an address sits in: /preview/<token>/ -> /preview/, /v/1.gif -> /v/."""
    return url.rstrip("/").rpartition("/")[0] + "/"


@functools.lru_cache(maxsize=8)
def _prefixes(root_urlconf, urlconf, script_prefix, file_urls):
    per_language = []
    for code, _ in settings.LANGUAGES:  # /preview/ and /fr/apercu/
        with translation.override(code):
            per_language += [
                _folder(reverse("articles:preview", args=["token"], urlconf=urlconf)),
                _folder(reverse("articles:view-beacon", args=[0], urlconf=urlconf)),
            ]
    return (
        reverse("admin:index", urlconf=urlconf),
        _folder(reverse("editor:upload", urlconf=urlconf)),
        *per_language,
        *(url for url in file_urls if url.startswith("/")),
    )


def _excluded_prefixes():
    """Never cached: the admin, the editor's endpoints, preview links, the view-count beacon,
    and uploaded and static files (when this server has them). Worked out once per URLconf."""
    files = (settings.MEDIA_URL, settings.STATIC_URL)
    return _prefixes(settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), files)


def bump_generation(**kwargs):
    """Make every cached page stale at once (content changed, or a scheduled time came)."""
    cache.set(GENERATION_KEY, timezone.now().timestamp(), timeout=None)
    cache.delete(NEXT_CHANGE_KEY)


def content_changed(**kwargs):
    """Signal receiver: stale now, and again once the transaction commits.

    A request served between the two would otherwise read the old committed rows and
    store them under the new generation.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def _next_scheduled_publish(now):
    when = Article.objects.scheduled(now).aggregate(first=Min("publish_at"))["first"]
    return when.timestamp() if when else NEVER


def current_generation(state=None):
    """The generation to use now; moves it on first if a scheduled article has gone live.

    `state` is what `cache.get_many` returned for the generation keys, when the caller
    already fetched them (with the page, in one round trip).
    """
    now = timezone.now()
    if state is None:
        state = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    generation, next_change = state.get(GENERATION_KEY), state.get(NEXT_CHANGE_KEY)
    if generation is None or (next_change is not None and now.timestamp() >= next_change):
        generation = now.timestamp()
        cache.set(GENERATION_KEY, generation, timeout=None)
        next_change = None
    if next_change is None:
        next_change = _next_scheduled_publish(now)
        cache.set(NEXT_CHANGE_KEY, next_change, timeout=None)
    return generation, next_change


def _is_cacheable_request(request):
    return (
        request.method in {"GET", "HEAD"}
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(_excluded_prefixes())
    )


def _is_storable(request, response):
    cache_control = response.get("Cache-Control", "")
    # A 404 for any made-up query string would let anyone fill the cache with junk.
    statuses = {200, 301} if request.META.get("QUERY_STRING") else {200, 301, 404}
    return (
        response.status_code in statuses
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _lifetime(response, next_change, now):
    seconds = settings.PAGE_CACHE_SECONDS
    until = getattr(response, "cache_until", None)
    if isinstance(until, datetime):
        seconds = min(seconds, (until - now).total_seconds())
    return int(min(seconds, next_change - now.timestamp()))


class PublicPageCacheMiddleware:
    """Serves anonymous visitors from the cache; see the module docstring for the rules."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not _is_cacheable_request(request):
            return self.get_response(request)
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        parts = [request.method, request.scheme, request.get_host(), request.get_full_path()]
        key = PAGE_KEY.format(
            digest=hashlib.sha256(":".join([*parts, encoding]).encode()).hexdigest()
        )
        # One round trip: the generation state and the page. A page stored under an older
        # generation, or past its own expiry, is a miss.
        state = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, key])
        generation, next_change = current_generation(state)
        cached = state.get(key)
        if cached is not None and cached[0] == generation and time.time() < cached[1]:
            response = cached[2]
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        now = timezone.now()
        lifetime = _lifetime(response, next_change, now)
        if _is_storable(request, response) and lifetime > 0:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            # The expiry travels with the page too: the clock, not only the cache's TTL, decides.
            cache.set(key, (generation, now.timestamp() + lifetime, response), timeout=lifetime)
        response["X-Cache"] = "miss"
        return response


# Models no public page shows: writing them leaves cached pages alone. Every other model of
# the two apps makes every cached page stale (tests/clinic/site/test_page_cache.py checks both).
CONTENT_APPS = ("clinic", "articles")
PRIVATE_MODELS = {
    "articles.ArticleDailyViews",  # view counts, written by every reader; shown only to staff
    "articles.ImportedPost",  # where an imported article came from; shown only to staff
    "articles.PendingImport",  # an uploaded export awaiting confirmation; staff only
    "clinic.DemoRecord",  # which rows the demo loader made; used only by remove_demo
}


def public_models():
    """Every model of the content apps whose rows a public page may show."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in PRIVATE_MODELS
    ]


def cache_came_back(**kwargs):
    """After an outage, writes this process could not make (a generation bump, a cleared
    site chrome or glossary) are made good: every cached page, the chrome, the glossary and
    the articles' stored parts are stale."""
    bump_generation()
    forget_site_chrome()
    forget_entries()
    article_parts.shared_changed()


def connect_signals():
    """Any write to content a public page shows makes every cached page stale, and the stored
    parts of the articles it concerns (`articles.views.article_parts`)."""
    article_parts.connect(public_models())
    cache_recovered.connect(cache_came_back, dispatch_uid="page-cache:cache-recovered")
    # Pages made before a picture's renditions existed showed the original alone.
    renditions_made.connect(content_changed, dispatch_uid="page-cache:renditions")
    for model in public_models():
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid + ":delete")
        if model._meta.auto_created:  # a many-to-many table: links change through m2m_changed
            m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid + ":links")
