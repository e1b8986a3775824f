from django.conf import settings
from django.db import models
from django.utils import timezone

from clinic.domain.models import has_visible_text

from .library import Article


class ArticleChange(models.Model):
    """A public note of a substantive update: what changed, and when.

    Corrections (an error put right) and answers to a notice about a cited study are listed
    apart from ordinary updates, on the article and in the site's corrections log.
    """

    class Kind(models.TextChoices):
        UPDATE = "update", "Update"
        CORRECTION = "correction", "Correction"
        STUDY_NOTICE = "study-notice", "A cited study was retracted, corrected or questioned"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(
        max_length=300, help_text="Shown to readers, e.g. “Added results of the 2024 follow-up”."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPDATE)
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

    @property
    def is_correction(self):
        return self.kind != self.Kind.UPDATE
