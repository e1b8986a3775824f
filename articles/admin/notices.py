"""Citation notices in the admin: what the nightly check found, and resolving it.

Notices are made only by `manage.py check_citations`. Resolving one names the clinician who
re-checked the summary and a note for readers; `resolve_citation_notice` does the rest.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from articles.citations.watch import resolve_citation_notice
from articles.models import CitationNotice


class OpenFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open: needs medical review"), ("resolved", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class ResolveForm(forms.ModelForm):
    class Meta:
        model = CitationNotice
        fields = ["reviewer", "resolution_note"]

    def clean(self):
        cleaned = super().clean()
        note = (cleaned.get("resolution_note") or "").strip()
        if note and not cleaned.get("reviewer"):
            self.add_error("reviewer", "Name the clinician who re-checked the summary.")
        if cleaned.get("reviewer") and not note:
            self.add_error("resolution_note", "Tell readers what the reviewer found or changed.")
        cleaned["resolution_note"] = note
        return cleaned


@admin.register(CitationNotice)
class CitationNoticeAdmin(admin.ModelAdmin):
    form = ResolveForm
    list_display = ["__str__", "article_link", "kind", "notice_date", "state", "found_at"]
    list_filter = [OpenFilter, "kind"]
    list_select_related = ["study__article"]
    search_fields = ["study__title", "study__article__title", "notice_doi"]
    autocomplete_fields = ["reviewer"]
    readonly_fields = [
        "article_link", "study", "kind", "notice_date", "notice_link", "label", "source",
        "found_at", "resolved_at", "resolved_by",
    ]  # fmt: skip
    fieldsets = [
        ("The notice", {"fields": ["article_link", "study", "kind", "notice_date",
                                   "notice_link", "label", "source", "found_at"]}),
        ("Resolution", {
            "fields": ["reviewer", "resolution_note", "resolved_at", "resolved_by"],
            "description": "Once a clinician has re-checked the summary against the notice "
            "(and the article has been changed if need be), name them and write a note for "
            "readers. Saving closes the notice: the note joins the article's change notes and "
            "the corrections log, and the check counts as the article's medical review.",
        }),
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False  # notices come from `manage.py check_citations`

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "reviewer", "resolution_note"] if obj and not obj.is_open else fields

    def save_model(self, request, obj, form, change):
        note = form.cleaned_data.get("resolution_note")
        if not (obj.is_open and note):
            self.message_user(request, "The notice is still open.", messages.WARNING)
            return
        resolve_citation_notice(
            notice=obj, reviewer=form.cleaned_data["reviewer"], note=note, user=request.user
        )
        obj.refresh_from_db()

    @admin.display(description="Article")
    def article_link(self, notice):
        article = notice.study.article
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, article.title)

    @admin.display(description="Notice published", ordering="published_on")
    def notice_date(self, notice):
        return notice.date_text or "Not given"

    @admin.display(description="Notice")
    def notice_link(self, notice):
        if not notice.link:
            return "No link given"
        return format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', notice.link)

    @admin.display(description="Status", ordering="resolved_at")
    def state(self, notice):
        return "Open: needs medical review" if notice.is_open else "Resolved"
