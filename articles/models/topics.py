"""Topics: the conditions and treatments articles are about, listed once they have articles."""

from django.apps import apps
from django.db import models
from django.urls import reverse

from clinic.domain.languages import TranslatedSlugQuerySet

from .languages import ANY_LANGUAGE, language_codes


def _articles():
    """The Article model (defined beside, and linked to topics by its own field)."""
    return apps.get_model("articles", "Article")


class TopicQuerySet(TranslatedSlugQuerySet):
    def listed(self):
        """Topics the public may see: one an import created is hidden until it is described."""
        return self.exclude(from_import=True, description="")

    def with_published_articles(self, language=None):
        """Listed topics with at least one live article in the reader's language (or
        `language`; `ANY_LANGUAGE` for any): one used only by drafts stays unseen.

        A semi-join per topic that stops at its first live article (not a scan of every link)."""
        live = _articles().objects.published(language=language).filter(topics=models.OuterRef("pk"))
        return self.listed().filter(models.Exists(live))

    def with_article_languages(self):
        """Listed topics with live articles in any language, each knowing which languages
        (`topic.article_languages`, read by `Topic.article_languages`): a semi-join per topic
        and language, in the same query."""
        annotations = {
            f"has_articles_{code}": models.Exists(
                _articles().objects.published(language=code).filter(topics=models.OuterRef("pk"))
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
