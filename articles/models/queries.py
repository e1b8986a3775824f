"""The article queries every page starts from: what is live, in which language, for whom."""

from datetime import timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from .languages import ANY_LANGUAGE, active_language


class ArticleQuerySet(models.QuerySet):
    def marked_published(self):
        """Set to published, whether or not its time has come: every rule below starts here."""
        return self.filter(status=self.model.Status.PUBLISHED)

    def drafts(self):
        """Not published: nobody but staff sees them, whatever their publish time."""
        return self.filter(status=self.model.Status.DRAFT)

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
        links = self.model.topics.through.objects.filter(article=models.OuterRef("pk"), topic=topic)
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
