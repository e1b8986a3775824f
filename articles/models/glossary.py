"""The glossary: research and clinical terms explained in plain language."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from clinic.domain.languages import initial_letter
from clinic.domain.models import has_visible_text

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SENTENCES = 2


def split_names(text):
    """“RCT, randomized controlled trial” -> ["RCT", "randomized controlled trial"]."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


class GlossaryTerm(models.Model):
    """A term readers meet in the summaries, defined in one or two plain sentences."""

    term = models.CharField(
        max_length=80, help_text="As readers meet it, for example “Meta-analysis” or “CAPS-5”."
    )
    slug = models.SlugField(
        max_length=80, unique=True, help_text="The term's anchor on the glossary page."
    )
    also_known_as = models.CharField(
        "also known as",
        max_length=300,
        blank=True,
        help_text="Other names and spellings, separated by commas: “RCT, randomized controlled "
        "trial”. Each is explained in articles too.",
    )
    definition = models.TextField(
        max_length=400,
        help_text="One or two short sentences a patient can follow, without jargon.",
    )
    source_url = models.URLField(
        "source link",
        max_length=500,
        blank=True,
        help_text="Optional: a reputable page for readers who want more (NIH, NHS, Cochrane...).",
    )
    source_name = models.CharField(
        max_length=120, blank=True, help_text="Who publishes the source, for example “NIMH”."
    )
    is_marked_in_articles = models.BooleanField(
        "explain in articles",
        default=True,
        help_text="Explain the first use of this term in every article. Untick for everyday "
        "words that would be marked too often; the term stays on the glossary page.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("term"), "id"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ci"),
            # The French term (clinic.domain.translation gives each term one per language).
            models.UniqueConstraint(Lower("term_fr"), name="glossary_term_fr_unique_ci"),
            models.CheckConstraint(
                condition=has_visible_text("definition"),
                name="glossary_term_has_definition",
                violation_error_message="Every term needs a definition.",
            ),
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("articles:glossary") + f"#{self.slug}"

    @property
    def names(self):
        """The term and its other names, the term first."""
        return [self.term, *split_names(self.also_known_as)]

    @property
    def alternate_names(self):
        return split_names(self.also_known_as)

    @property
    def initial(self):
        """The A–Z section: the first letter, accents aside (“Échelle” under “E”), or “#” for
        a term starting with a digit."""
        return initial_letter(self.term)

    def names_in(self, language):
        """The term and its other names as written in `language` (empty if not written)."""
        term = getattr(self, build_localized_fieldname("term", language)) or ""
        aliases = getattr(self, build_localized_fieldname("also_known_as", language)) or ""
        return [name for name in [term.strip(), *split_names(aliases)] if name]

    def clean(self):
        errors = {}
        for language in settings.MODELTRANSLATION_LANGUAGES:
            field = build_localized_fieldname("definition", language)
            if len(_SENTENCE_END.findall((getattr(self, field) or "").strip())) > MAX_SENTENCES:
                errors[field] = "Keep the definition to one or two sentences."
            taken = self._names_used_elsewhere(language)
            if clashes := [name for name in self.names_in(language) if name.lower() in taken]:
                errors[build_localized_fieldname("also_known_as", language)] = (
                    f"Already used by another term: {', '.join(clashes)}. Each name may belong "
                    "to one term only, so articles know which definition to show."
                )
        if self.source_name and not self.source_url:
            errors["source_url"] = "Add the link for this source, or clear its name."
        if errors:
            raise ValidationError(errors)

    def _names_used_elsewhere(self, language):
        columns = [build_localized_fieldname(name, language) for name in ("term", "also_known_as")]
        others = GlossaryTerm.objects.exclude(pk=self.pk).values_list(*columns)
        return {
            name.lower()
            for term, aliases in others
            for name in [term or "", *split_names(aliases)]
            if name
        }
