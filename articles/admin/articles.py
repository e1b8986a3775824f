import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import DateFieldListFilter
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from modeltranslation.admin import TranslationAdmin

from articles.editorial.gates import may_publish_despite_checks
from articles.models import Article, ArticleChange, Topic, default_language
from articles.previews import PREVIEW_LINK_DAYS, preview_link, revoke_preview_links
from articles.services import (
    PublishRefused,
    publish_article,
    publish_time_on_publishing,
    record_substantive_update,
    restore_article,
    save_article,
    unpublish_article,
)
from clinic.authoring.tasks import picture_versions
from clinic.domain.admin import FORMFIELD_OVERRIDES
from clinic.domain.busy_saves import SaveWhenBusyMixin
from clinic.domain.sitewide import clinic_profile

from .disclaimers import DefaultDisclaimerAdminMixin
from .filters import AltTextFilter, LiveFilter, ReviewFilter, TopicFilter
from .forms import ArticleAdminForm
from .mixins import ContentChecksMixin, ViewCountsMixin
from .pagination import LateRowPaginator
from .revisions import ArticleRevisionAdmin, when
from .search import FullTextSearchMixin
from .studies import StudyFillMixin, StudyInline
from .translations import TranslationAdminMixin


@admin.register(Article)
class ArticleAdmin(
    FullTextSearchMixin,
    TranslationAdminMixin,
    SaveWhenBusyMixin,
    StudyFillMixin,
    DefaultDisclaimerAdminMixin,
    ContentChecksMixin,
    ViewCountsMixin,
    ArticleRevisionAdmin,
):
    form = ArticleAdminForm
    formfield_overrides = FORMFIELD_OVERRIDES
    inlines = [StudyInline]
    # Few, short columns, so that the list fits a 1280 px screen beside its filters.
    list_display = [
        "title", "live_state", "author", "published_on", "review_state", "topic_list"
    ]  # fmt: skip
    # Publish time as a filter rather than a date hierarchy: the hierarchy reads every
    # article's month on each page of the list, the filter asks nothing of the database.
    list_filter = [
        LiveFilter, ReviewFilter, AltTextFilter, "status", ("publish_at", DateFieldListFilter),
        TopicFilter, "author",
    ]  # fmt: skip
    # The byline by a second query of the page's authors (get_queryset), not a join: SQLite
    # would start from the 30 people and sort the whole library to keep a page of it.
    list_select_related = ()
    list_per_page = 50
    paginator = LateRowPaginator
    # "N results" without a second count of the whole library beside it.
    show_full_result_count = False
    # Searched as words of the full-text index (FullTextSearchMixin), not field by field.
    search_fields = ["title", "summary", "body", "studies__title", "studies__journal"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "reviewer"]
    filter_horizontal = ["topics"]
    actions = ["publish_selected", "unpublish_selected", "copy_preview_links", "revoke_previews"]
    readonly_fields = ["updated_at", "review_due_on", "hero_image_versions"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "author", "topics", "service_disclosure"]}),
        (
            "Medical review",
            {"fields": ["reviewer", "reviewed_on", "review_interval_months", "review_due_on"]},
        ),
        ("Publishing", {"fields": ["status", "publish_at", "opened_version"]}),
        (
            "Updates readers should know about",
            {"fields": ["updated_at", "is_substantive_update", "is_correction", "change_note"]},
        ),
        ("Body", {"fields": ["body"]}),
        ("Medical disclaimer", {"fields": ["use_default_disclaimer", "disclaimer"]}),
        (
            "Hero image",
            {"fields": ["hero_image", "hero_image_versions", "hero_alt", "hero_credit"]},
        ),
    ]

    @admin.display(description="Image versions")
    def hero_image_versions(self, obj):
        """Whether the AVIF/WebP copies are made, queued or failed (made in the background)."""
        return picture_versions(obj, "hero_image") if obj and obj.pk else "—"

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/admin-articles.css"]})

    def lookup_allowed(self, lookup, value, request=None):
        # The topic filter's address is the one Django's own filter on `topics` had.
        return lookup == TopicFilter.parameter_name or super().lookup_allowed(
            lookup, value, request
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics", "author")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not may_publish_despite_checks(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": [*options["fields"], "publish_reason"]})
            if name == "Publishing" else (name, options)
            for name, options in fieldsets
        ]  # fmt: skip

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        may_override = may_publish_despite_checks(request.user)
        restore = getattr(request, "_article_restore", None)
        attributes = {
            "user": request.user, "may_override": may_override,
            "content_before": restore.current if restore else None,
        }  # fmt: skip
        return type(form.__name__, (form,), attributes)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        profile = clinic_profile()
        language = initial.get("language") or default_language()
        initial.setdefault("disclaimer", profile.default_disclaimer_in(language))
        initial.setdefault("review_interval_months", profile.review_interval_months)
        return initial

    def has_delete_permission(self, request, obj=None):
        # Published articles are unpublished, not deleted; only a superuser may delete one.
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            return request.user.is_superuser
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # The article is saved in save_related, with its topics and studies, as one write
        # through articles.services: one revision, one search refresh, the publishing checks.
        publishing = (
            obj.status == Article.Status.PUBLISHED
            and form.initial.get("status", Article.Status.DRAFT) != Article.Status.PUBLISHED
        )
        if publishing:
            obj.publish_at = publish_time_on_publishing(
                obj.publish_at, chosen_by_editor="publish_at" in form.changed_data
            )

    def save_related(self, request, form, formsets, change):
        article = form.instance
        changed = set(form.changed_data)
        write = {
            "article": article, "user": request.user, "changed": form.edited_checked_fields,
            "was_published": change and form.initial.get("status") == Article.Status.PUBLISHED,
            "reason": getattr(form, "override_reason", ""),
            "related": lambda: super(ArticleAdmin, self).save_related(
                request, form, formsets, change
            ),
        }  # fmt: skip
        if restore := getattr(request, "_article_restore", None):
            restore_article(restored_from=restore.revision_created_at, **write)
        else:
            save_article(**write)
        if write["reason"]:
            request._publish_override = write["reason"]
        if "status" in changed or "publish_at" in changed:
            self._say_when_it_goes_live(request, article)
        if form.cleaned_data.get("is_substantive_update"):
            correction = form.cleaned_data.get("is_correction")
            record_substantive_update(
                article=article,
                note=form.cleaned_data["change_note"].strip(),
                user=request.user,
                kind=ArticleChange.Kind.CORRECTION if correction else ArticleChange.Kind.UPDATE,
            )
        self.show_content_warnings(request, article, formsets)

    def log_addition(self, request, obj, message):
        return self._with_override_reason(request, super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._with_override_reason(request, super().log_change(request, obj, message))

    def _with_override_reason(self, request, entry):
        # The admin's revision comment is its change message: the reason is added to it.
        if (reason := getattr(request, "_publish_override", "")) and reversion.is_active():
            reversion.set_comment(
                f"{entry.get_change_message()} Published despite the checks. Reason: {reason}"
            )
        return entry

    def _say_when_it_goes_live(self, request, article):
        if article.is_scheduled:
            self.message_user(
                request,
                f"“{article}” is scheduled: it goes live on {when(article.publish_at)} "
                f"({timezone.get_current_timezone_name().split('/')[-1].replace('_', ' ')} time) "
                "and stays hidden until then.",
                messages.SUCCESS,
            )
        elif article.is_live:
            self.message_user(request, f"“{article}” is live for everyone now.", messages.SUCCESS)

    @admin.display(description="Review")
    def review_state(self, article):
        if article.review_due_on is None:
            return "Not reviewed"
        due = f"{article.review_due_on:%Y-%m-%d}"
        return f"Overdue since {due}" if article.is_review_overdue else f"Due {due}"

    @admin.display(description="Status", ordering="status")
    def live_state(self, article):
        if article.is_live:
            return format_html('<span title="{}">Live</span>', "Visible to the public")
        if article.is_scheduled:
            local = timezone.localtime(article.publish_at)
            return f"Scheduled for {local:%Y-%m-%d %H:%M}"
        return "Draft (not public)"

    @admin.display(description="Publish time", ordering="publish_at")
    def published_on(self, article):
        return f"{timezone.localtime(article.publish_at):%Y-%m-%d}"

    @admin.display(description="Topics")
    def topic_list(self, article):
        return ", ".join(topic.name for topic in article.topics.all())

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish_selected(self, request, queryset):
        published = 0
        for article in queryset.select_related("reviewer"):
            try:
                comment = "Published from the list of articles."
                publish_article(article=article, user=request.user, comment=comment)
                published += 1
            except PublishRefused as refusal:
                self.message_user(request, _refusal_message(article, refusal), messages.ERROR)
        if published:
            self.message_user(request, f"Published {published} article(s).", messages.SUCCESS)
        for article in queryset.scheduled():
            self._say_when_it_goes_live(request, article)

    @admin.action(description="Unpublish selected articles", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            comment = "Unpublished from the list of articles."
            unpublish_article(article=article, user=request.user, comment=comment)
        self.message_user(
            request, f"Unpublished {len(queryset)} article(s). Nothing was deleted.", messages.INFO
        )

    @admin.action(description="Copy preview links (valid 7 days)", permissions=["change"])
    def copy_preview_links(self, request, queryset):
        """A page with each draft's preview link in a field to select or copy."""
        links = [
            {
                "article": article,
                "field_id": f"preview-link-{article.pk}",
                "link": "" if article.is_live else preview_link(article, request),
                "public_url": request.build_absolute_uri(article.get_absolute_url()),
            }
            for article in queryset
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Preview links",
            "links": links,
            "days": PREVIEW_LINK_DAYS,
        }
        return TemplateResponse(request, "admin/articles/article/preview_links.html", context)

    @admin.action(description="Revoke preview links", permissions=["change"])
    def revoke_previews(self, request, queryset):
        for article in queryset:
            revoke_preview_links(article)
        self.message_user(
            request, f"Preview links of {len(queryset)} article(s) no longer work.", messages.INFO
        )


def _refusal_message(article, refusal):
    fix = "Open it to fix them"
    if refusal.may_be_overridden:
        fix += " (a Marketing editor may publish it anyway there, giving a reason)"
    return f"“{article}” was not published: {refusal} {fix}."


@admin.register(Topic)
class TopicAdmin(SaveWhenBusyMixin, TranslationAdmin):
    list_display = ["name", "slug", "is_clinic_service", "is_public"]
    list_filter = ["is_clinic_service", "from_import"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(boolean=True, description="on the public site")
    def is_public(self, topic):
        """False for a topic an import created, until it has a description."""
        return topic.is_listed
