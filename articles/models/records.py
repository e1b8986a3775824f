"""Records kept for staff only: where imported articles came from, and daily view counts."""

from django.conf import settings
from django.db import models

from .library import Article


class ImportedPost(models.Model):
    """Where an article came from when it was imported from an older site's export.

    The export's post id or GUID is the key, so importing the same export again updates the
    article instead of adding a second copy.
    """

    import_key = models.CharField(
        max_length=255, unique=True, help_text="The post's GUID or id in the export."
    )
    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="import_record")
    old_url = models.CharField(
        "old address", max_length=500, blank=True, help_text="The post's address on the old site."
    )
    imported_at = models.DateTimeField("first imported", auto_now_add=True)
    updated_at = models.DateTimeField("last imported", auto_now=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = "imported post"

    def __str__(self):
        return self.old_url or self.import_key


class ArticleDailyViews(models.Model):
    """How often a live article was read on one day: a number, nothing about the readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(help_text="The day in the clinic's time zone.")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "article"]
        verbose_name = "daily article views"
        verbose_name_plural = "daily article views"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_views_one_row_per_day")
        ]

    def __str__(self):
        return f"{self.article_id} on {self.day}: {self.views}"


class PendingImport(models.Model):
    """An export uploaded on the admin's import page, waiting for "Confirm import".

    Kept in the database, so the confirm (and every "Continue") works whichever app server
    receives it. Each batch moves `expires_at` on; expired uploads are deleted whenever an
    export is uploaded or confirmed (articles/admin/imports.py).
    """

    id = models.CharField(primary_key=True, max_length=32, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "pending import"

    def __str__(self):
        return f"Import uploaded at {self.uploaded_at:%Y-%m-%d %H:%M}"
