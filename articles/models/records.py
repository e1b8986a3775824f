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


class SiteImport(models.Model):
    """One reading of a live blog at its address, for the admin's "Import from the site's address".

    The reading (robots.txt, sitemaps and feeds, then each post page, politely: minutes) runs in
    the background (`articles.transfer.site.crawl`), which moves `state` on and counts pages as
    it goes (`heartbeat_at` too, so a reading whose worker died shows as stalled). What it read
    is kept here (`pages`, compressed JSON) with its dry-run report, so "Confirm import" never
    reads the site again. At most one reading of an address is queued or running at a time.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Reading the site"
        READ = "read", "Read: waiting for confirmation"
        IMPORTING = "importing", "Importing"
        IMPORTED = "imported", "Imported"
        FAILED = "failed", "Failed"

    ACTIVE = (State.QUEUED, State.RUNNING)

    address = models.CharField(
        "site's address", max_length=500, help_text="The address as it is read (canonical form)."
    )
    typed_address = models.CharField("address as typed", max_length=500)
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    fetch_images = models.BooleanField("copy pictures", default=True)
    found = models.PositiveIntegerField("posts found", default=0)
    fetched = models.PositiveIntegerField("posts read", default=0)
    not_read = models.PositiveIntegerField("posts not read", default=0)
    reason = models.TextField("why it failed", blank=True)
    pages = models.BinaryField("what was read", null=True, editable=False)
    report = models.JSONField("dry-run report", null=True, blank=True, editable=False)
    next_start = models.PositiveIntegerField(default=0)  # where "Continue importing" goes on
    publish_published = models.BooleanField(null=True)  # chosen at the first confirm
    summary = models.TextField(blank=True)  # the last import step's one-line summary
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("asked for", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField("last sign of life", null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import from a site's address"
        verbose_name_plural = "imports from a site's address"
        constraints = [
            models.UniqueConstraint(
                fields=["address"],
                condition=models.Q(state__in=["queued", "running"]),
                name="one_reading_of_an_address_at_a_time",
            )
        ]

    def __str__(self):
        return self.address
