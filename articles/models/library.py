"""Topics and articles: what the public reads, and the one rule for when it may."""

import math
import re
from calendar import monthrange
from datetime import timedelta

from django.apps import apps
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from markdownx.models import MarkdownxField

from clinic.authoring.markdown import render_markdown
from clinic.domain.languages import TranslatedSlugQuerySet
from clinic.domain.models import EditTracked, Person, has_visible_text
from clinic.domain.models.constraints import validate_constraints_in_python

from .indexes import SQLiteIndex
from .languages import ANY_LANGUAGE, active_language, language_codes
from .reading import ReadingTrailMixin
from .search_columns import (
    PostgreSQLGeneratedField,
    PostgreSQLGinIndex,
    unstemmed_words,
    weighted_vector,
)
from .translations import Translatable

WORDS_PER_MINUTE = 200
# An image with no alt text in the Markdown body: ![](…), or an HTML table's <img alt="">.
IMAGE_WITHOUT_ALT = re.compile(r'!\[\s*\]\(|alt=""')


def add_months(day, months):
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


DISCLAIMER_REQUIRED = (
    "Every article must carry the medical disclaimer. Tick “Use the clinic's default "
    "disclaimer”, or write one that says this is education, not medical advice."
)
_WORD = re.compile(r"\w+")


class TopicQuerySet(TranslatedSlugQuerySet):
    def listed(self):
        """Topics the public may see: one an import created is hidden until it is described."""
        return self.exclude(from_import=True, description="")

    def with_published_articles(self, language=None):
        """Listed topics with at least one live article in the reader's language (or
        `language`; `ANY_LANGUAGE` for any): one used only by drafts stays unseen.

        A semi-join per topic that stops at its first live article (not a scan of every link)."""
        live = Article.objects.published(language=language).filter(topics=models.OuterRef("pk"))
        return self.listed().filter(models.Exists(live))

    def with_article_languages(self):
        """Listed topics with live articles in any language, each knowing which languages
        (`topic.article_languages`, read by `Topic.article_languages`): a semi-join per topic
        and language, in the same query."""
        annotations = {
            f"has_articles_{code}": models.Exists(
                Article.objects.published(language=code).filter(topics=models.OuterRef("pk"))
            )
            for code in language_codes()
        }
        return self.with_published_articles(language=ANY_LANGUAGE).annotate(**annotations)


class Topic(models.Model):
    """A condition or treatment that articles are about: PTSD, depression, ketamine..."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="One or two sentences shown at the top of the topic's page."
    )
    is_clinic_service = models.BooleanField(
        "the clinic offers this treatment",
        default=False,
        help_text="Tick for treatments the clinic provides (ketamine-assisted therapy, CBT...). "
        "Articles about them tell readers so, near the byline.",
    )
    from_import = models.BooleanField(
        "created by an import",
        default=False,
        help_text="Made from an old site's category or tag: it stays off the public site "
        "until it has a description.",
    )
    modified_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic-detail", kwargs={"slug": self.slug})

    @property
    def article_languages(self):
        """The languages it has live articles in (`TopicQuerySet.with_article_languages`)."""
        return [code for code in language_codes() if getattr(self, f"has_articles_{code}", False)]

    @property
    def is_listed(self):
        """Whether the public may see it (see `TopicQuerySet.listed`)."""
        return not (self.from_import and not self.description)


class ArticleQuerySet(models.QuerySet):
    def marked_published(self):
        """Set to published, whether or not its time has come: every rule below starts here."""
        return self.filter(status=Article.Status.PUBLISHED)

    def drafts(self):
        """Not published: nobody but staff sees them, whatever their publish time."""
        return self.filter(status=Article.Status.DRAFT)

    def published(self, now=None, language=None):
        """What the public may see: published, the publish time has come, and written in the
        reader's language (the active one, or `language`; `ANY_LANGUAGE` for all of them)."""
        live = self.marked_published().filter(publish_at__lte=now or timezone.now())
        return live if language == ANY_LANGUAGE else live.in_language(language)

    def in_language(self, language=None):
        """Articles written in `language`, by default the active language (the reader's)."""
        return self.filter(language=language or active_language())

    def scheduled(self, now=None):
        """Published, but waiting for a publish time still to come."""
        return self.marked_published().filter(publish_at__gt=now or timezone.now())

    def review_overdue(self, today):
        """Published articles whose medical review date has passed."""
        return self.marked_published().filter(review_due_on__lt=today)

    def review_due_within(self, today, days):
        """Published articles due for review from today to `days` ahead."""
        soon = today + timedelta(days=days)
        return self.marked_published().filter(review_due_on__gte=today, review_due_on__lte=soon)

    def with_open_citation_notices(self):
        """Articles citing a study with an unresolved retraction, correction or concern."""
        # From the few open notices to their studies to their articles, each step a list of
        # ids, so no join lets the database start from the whole library.
        notices = apps.get_model("articles", "CitationNotice").objects.open()
        studies = apps.get_model("articles", "Study").objects.filter(
            pk__in=notices.values("study_id")
        )
        return self.filter(pk__in=studies.values("article_id"))

    def in_topic(self, topic):
        """Articles about `topic`, as a test on each article rather than a join: a list of them,
        newest first, then walks the (status, publish time, id) index and stops when the page
        is full, instead of reading and sorting every article of the topic."""
        links = Article.topics.through.objects.filter(article=models.OuterRef("pk"), topic=topic)
        return self.filter(models.Exists(links))

    def for_cards(self):
        """Just what a list card shows (its picture too), with the author in the same query."""
        return self.select_related("author").only(
            "title", "slug", "language", "summary", "publish_at", "updated_at", "reading_minutes",
            "reviewer", "author__name", "author__slug", "hero_image", "hero_width", "hero_height",
        )  # fmt: skip


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    """Articles without their search columns: only the search backend reads those."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector", "search_words")


class ServiceDisclosure(models.TextChoices):
    FROM_TOPICS = "topics", "Shown when a topic is a treatment the clinic offers"
    SHOWN = "shown", "Always shown"
    HIDDEN = "hidden", "Not shown (the clinic does not offer what the article discusses)"


class Article(ReadingTrailMixin, Translatable, EditTracked):
    """A plain-language summary of published research, written for patients."""

    ServiceDisclosure = ServiceDisclosure

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(
        max_length=200, help_text="The headline, written for patients rather than researchers."
    )
    slug = models.SlugField(
        "address",
        max_length=200,
        db_index=False,  # the (slug, language) unique index serves lookups by address
        help_text="The last part of the page's address, as in /articles/this-part/: lower-case "
        "words joined by hyphens, in the article's language (unique within it). If you change "
        "it once the article is public, the old address sends readers to the new one.",
    )
    summary = models.TextField(
        "summary",
        max_length=600,
        help_text="One short paragraph under the headline; also used in lists and search results.",
    )
    body = MarkdownxField(
        help_text="Markdown. Start sections with “## ”. The preview shows what visitors will see."
    )
    body_html = models.TextField(editable=False, default="")
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)
    search_document = models.TextField(
        editable=False, default="", help_text="Study and topic text, kept current for search."
    )
    # Generated by PostgreSQL, NULL on SQLite (search_columns.py); left out of revisions,
    # dumps and, by the manager, of every query that does not ask for them.
    search_vector = PostgreSQLGeneratedField(
        expression=weighted_vector(),
        output_field=SearchVectorField(),
        db_persist=True,
        serialize=False,
    )
    search_words = PostgreSQLGeneratedField(
        expression=unstemmed_words(),
        output_field=SearchVectorField(),
        db_persist=True,
        serialize=False,
    )
    hero_image = models.ImageField(upload_to="articles/hero/", blank=True)
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Sized on save, renditions made in the background: clinic/authoring/tasks.py.
    responsive_images = {"hero_image": ("hero_width", "hero_height")}
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
    review_interval_months = models.PositiveSmallIntegerField(
        "review again after (months)",
        default=12,
        help_text="How long the review stays current; pre-filled from the clinic profile.",
    )
    review_due_on = models.DateField("next review due", null=True, editable=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    service_disclosure = models.CharField(
        "“This clinic offers this treatment”",
        max_length=10,
        choices=ServiceDisclosure.choices,
        default=ServiceDisclosure.FROM_TOPICS,
        help_text="Shown near the byline and in print. By default it appears when a topic of "
        "the article is a treatment the clinic offers.",
    )
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
    preview_key = models.CharField(
        max_length=43, blank=True, editable=False, help_text="Part of every preview link."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Kept by save(), so the admin's "images without alt text" filter reads no article's text.
    missing_alt_text = models.BooleanField(default=False, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        # Each page reads only what it shows, in the reader's language: the live articles
        # newest first, the newest substantive update (the sitemap's dates), a person's bylines
        # and reviews.
        indexes = [
            models.Index(
                fields=["status", "language", "publish_at", "id"], name="article_public_idx"
            ),
            PostgreSQLGinIndex(fields=["search_vector"], name="article_search_vector_gin"),
            models.Index(fields=["language", "status", "updated_at"], name="article_updated_idx"),
            # Whether an article found by id (a search match, a topic link) is live, and a page
            # of the sitemap with the key of its translations, without reading the rows: on
            # SQLite, their large text would have to be read past first (a sitemap page of
            # 1,000: 13 ms instead of 1).
            models.Index(
                fields=[
                    "id",
                    "status",
                    "publish_at",
                    "language",
                    "updated_at",
                    "slug",
                    "translation_key",
                ],
                name="article_live_idx",
            ),
            # An article's live translations (the language links, the sitemap's alternates)
            # without reading the rows, as article_live_idx.
            models.Index(
                fields=["translation_key", "language", "status", "publish_at", "slug"],
                name="article_family_idx",
            ),
            models.Index(
                fields=["author", "language", "status", "publish_at", "id"],
                name="article_author_idx",
            ),
            # A reviewer's live articles in one language, newest first (their page, the
            # sitemap's dates): without the language, SQLite reads the whole public index
            # instead, looking for the few articles a person reviewed.
            models.Index(
                fields=["reviewer", "language", "status", "publish_at", "id"],
                name="article_reviewer_lang_idx",
            ),
            # The admin: its list of every article newest first, the review worklist and
            # filters, and the images without alt text, each without reading the whole table.
            SQLiteIndex(fields=["publish_at", "id"], name="article_admin_list_idx"),
            *(
                models.Index(fields=[*fields, "publish_at", "id"], name=f"article_{name}_idx")
                for name, fields in [
                    ("review_due", ["status", "review_due_on"]),
                    ("reviewed", ["status", "reviewed_on"]),
                    ("never_reviewed", ["reviewed_on"]),
                    ("missing_alt", ["missing_alt_text"]),
                ]
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "language"],
                name="article_slug_unique_per_language",
                violation_error_message="Another article in this language has this address.",
            ),
            models.UniqueConstraint(
                fields=["translation_key", "language"],
                name="article_one_translation_per_language",
                violation_error_message="This article already has a translation in this language.",
            ),
            # Every language: a translation carries the disclaimer as its original does.
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

    def validate_constraints(self, exclude=None):
        # Each CHECK constraint in Python, not with a query each (the database enforces them).
        validate_constraints_in_python(self, exclude)

    def save(self, *args, **kwargs):
        self.review_due_on = (
            add_months(self.reviewed_on, self.review_interval_months) if self.reviewed_on else None
        )
        self.body_html = render_markdown(self.body)
        self.missing_alt_text = bool(IMAGE_WITHOUT_ALT.search(self.body)) or bool(
            self.hero_image and not self.hero_alt.strip()
        )
        words = len(_WORD.findall(strip_tags(self.body_html))) + len(_WORD.findall(self.summary))
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes"}
        if update_fields is not None and {"body", "hero_image", "hero_alt"} & set(update_fields):
            kwargs["update_fields"] = {*kwargs["update_fields"], "missing_alt_text"}
        if update_fields is not None and {"reviewed_on", "review_interval_months"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "review_due_on"}
        super().save(*args, **kwargs)

    def clean(self):
        # The CHECK constraint is the guarantee; this puts its message on the field.
        if not (self.disclaimer or "").strip():
            raise ValidationError({"disclaimer": DISCLAIMER_REQUIRED})

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_review_overdue(self):
        return self.review_due_on is not None and self.review_due_on < timezone.localdate()

    def offered_treatments(self, topics):
        """The treatments among `topics` (the article's) that the disclosure names; None when
        no disclosure is shown, [] when one is shown without a named treatment."""
        if self.service_disclosure == ServiceDisclosure.HIDDEN:
            return None
        offered = [topic for topic in topics if topic.is_clinic_service]
        if offered or self.service_disclosure == ServiceDisclosure.SHOWN:
            return offered
        return None

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()
