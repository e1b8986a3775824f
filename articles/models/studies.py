"""The published research an article summarises."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

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
        META_ANALYSIS = "meta-analysis", "Systematic review and meta-analysis"
        SYSTEMATIC_REVIEW = "systematic-review", "Systematic review"
        RCT = "rct", "Randomised controlled trial"
        COHORT = "cohort", "Cohort study"
        CASE_SERIES = "case-series", "Case series"
        OTHER = "other", "Other"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="studies")
    title = models.CharField(max_length=400)
    journal = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1900), MaxValueValidator(2100)]
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
    funding_note = models.TextField("funding and conflicts", blank=True)
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
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

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
