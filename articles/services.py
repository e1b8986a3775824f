"""Changes to articles that go beyond one row's own fields."""

from django.utils import timezone

from .models import Article


def publish_article(*, article, user=None):
    """Publish now, or at the article's future publish time if it has one."""
    article.status = Article.Status.PUBLISHED
    if article.publish_at is None:
        article.publish_at = timezone.now()
    article.save(update_fields=["status", "publish_at", "modified_at"])
    return article


def unpublish_article(*, article, user=None):
    """Take the article off the public site; nothing is deleted."""
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "modified_at"])
    return article
