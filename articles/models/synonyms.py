"""The lists search reads: patients' words next to the literature's (synonyms, both ways) and
symptoms beside the conditions they belong to (narrower terms, one way)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from clinic.domain.languages import site_languages
from clinic.domain.models import has_visible_text

from ..words import MAX_TERM_WORDS, split_terms, words_of


class SynonymGroup(models.Model):
    """Words and phrases that mean the same thing to a reader: searching one finds them all."""

    terms = models.TextField(
        help_text="Two or more words or phrases that mean the same, one per line (or separated "
        "by commas), e.g. “PTSD”, “post-traumatic stress disorder”, “posttraumatic stress”. "
        "Searches use the list at once; no rebuilding needed.",
    )
    language = models.CharField(
        max_length=8,
        choices=site_languages,
        default="en",
        help_text="The language of searches it applies to. French words go in rows of their "
        "own: a French list is not a translation of the English one.",
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


class NarrowerTerm(models.Model):
    """One way only: a symptom, event or medicine that belongs to broader terms.

    Searching "nightmares" also finds articles about PTSD; searching "PTSD" does not find every
    article that mentions nightmares. (A `SynonymGroup` works both ways.)
    """

    term = models.CharField(
        max_length=100,
        help_text="A word or phrase as patients write it: a symptom (“nightmares”, “can’t "
        "sleep”), an event (“car accident”) or a medicine (“sertraline”).",
    )
    language = models.CharField(
        max_length=8,
        choices=site_languages,
        default="en",
        help_text="The language of searches it applies to. French words go in rows of their own.",
    )
    broader = models.TextField(
        "belongs to",
        help_text="The conditions or wider terms it belongs to, one per line (or separated by "
        "commas), e.g. “PTSD”, “anxiety”. A search for the term also finds articles about "
        "these, and about their synonyms; a search for these does not find the term.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Optional: why it belongs there, for editors."
    )

    class Meta:
        ordering = ["term"]
        verbose_name = "search narrower term"
        constraints = [
            models.CheckConstraint(
                condition=has_visible_text("term"),
                name="narrowerterm_term_not_blank",
                violation_error_message="Enter the word or phrase patients use.",
            ),
            models.CheckConstraint(
                condition=has_visible_text("broader"),
                name="narrowerterm_broader_not_blank",
                violation_error_message="Name at least one condition or wider term.",
            ),
            models.UniqueConstraint(
                Lower("term"),
                "language",
                name="narrowerterm_term_unique_per_language",
                violation_error_message="This term is already listed: add to its row instead.",
            ),
        ]

    def __str__(self):
        return f"{self.term} → {', '.join(self.broader_list())}"

    def broader_list(self):
        return split_terms(self.broader)

    def clean(self):
        self.term = " ".join(self.term.split())
        own = tuple(words_of(self.term))
        if not own:
            raise ValidationError({"term": f"“{self.term}” has no letters or digits to search."})
        if len(own) > MAX_TERM_WORDS:
            raise ValidationError({"term": f"Keep the term to {MAX_TERM_WORDS} words."})
        broader = self.broader_list()
        for term in broader:
            words = tuple(words_of(term))
            if not words:
                raise ValidationError({"broader": f"“{term}” has no letters or digits to search."})
            if len(words) > MAX_TERM_WORDS:
                raise ValidationError(
                    {"broader": f"“{term}” is too long: keep each term to {MAX_TERM_WORDS} words."}
                )
            if words == own:
                raise ValidationError({"broader": "A term cannot belong to itself."})
        if not broader:
            raise ValidationError({"broader": "Name at least one condition or wider term."})
        self.broader = "\n".join(broader)
