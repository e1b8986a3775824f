from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from clinic.admin import FORMFIELD_OVERRIDES
from clinic.models import ClinicProfile

from .forms import ArticleAdminForm
from .models import Article, Study, Topic
from .services import publish_article, unpublish_article


class StudyInline(admin.StackedInline):
    model = Study
    formfield_overrides = FORMFIELD_OVERRIDES
    extra = 0
    min_num = 0
    fieldsets = [
        (None, {"fields": ["title", ("journal", "year"), "authors", "design"]}),
        ("Links", {"fields": ["url", ("doi", "pmid")]}),
        (
            "At a glance",
            {"fields": [("studies_pooled", "participants"), "population", "measures"]},
        ),
        (None, {"fields": ["funding_note", "position"]}),
    ]


class LiveFilter(admin.SimpleListFilter):
    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    formfield_overrides = FORMFIELD_OVERRIDES
    inlines = [StudyInline]
    list_display = ["title", "status", "live_state", "author", "publish_at", "topic_list"]
    list_filter = [LiveFilter, "status", "topics", "author"]
    list_select_related = ["author"]
    search_fields = ["title", "dek", "body", "studies__title", "studies__journal"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "reviewer"]
    filter_horizontal = ["topics"]
    actions = ["publish_selected", "unpublish_selected"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "author", "topics"]}),
        ("Medical review", {"fields": ["reviewer", "reviewed_on"]}),
        ("Publishing", {"fields": ["status", "publish_at", "updated_at"]}),
        ("Body", {"fields": ["body"]}),
        ("Medical disclaimer", {"fields": ["disclaimer"]}),
        ("Hero image", {"fields": ["hero_image", "hero_alt", "hero_credit"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("disclaimer", ClinicProfile.load().default_disclaimer)
        return initial

    @admin.display(description="Live?")
    def live_state(self, article):
        if article.is_live:
            return format_html('<span title="{}">Live</span>', "Visible to the public")
        if article.is_scheduled:
            local = timezone.localtime(article.publish_at)
            return f"Scheduled for {local:%Y-%m-%d %H:%M}"
        return "Not public"

    @admin.display(description="Topics")
    def topic_list(self, article):
        return ", ".join(topic.name for topic in article.topics.all())

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish_selected(self, request, queryset):
        for article in queryset:
            publish_article(article=article, user=request.user)
        self.message_user(request, f"Published {len(queryset)} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            unpublish_article(article=article, user=request.user)
        self.message_user(
            request, f"Unpublished {len(queryset)} article(s). Nothing was deleted.", messages.INFO
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
