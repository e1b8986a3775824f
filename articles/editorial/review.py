"""Which live articles need their medical review renewed, or a second look."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from articles.models import Article, CitationNotice, PublishingOverride

DUE_SOON_DAYS = 30
SHORTLIST_ROWS = 20  # of each list on the admin home; the list of articles shows them all


def _worklist(soon_days, today):
    """The (never reviewed, overdue, due soon) querysets, most urgent first, each read in the
    order of an index (articles.models.Article.Meta.indexes) so a first page costs the same
    whatever the library's size."""
    today = today or timezone.localdate()
    articles = Article.objects.select_related("reviewer").order_by(
        "review_due_on", "publish_at", "id"
    )
    never = (
        Article.objects.marked_published()
        .filter(reviewed_on__isnull=True)
        .order_by("publish_at", "id")
        .only("title", "publish_at", "slug", "language")
    )
    return never, articles.review_overdue(today), articles.review_due_within(today, soon_days)


def review_worklist(*, soon_days=DUE_SOON_DAYS, today=None):
    """(never reviewed, overdue, due soon) lists of published articles, most urgent first.

    A published article that no clinician has ever reviewed is the most urgent of all.
    """
    return tuple(list(found) for found in _worklist(soon_days, today))


@dataclass
class Shortlist:
    """The first rows of a list and how many it holds in all."""

    rows: list
    total: int

    @property
    def more(self):
        return self.total - len(self.rows)


def review_shortlists(*, soon_days=DUE_SOON_DAYS, today=None, rows=SHORTLIST_ROWS):
    """review_worklist() as Shortlists of at most `rows` articles each, for the admin home."""
    shortlists = []
    for found in _worklist(soon_days, today):
        first = list(found[:rows])
        total = len(first) if len(first) < rows else found.count()
        shortlists.append(Shortlist(first, total))
    return tuple(shortlists)


def open_citation_notices():
    """Unresolved notices about cited studies, the most serious and then the newest first:
    each article concerned needs its medical review before anything else. (Their studies and
    articles by id afterwards, so the few notices, not the whole library, lead the query.)"""
    studies = Prefetch(
        "study__article", Article.objects.only("title", "slug", "status", "language")
    )
    return list(CitationNotice.objects.open().by_severity().prefetch_related("study", studies))


def open_publishing_overrides():
    """Published articles that went out despite the content checks, newest first, with who
    decided and why; each leaves the list once a later save passes the checks."""
    articles = Prefetch("article", Article.objects.only("title", "slug", "status", "language"))
    return list(
        PublishingOverride.objects.open().select_related("created_by").prefetch_related(articles)
    )
