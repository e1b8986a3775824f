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


class PublishingOverrideQuerySet(models.QuerySet):
    def open(self):
        """Overrides of articles still published whose content has not passed the checks since."""
        # A test of each open override's article, not a join the database might start from
        # the whole library.
        live = Article.objects.filter(
            pk=models.OuterRef("article_id"), status=Article.Status.PUBLISHED
        )
        return self.filter(models.Exists(live), resolved_at__isnull=True)


class PublishingOverride(models.Model):
    """An article published although the content checks stopped it, and the reason given.

    Listed on the review worklist until a later save of the article passes the checks.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="overrides")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reason = models.TextField(help_text="Why the article was published despite the checks.")
    problems = models.TextField(help_text="What the checks found, one problem a line.")
    resolved_at = models.DateTimeField(
        null=True, blank=True, help_text="When a later save of the article passed the checks."
    )

    objects = PublishingOverrideQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "publishing despite the checks"
        verbose_name_plural = "publishing despite the checks"
        constraints = [
            models.CheckConstraint(
                condition=has_visible_text("reason"), name="publishingoverride_reason_not_blank"
            ),
        ]

    def __str__(self):
        return f"{self.article} — {self.reason[:60]}"
