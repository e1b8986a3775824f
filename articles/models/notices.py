"""Notices published about a cited study: retractions, corrections, expressions of concern."""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clinic.domain.models import Person, has_visible_text

from .changes import ArticleChange
from .studies import Study

DATE_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}


class CitationNoticeQuerySet(models.QuerySet):
    def open(self):
        """Not yet resolved by a reviewer: the article needs medical review."""
        return self.filter(resolved_at__isnull=True)

    def by_severity(self):
        """Open first; then retractions, expressions of concern, corrections; newest first."""
        severity = Case(
            *(When(kind=kind, then=Value(n)) for n, kind in enumerate(CitationNotice.Kind.values)),
            default=Value(len(CitationNotice.Kind.values)),
        )
        return self.order_by(
            F("resolved_at").asc(nulls_first=True),
            severity,
            F("published_on").desc(nulls_last=True),
        )

    def shown_to_readers(self):
        """Open notices, and retractions for good: readers must always know of those."""
        return self.filter(Q(resolved_at__isnull=True) | Q(kind=CitationNotice.Kind.RETRACTION))


class CitationNotice(models.Model):
    """A notice about a study an article cites, found by the nightly citation check.

    While it is open, the article is at the top of the review list and readers see a dated
    notice above the study; a reviewer resolves it with a note that readers see too.
    """

    class Kind(models.TextChoices):
        # The values are those of articles.citations.records, most serious first.
        RETRACTION = "retraction", gettext_lazy("Retraction")
        EXPRESSION_OF_CONCERN = "expression_of_concern", gettext_lazy("Expression of concern")
        CORRECTION = "correction", gettext_lazy("Correction")

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    notice_key = models.CharField(
        max_length=300, editable=False, help_text="The notice's DOI or address, to find it again."
    )
    published_on = models.DateField("notice published", null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY, editable=False
    )
    notice_doi = models.CharField("notice DOI", max_length=200, blank=True)
    notice_url = models.URLField("notice link", max_length=500, blank=True)
    label = models.CharField(
        max_length=300, blank=True, help_text="How the source names the notice."
    )
    source = models.CharField(
        max_length=200, help_text="Who reported it: Crossref (Retraction Watch), PubMed..."
    )
    found_at = models.DateTimeField("found", default=timezone.now)
    resolved_at = models.DateTimeField("resolved", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolved_notices",
        verbose_name="re-checked by",
        help_text="The clinician who re-checked the summary against the notice.",
    )
    resolution_note = models.CharField(
        "note for readers",
        max_length=300,
        blank=True,
        help_text="What the reviewer found and what changed, for example “We removed the "
        "findings of this study; the summary now rests on the 2021 trial.” Shown in the "
        "article's change notes and the corrections log.",
    )
    change = models.OneToOneField(
        ArticleChange, null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="citation_notice",
    )  # fmt: skip

    objects = CitationNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["resolved_at", "-published_on", "-id"]
        verbose_name = "citation notice"
        constraints = [
            models.UniqueConstraint(
                fields=["study", "kind", "notice_key"], name="citation_notice_once_per_study"
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | has_visible_text("resolution_note"),
                name="citation_notice_resolved_with_note",
                violation_error_message="A resolved notice needs a note for readers.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} of “{self.study.title}”"

    @property
    def is_open(self):
        return self.resolved_at is None

    @property
    def link(self):
        return f"https://doi.org/{self.notice_doi}" if self.notice_doi else self.notice_url

    @property
    def date_text(self):
        """“4 June 2020”, “June 2020” or “2020”, as precisely as the source gives it."""
        if self.published_on is None:
            return ""
        return format_date(self.published_on, DATE_FORMATS[self.date_precision])

    @property
    def what_happened(self):
        """“This study was retracted on 4 June 2020”, for readers."""
        when = "" if not self.published_on else "on" if self.date_precision == "day" else "in"
        kind = self.kind if self.kind in self.Kind.values else self.Kind.CORRECTION
        return _what_happened()[kind, when] % {"date": self.date_text}


def _what_happened():
    """Each sentence whole, so that every language can place the date where it belongs."""
    kind = CitationNotice.Kind
    return {
        (kind.RETRACTION, ""): _("This study was retracted"),
        (kind.RETRACTION, "on"): _("This study was retracted on %(date)s"),
        (kind.RETRACTION, "in"): _("This study was retracted in %(date)s"),
        (kind.EXPRESSION_OF_CONCERN, ""): _(
            "The journal published an expression of concern about this study"
        ),
        (kind.EXPRESSION_OF_CONCERN, "on"): _(
            "The journal published an expression of concern about this study on %(date)s"
        ),
        (kind.EXPRESSION_OF_CONCERN, "in"): _(
            "The journal published an expression of concern about this study in %(date)s"
        ),
        (kind.CORRECTION, ""): _("The journal published a correction to this study"),
        (kind.CORRECTION, "on"): _("The journal published a correction to this study on %(date)s"),
        (kind.CORRECTION, "in"): _("The journal published a correction to this study in %(date)s"),
    }
