"""The clinic's own records: its profile and site settings, people, crisis lines, redirects."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from clinic.authoring.tasks import picture_versions

from ..busy_saves import SaveWhenBusyMixin
from ..models import ClinicProfile, CrisisLine, Person, Redirect, SiteSettings
from .fields import FORMFIELD_OVERRIDES

SITE_SETTINGS_PERMISSION = "clinic.change_site_settings"


@admin.register(ClinicProfile)
class ClinicProfileAdmin(SaveWhenBusyMixin, TranslationAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "tagline", "about"]}),
        ("Contact", {"fields": ["contact_email", "booking_url", "profile_links"]}),
        ("Search", {"fields": ["crisis_line"]}),
        ("Articles", {"fields": ["default_disclaimer", "max_reading_grade"]}),
        (
            "Medical review",
            {"fields": ["require_review_before_publishing", "review_interval_months"]},
        ),
        (
            "Editorial policy",
            {
                "fields": ["study_selection", "funding_statement", "conflicts_statement"],
                "description": "The public editorial policy page is written from these, the "
                "review settings above, the treatments marked as offered in Topics, and the "
                "people who write and review articles.",
            },
        ),
    ]

    def has_add_permission(self, request):
        return not ClinicProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.has_new_disclaimer = False
        for language in settings.MODELTRANSLATION_LANGUAGES:  # each its own default
            field = build_localized_fieldname("default_disclaimer", language)
            if change and field in form.changed_data:
                obj.has_new_disclaimer = True
                with translation.override(language):
                    obj.remember_previous_disclaimer(form.initial.get(field))
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        # A new default: offer to bring the articles that carry the old one up to date.
        if getattr(obj, "has_new_disclaimer", False):
            super().response_change(request, obj)  # its "changed successfully" message
            return redirect(reverse("admin:articles_article_apply_default_disclaimer"))
        return super().response_change(request, obj)


class ColourInput(forms.TextInput):
    input_type = "color"


@admin.register(SiteSettings)
class SiteSettingsAdmin(SaveWhenBusyMixin, TranslationAdmin):
    """Brand, wording and booking: for superusers and holders of the site-settings permission."""

    formfield_overrides = FORMFIELD_OVERRIDES
    sentence_fields = {
        "footer_note", "articles_intro", "topics_intro", "team_intro", "locations_intro"
    }  # fmt: skip
    fieldsets = [
        (
            "Brand",
            {
                "fields": ["logo", "brand_color_light", "brand_color_dark", "social_image"],
                "description": "Changes show on the public site as soon as you save.",
            },
        ),
        ("Booking", {"fields": ["booking_url"]}),
        ("Home page", {"fields": ["home_title", "home_intro"]}),
        ("Articles", {"fields": ["contact_heading", "contact_text", "articles_intro"]}),
        ("Other pages", {"fields": ["topics_intro", "team_intro", "locations_intro"]}),
        ("Every page", {"fields": ["footer_note"]}),
        (
            "Urgent help and quick exit",
            {
                "fields": ["urgent_help_intro", "quick_exit_enabled", "quick_exit_url"],
                "description": "The crisis lines themselves are under Clinic › Crisis lines.",
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"brand_color_light", "brand_color_dark"}:
            kwargs["widget"] = ColourInput
        elif (
            getattr(db_field, "translated_field", db_field).name in self.sentence_fields
        ):  # a sentence or two: room to read it whole
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return request.user.has_perm(SITE_SETTINGS_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(SITE_SETTINGS_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(SITE_SETTINGS_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one set of site settings: go straight to it."""
        if not self.has_change_permission(request):
            return super().changelist_view(request, extra_context)
        ClinicProfile.load()
        return redirect(
            reverse("admin:clinic_sitesettings_change", args=[ClinicProfile.SINGLETON_ID])
        )


@admin.register(Person)
class PersonAdmin(SaveWhenBusyMixin, TranslationAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES

    list_display = ["name", "role_title", "credentials", "is_active", "position"]
    readonly_fields = ["photo_versions"]
    list_editable = ["is_active", "position"]
    list_filter = ["is_active"]
    search_fields = ["name", "role_title"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role_title", "credentials", "bio"]}),
        ("Photo", {"fields": ["photo", "photo_versions", "photo_alt", "photo_is_decorative"]}),
        (
            "Professional registration",
            {
                "fields": ["regulator", "registration_number", "register_url"],
                "description": "Leave empty for a collective byline such as “The Clinic Team”.",
            },
        ),
        ("On the team page", {"fields": ["is_active", "position"]}),
    ]

    @admin.display(description="Photo versions")
    def photo_versions(self, obj):
        """Whether the AVIF/WebP copies are made, queued or failed (made in the background)."""
        return picture_versions(obj, "photo") if obj and obj.pk else "—"


@admin.register(CrisisLine)
class CrisisLineAdmin(SaveWhenBusyMixin, TranslationAdmin):
    """The lines on the urgent-help page, by region (Marketing and superusers)."""

    formfield_overrides = FORMFIELD_OVERRIDES
    list_display = ["name", "region", "phone", "text_number", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["region", "is_active"]
    search_fields = ["name", "region", "phone"]
    fieldsets = [
        (None, {"fields": ["region", "name", "description"]}),
        (
            "How to reach it",
            {
                "fields": ["phone", ("text_number", "text_keyword"), "url"],
                "description": "Check each number before you save: readers will call it.",
            },
        ),
        ("On the page", {"fields": ["is_active", "position"]}),
    ]


@admin.register(Redirect)
class RedirectAdmin(SaveWhenBusyMixin, admin.ModelAdmin):
    list_display = ["old_path", "new_path", "is_active", "is_external_allowed", "created_at"]
    list_filter = ["is_active", "is_external_allowed"]
    search_fields = ["old_path", "new_path"]
    fields = ["old_path", "new_path", "is_active", "is_external_allowed"]

    def get_readonly_fields(self, request, obj=None):
        """Only superusers may send visitors to another site, or change where such a redirect
        leads."""
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        if obj is not None and obj.is_external_allowed:
            return ["new_path", "is_external_allowed"]
        return ["is_external_allowed"]
