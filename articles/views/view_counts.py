"""Private, first-party view counts: one number per article per day, nothing about readers.

A 1×1 image near the end of each live article (the "beacon") is fetched by the reader's
browser, so views are counted even when the article page itself comes from a cache. No
address, cookie, user agent or referrer is stored; bots and prefetches are not counted.
"""

import base64
import logging
import re
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from articles.models import ANY_LANGUAGE, Article, ArticleDailyViews

logger = logging.getLogger(__name__)

# The smallest transparent GIF: 1×1 pixel, 43 bytes.
BEACON_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|monitor|curl|wget|python-requests|python-urllib|httpx|"
    r"aiohttp|go-http-client|java/|okhttp|libwww|scrapy|headless|phantomjs|lighthouse|"
    r"pingdom|uptime|facebookexternalhit|embedly|validator|feedfetcher|mediapartners",
    re.IGNORECASE,
)
LARGEST_ID = 2**63 - 1  # ids above a bigint are not ours, and SQLite cannot even compare them
PERIODS = {"views_7_days": 7, "views_30_days": 30, "views_all_time": None}


def is_countable(request):
    """A reader's own GET: not a bot, not a prefetch or prerender, not signed-in staff."""
    if request.method != "GET":
        return False
    user_agent = request.headers.get("User-Agent", "")
    if not user_agent or BOT_USER_AGENT.search(user_agent):
        return False
    purpose = " ".join(
        request.headers.get(name, "") for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
    ).lower()
    if "prefetch" in purpose or "preview" in purpose:
        return False
    return not request.user.is_staff


def _add_view(article_id, day):
    """One more view on the day's existing row, if the article is live; the rows changed."""
    live = Article.objects.published(language=ANY_LANGUAGE).filter(pk=article_id)
    rows = ArticleDailyViews.objects.filter(article__in=live, day=day)
    return rows.update(views=F("views") + 1)


def record_article_view(article_id, *, day=None):
    """Count one view of a live article on `day` (today); False when it is not live."""
    day = day or timezone.localdate()
    with transaction.atomic():
        if _add_view(article_id, day):
            return True
        if not Article.objects.published(language=ANY_LANGUAGE).filter(pk=article_id).exists():
            return False
        try:
            with transaction.atomic():
                ArticleDailyViews.objects.create(article_id=article_id, day=day, views=1)
        except IntegrityError:  # another reader's request made the day's row first
            _add_view(article_id, day)
    return True


@require_safe
def view_beacon(request, pk):
    """The 1×1 image at the end of an article. Any id gets the same answer, so the beacon
    tells nobody which drafts exist; only views of live articles are counted."""
    if pk <= LARGEST_ID and is_countable(request):
        try:
            record_article_view(pk)
        except DatabaseError:  # a view not counted is better than a broken image
            logger.warning("Could not count a view of article %s.", pk, exc_info=True)
    response = HttpResponse(BEACON_GIF, content_type="image/gif")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def with_view_totals(articles, *, today=None):
    """`articles` annotated with views_7_days, views_30_days and views_all_time (today
    included), each one subquery, so a list of articles costs no extra queries."""
    today = today or timezone.localdate()
    totals = {}
    for name, days in PERIODS.items():
        rows = ArticleDailyViews.objects.filter(article=OuterRef("pk"))
        if days is not None:
            rows = rows.filter(day__gt=today - timedelta(days=days))
        total = rows.order_by().values("article").annotate(total=Sum("views")).values("total")
        totals[name] = Coalesce(Subquery(total, output_field=IntegerField()), 0)
    return articles.annotate(**totals)
