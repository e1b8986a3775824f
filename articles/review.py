"""Which live articles need their medical review renewed."""

from django.utils import timezone

from .models import Article

DUE_SOON_DAYS = 30


def review_worklist(*, soon_days=DUE_SOON_DAYS, today=None):
    """(overdue, due soon) lists of published articles, most urgent first."""
    today = today or timezone.localdate()
    articles = Article.objects.select_related("reviewer").order_by("review_due_on", "id")
    overdue = list(articles.review_overdue(today))
    due_soon = list(articles.review_due_within(today, soon_days))
    return overdue, due_soon
