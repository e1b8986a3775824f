"""Which live articles need their medical review renewed."""

from datetime import timedelta

from django.utils import timezone

from .models import Article

DUE_SOON_DAYS = 30


def review_worklist(*, soon_days=DUE_SOON_DAYS, today=None):
    """(overdue, due soon) lists of published articles, most urgent first."""
    today = today or timezone.localdate()
    published = Article.objects.filter(status=Article.Status.PUBLISHED).select_related("reviewer")
    overdue = list(published.filter(review_due_on__lt=today).order_by("review_due_on", "id"))
    due_soon = list(
        published.filter(
            review_due_on__gte=today, review_due_on__lte=today + timedelta(days=soon_days)
        ).order_by("review_due_on", "id")
    )
    return overdue, due_soon
