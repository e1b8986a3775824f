from django.conf import settings
from django.db import models
from django.utils import timezone

from clinic.domain.models import has_visible_text

from .library import Article


class ArticleChange(models.Model):
    """A public note of a substantive update: what changed, and when."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(
        max_length=300, help_text="Shown to readers, e.g. “Added results of the 2024 follow-up”."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-changed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=has_visible_text("note"), name="articlechange_note_not_blank"
            ),
        ]

    def __str__(self):
        return f"{self.changed_at:%Y-%m-%d}: {self.note}"
