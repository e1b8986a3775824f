"""An article's language, and the translations of one article (Wagtail's model).

Each translation is its own row, with its own title, address, summary, body and disclaimer,
linked to the others by a `translation_key` they share; the original is the row in the
site's default language. What does not depend on language (the studies, their numbers and
the evidence box) belongs to the original and is read from it (`shared_studies`).

A translation records which revision of the original it was last based on
(`source_version`, `source_synced_at`): once the original has a substantive update after
that, the translation is stale until an editor brings it up to date and says so.
"""

import uuid

from django.db import connection, models
from django.urls import reverse
from django.utils import timezone, translation

from .languages import (
    default_language,
    language_codes,
    language_name,
    validate_language,
)

# An article's live rows, by its (translation_key, language) unique index: written out, as
# the reading trail's queries are (reading.py), since every article page runs it.
LIVE_FAMILY = (
    "SELECT id, slug, language FROM {article}"
    " WHERE translation_key = %s AND status = %s AND publish_at <= %s"
)


class Translatable(models.Model):
    """Fields and methods of a record written in one language and translated into others."""

    language = models.CharField(
        "language",
        max_length=15,
        default=default_language,
        validators=[validate_language],
        help_text="The language the article is written in. Readers of that language see it; "
        "the others see its translations.",
    )
    translation_key = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        help_text="Shared by an article and its translations.",
    )
    source_version = models.ForeignKey(
        "reversion.Version",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="based on the original's revision",
    )
    source_synced_at = models.DateTimeField(
        "up to date with the original as of",
        null=True,
        blank=True,
        editable=False,
        help_text="When the translation was last based on the original.",
    )

    class Meta:
        abstract = True

    def get_absolute_url(self):
        """The address in the article's own language (French ones under /fr/)."""
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_original(self):
        return self.language == default_language()

    @property
    def language_name(self):
        return language_name(self.language)

    def translations(self):
        """Every row of this article, this one included, in the order of settings.LANGUAGES."""
        rows = {row.language: row for row in self._family()}
        return [rows[code] for code in language_codes() if code in rows]

    def live_translations(self):
        """The live rows of this article, this one included if live, in the order of
        settings.LANGUAGES: for the language switcher and `hreflang` links."""
        model = type(self)
        key = model._meta.get_field("translation_key").get_db_prep_value(
            self.translation_key, connection
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        sql = LIVE_FAMILY.format(article=model._meta.db_table)
        rows = {
            row.language: row for row in model.objects.raw(sql, [key, model.Status.PUBLISHED, now])
        }
        return [rows[code] for code in language_codes() if code in rows]

    def translation_in(self, language):
        """This article in `language` (itself for its own language), or None."""
        if language == self.language:
            return self
        return self._family().filter(language=language).first()

    def original(self):
        """The row in the default language (itself if it is that row), or None."""
        return self.translation_in(default_language())

    def shared_studies(self):
        """The studies of the original: a translation shows them, never copies them."""
        if self.is_original:
            return self.studies.all()
        return self.studies.model.objects.filter(
            article__translation_key=self.translation_key, article__language=default_language()
        )

    def _family(self):
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .only("title", "slug", "language", "status", "publish_at", "translation_key")
        )
