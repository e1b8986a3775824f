"""Which live articles need their medical review renewed, or a second look."""

from django.utils import timezone

from articles.models import Article, CitationNotice, PublishingOverride

DUE_SOON_DAYS = 30


def review_worklist(*, soon_days=DUE_SOON_DAYS, today=None):
    """(never reviewed, overdue, due soon) lists of published articles, most urgent first.

    A published article that no clinician has ever reviewed is the most urgent of all.
    """
    today = today or timezone.localdate()
    articles = Article.objects.select_related("reviewer").order_by("review_due_on", "id")
    never = list(
        Article.objects.marked_published()
        .filter(reviewed_on__isnull=True)
        .order_by("publish_at", "id")
        .only("title", "publish_at", "slug", "language")
    )
    overdue = list(articles.review_overdue(today))
    due_soon = list(articles.review_due_within(today, soon_days))
    return never, overdue, due_soon


def open_citation_notices():
    """Unresolved notices about cited studies, the most serious and then the newest first:
    each article concerned needs its medical review before anything else."""
    return list(CitationNotice.objects.open().by_severity().select_related("study__article"))


def open_publishing_overrides():
    """Published articles that went out despite the content checks, newest first, with who
    decided and why; each leaves the list once a later save passes the checks."""
    return list(PublishingOverride.objects.open().select_related("article", "created_by"))
