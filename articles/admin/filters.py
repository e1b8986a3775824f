"""The article list's filters: visibility, medical review, images without alt text, topic."""

from django.contrib import admin
from django.utils import timezone

from articles.editorial.review import DUE_SOON_DAYS
from articles.models import ANY_LANGUAGE, Topic


class LiveFilter(admin.SimpleListFilter):
    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published(language=ANY_LANGUAGE)
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "draft":
            return queryset.drafts()
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("notice", "A cited study was retracted, corrected or questioned"),
            ("overdue", "Overdue for review"),
            ("soon", f"Due within {DUE_SOON_DAYS} days"),
            ("never", "Never reviewed"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "notice":
            return queryset.with_open_citation_notices()
        if self.value() == "overdue":
            return queryset.review_overdue(today)
        if self.value() == "soon":
            return queryset.review_due_within(today, DUE_SOON_DAYS)
        if self.value() == "never":
            return queryset.filter(reviewed_on__isnull=True)
        return queryset


class AltTextFilter(admin.SimpleListFilter):
    """Articles showing an image with no alt text (imports bring many): each needs one."""

    title = "alt text"
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [("missing", "Images without alt text")]

    def queryset(self, request, queryset):
        if self.value() != "missing":
            return queryset
        # Article.save() keeps the flag (Markdown ![](…), an <img alt="">, a hero image with no
        # alt text), so the filter reads an index rather than every article's body.
        # `IN (true)` rather than the bare column, which SQLite cannot look up in an index.
        return queryset.filter(missing_alt_text__in=[True])


class TopicFilter(admin.SimpleListFilter):
    """Articles about a topic, as a test on each article (`in_topic`) rather than a join that
    may repeat them: the list needs no DISTINCT over every column, and walks its index."""

    title = "topic"
    parameter_name = "topics__id__exact"  # the address Django's own filter gave it

    def lookups(self, request, model_admin):
        return [(str(topic.pk), topic.name) for topic in Topic.objects.order_by("name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.in_topic(int(value))
