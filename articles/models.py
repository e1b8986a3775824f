"""The research library: topics, articles and the studies they summarise."""

import math
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from markdownx.models import MarkdownxField

from clinic.markdown import render_markdown
from clinic.models import Person, has_visible_text

WORDS_PER_MINUTE = 200
DISCLAIMER_REQUIRED = (
    "Every article must carry the medical disclaimer. Put back the clinic's default text "
    "(from the clinic profile) or write one that says this is education, not medical advice."
)
_WORD = re.compile(r"\w+")


class Topic(models.Model):
    """A condition or treatment that articles are about: PTSD, depression, ketamine..."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="One or two sentences shown at the top of the topic's page."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic-detail", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and the publish time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def for_cards(self):
        """Just what a list card shows, with the author in the same query."""
        return self.select_related("author").only(
            "title", "slug", "dek", "publish_at", "updated_at", "reading_minutes",
            "author__name", "author__slug",
        )  # fmt: skip


class Article(models.Model):
    """A plain-language summary of published research, written for patients."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(
        max_length=200, help_text="The headline, written for patients rather than researchers."
    )
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The page address. Changing it breaks old links."
    )
    dek = models.TextField(
        "summary",
        max_length=600,
        help_text="One short paragraph under the headline; also used in lists and search results.",
    )
    body = MarkdownxField(
        help_text="Markdown. Start sections with “## ”. The preview shows what visitors will see."
    )
    body_html = models.TextField(editable=False, default="")
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)
    hero_image = models.ImageField(upload_to="articles/hero/", blank=True)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Required with an image.",
    )
    hero_credit = models.CharField(
        "hero image credit", max_length=200, blank=True, help_text="For example “Photo: J. Doe”."
    )
    author = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="articles", help_text="The byline."
    )
    reviewer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        verbose_name="medical reviewer",
        help_text="A clinician who checked the article's medical content.",
    )
    reviewed_on = models.DateField(
        "medically reviewed on", null=True, blank=True, help_text="When the reviewer signed off."
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish time",
        default=timezone.now,
        help_text="A future time keeps the article hidden until then.",
    )
    updated_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        help_text="Set only when the content changed in substance; shown to readers as “Updated”.",
    )
    disclaimer = models.TextField(
        help_text="Shown near the top and at the end. An article cannot be saved without it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        indexes = [models.Index(fields=["status", "publish_at", "id"], name="article_public_idx")]
        constraints = [
            models.CheckConstraint(
                condition=has_visible_text("disclaimer"),
                name="article_disclaimer_not_blank",
                violation_error_message="Every article needs the medical disclaimer.",
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | has_visible_text("hero_alt"),
                name="article_hero_has_alt_text",
                violation_error_message="A hero image needs alt text.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        words = len(_WORD.findall(strip_tags(self.body_html))) + len(_WORD.findall(self.dek))
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        # The CHECK constraint is the guarantee; this puts its message on the field.
        if not (self.disclaimer or "").strip():
            raise ValidationError({"disclaimer": DISCLAIMER_REQUIRED})

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    def _neighbour(self, *, newer):
        if self.pk is None:
            return None
        when, pk = self.publish_at, self.pk
        if newer:
            beyond = Q(publish_at__gt=when) | Q(publish_at=when, id__gt=pk)
            order = ("publish_at", "id")
        else:
            beyond = Q(publish_at__lt=when) | Q(publish_at=when, id__lt=pk)
            order = ("-publish_at", "-id")
        return (
            Article.objects.published()
            .filter(beyond)
            .order_by(*order)
            .only("title", "slug")
            .first()
        )

    def get_previous_published(self):
        """The live article published just before this one, or None."""
        return self._neighbour(newer=False)

    def get_next_published(self):
        """The live article published just after this one, or None."""
        return self._neighbour(newer=True)


doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    "Enter a DOI such as 10.4088/JCP.22r14614 (without https://doi.org/).",
)
pmid_validator = RegexValidator(r"^[1-9]\d{0,8}$", "A PubMed ID is a number of up to 9 digits.")


class Study(models.Model):
    """The published research an article summarises (one or more per article)."""

    class Design(models.TextChoices):
        META_ANALYSIS = "meta-analysis", "Systematic review and meta-analysis"
        SYSTEMATIC_REVIEW = "systematic-review", "Systematic review"
        RCT = "rct", "Randomised controlled trial"
        COHORT = "cohort", "Cohort study"
        CASE_SERIES = "case-series", "Case series"
        OTHER = "other", "Other"

    REVIEW_DESIGNS = {Design.META_ANALYSIS, Design.SYSTEMATIC_REVIEW}

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
    position = models.PositiveSmallIntegerField(default=0)

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
    def is_review(self):
        return self.design in self.REVIEW_DESIGNS

    @property
    def short_authors(self):
        """Up to three authors, then “et al”, as in Vancouver-style citations (no final stop)."""
        names = [name.strip() for name in self.authors.split(",") if name.strip()]
        return ", ".join(names[:3]) + (", et al" if len(names) > 3 else "")
