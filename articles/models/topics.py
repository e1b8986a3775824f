"""Topics: the conditions and treatments articles are about, listed once they have articles."""

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone

from clinic.domain.languages import TranslatedSlugQuerySet

from .languages import ANY_LANGUAGE, active_language, language_codes


def _articles():
    """The Article model (defined beside, and linked to topics by its own field)."""
    return apps.get_model("articles", "Article")


def _live_listing(language):
    """The live articles of the outer query's topic in `language` (the reader's by default;
    `ANY_LANGUAGE` for any), from the topic's listing."""
    listing = apps.get_model("articles", "TopicListing").objects.filter(
        topic=models.OuterRef("pk"),
        status=_articles().Status.PUBLISHED,
        publish_at__lte=timezone.now(),
    )
    # Every language by name, so that each is a seek of the index rather than a walk of the
    # topic's drafts (a status that sorts before "published") in every language.
    languages = language_codes() if language == ANY_LANGUAGE else [language or active_language()]
    return listing.filter(language__in=languages)


class TopicQuerySet(TranslatedSlugQuerySet):
    def listed(self):
        """Topics the public may see: one an import created is hidden until it is described."""
        return self.exclude(from_import=True, description="")

    def with_published_articles(self, language=None):
        """Listed topics with at least one live article in the reader's language (or
        `language`; `ANY_LANGUAGE` for any): one used only by drafts stays unseen.

        A seek per topic in its listing's index (listing.py), which stops at its first live
        article."""
        return self.listed().filter(models.Exists(_live_listing(language)))

    def with_article_languages(self):
        """Listed topics with live articles in any language, each knowing which languages
        (`topic.article_languages`, read by `Topic.article_languages`): a seek per topic
        and language, in the same query."""
        annotations = {
            f"has_articles_{code}": models.Exists(_live_listing(code)) for code in language_codes()
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
