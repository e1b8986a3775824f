"""The published research an article summarises."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clinic.domain.models.constraints import validate_constraints_in_python

from .library import Article

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    "Enter a DOI such as 10.4088/JCP.22r14614 (without https://doi.org/).",
)
pmid_validator = RegexValidator(r"^[1-9]\d{0,8}$", "A PubMed ID is a number of up to 9 digits.")


VANCOUVER_MAX_AUTHORS = 6


class Study(models.Model):
    """The published research an article summarises (one or more per article)."""

    class Design(models.TextChoices):
        META_ANALYSIS = "meta-analysis", _("Systematic review and meta-analysis")
        SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review")
        RCT = "rct", _("Randomised controlled trial")
        COHORT = "cohort", _("Cohort study")
        CASE_SERIES = "case-series", _("Case series")
        OTHER = "other", _("Other")

    class Comparison(models.TextChoices):
        PLACEBO = "placebo", "A placebo (a dummy treatment)"
        ACTIVE = "active", "Another treatment or an active comparison drug"
        USUAL_CARE = "usual-care", "Usual care or a waiting list"
        NONE = "none", "No comparison group"

    class Funder(models.TextChoices):
        PUBLIC = "public", "Public or charitable (government, university, charity)"
        INDUSTRY = "industry", "A company with an interest in the result (e.g. the maker)"
        MIXED = "mixed", "Both public and company money"
        NONE = "none", "No funding declared"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="studies")
    title = models.CharField(max_length=400)
    journal = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    month = models.PositiveSmallIntegerField(
        "month",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="1 to 12, if the paper gives its month of publication.",
    )
    volume = models.CharField(max_length=40, blank=True)
    issue = models.CharField(max_length=40, blank=True)
    pages = models.CharField(
        max_length=40, blank=True, help_text="“2918-2922”, or the article number if it has one."
    )
    authors = models.TextField(
        help_text="As in the paper, separated by commas: “Philipp-Muller A, Stephenson C, ...”."
    )
    url = models.URLField("link", max_length=500, blank=True)
    doi = models.CharField(
        "DOI", max_length=200, blank=True, validators=[doi_validator], help_text="10.xxxx/..."
    )
    pmid = models.CharField("PubMed ID", max_length=9, blank=True, validators=[pmid_validator])
    design = models.CharField(max_length=20, choices=Design.choices)
    studies_pooled = models.PositiveIntegerField(
        "number of studies",
        null=True,
        blank=True,
        help_text="For reviews: how many studies were pooled.",
    )
    participants = models.PositiveIntegerField(
        "participants (N)", null=True, blank=True, help_text="Total number of participants."
    )
    population = models.CharField(
        max_length=300, blank=True, help_text="Who took part, for example “Adults with PTSD”."
    )
    measures = models.CharField(
        max_length=300,
        blank=True,
        help_text="Outcome measures, separated by commas: “CAPS-5, PCL-5”.",
    )
    comparison = models.CharField(
        "compared with",
        max_length=20,
        choices=Comparison.choices,
        blank=True,
        help_text="What the treatment was compared with (for a review: in the studies pooled). "
        "Leave empty if the paper does not say; the evidence box then says so.",
    )
    follow_up_weeks = models.PositiveSmallIntegerField(
        "follow-up (weeks)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(2600)],
        help_text="The longest time people were followed after treatment began, in weeks "
        "(9 months ≈ 39, 1 year = 52). Leave empty if the paper does not say.",
    )
    funder = models.CharField(
        "who paid for it",
        max_length=20,
        choices=Funder.choices,
        blank=True,
        help_text="From the paper's funding statement. Leave empty if it does not say.",
    )
    funding_note = models.TextField(
        "funding and conflicts",
        blank=True,
        help_text="The funders and any conflicts of interest, in a sentence readers see.",
    )
    evidence_note = models.TextField(
        "editor's note on the evidence",
        blank=True,
        max_length=600,
        help_text="Optional. Shown under “How strong is the evidence?”, signed by the clinic. "
        "The box itself is worked out from the fields above and cannot be edited.",
    )
    position = models.PositiveSmallIntegerField(
        "order",
        default=0,
        help_text="Where this study appears among the article's studies: 0 first, then 1, 2 and "
        "so on. Leave 0 when there is only one.",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "studies"
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2100), name="study_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | (Q(month__gte=1) & Q(month__lte=12)),
                name="study_month_valid",
                violation_error_message="A month is a number from 1 to 12.",
            ),
            models.CheckConstraint(
                condition=Q(follow_up_weeks__isnull=True) | Q(follow_up_weeks__gte=1),
                name="study_follow_up_positive",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def validate_constraints(self, exclude=None):
        # Each CHECK constraint in Python, not with a query each (the database enforces them).
        validate_constraints_in_python(self, exclude)

    @property
    def published_on(self):
        """The publication date as precisely as known: "2023" or "2023-04" (ISO 8601)."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @property
    def locator(self):
        """Volume, issue and pages as Vancouver cites them: “84(2):22br14564”."""
        text = self.volume + (f"({self.issue})" if self.issue else "")
        return f"{text}:{self.pages}" if text and self.pages else text or self.pages

    @property
    def measure_list(self):
        return [m.strip() for m in self.measures.split(",") if m.strip()]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def link(self):
        """The best link to the paper: its own URL, else the DOI, else PubMed."""
        return self.url or self.doi_url or self.pubmed_url

    @property
    def short_authors(self):
        """The authors as the Vancouver (ICMJE/NLM) style cites them: all of them up to six;
        beyond six, the first six then “et al” (no final stop)."""
        names = [name.strip() for name in self.authors.split(",") if name.strip()]
        if len(names) <= VANCOUVER_MAX_AUTHORS:
            return ", ".join(names)
        return ", ".join(names[:VANCOUVER_MAX_AUTHORS]) + ", et al"
