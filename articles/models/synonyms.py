"""The synonym list search reads: patients' words next to the literature's."""

from django.core.exceptions import ValidationError
from django.db import models

from clinic.domain.models import has_visible_text

from ..words import MAX_TERM_WORDS, split_terms, words_of


class SynonymGroup(models.Model):
    """Words and phrases that mean the same thing to a reader: searching one finds them all."""

    terms = models.TextField(
        help_text="Two or more words or phrases that mean the same, one per line (or separated "
        "by commas), e.g. “PTSD”, “post-traumatic stress disorder”, “posttraumatic stress”. "
        "Searches use the list at once; no rebuilding needed.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Optional: why these belong together, for editors."
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = "search synonym group"
        constraints = [
            models.CheckConstraint(
                condition=has_visible_text("terms"),
                name="synonymgroup_terms_not_blank",
                violation_error_message="List at least two words or phrases.",
            )
        ]

    def __str__(self):
        return " / ".join(self.term_list())

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = self.term_list()
        if len({tuple(words_of(term)) for term in terms if words_of(term)}) < 2:
            raise ValidationError({"terms": "List at least two different words or phrases."})
        for term in terms:
            if not words_of(term):
                raise ValidationError({"terms": f"“{term}” has no letters or digits to search."})
            if len(words_of(term)) > MAX_TERM_WORDS:
                raise ValidationError(
                    {"terms": f"“{term}” is too long: keep each term to {MAX_TERM_WORDS} words."}
                )
        self.terms = "\n".join(terms)
