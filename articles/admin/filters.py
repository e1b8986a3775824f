"""The article list's filters: visibility, medical review and images without alt text."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone

from articles.editorial.review import DUE_SOON_DAYS
from articles.models import ANY_LANGUAGE


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
    NO_ALT = r'!\[\s*\]\(|alt=""'  # Markdown ![](…) or an HTML table's <img alt="">

    def lookups(self, request, model_admin):
        return [("missing", "Images without alt text")]

    def queryset(self, request, queryset):
        if self.value() != "missing":
            return queryset
        hero_without_alt = Q(hero_alt="") & ~Q(hero_image="")
        return queryset.filter(Q(body__regex=self.NO_ALT) | hero_without_alt)
