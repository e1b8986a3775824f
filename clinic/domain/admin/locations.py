"""Locations, with their opening hours and closures: the front desk edits the contact details."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AdminTimeWidget
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from ..busy_saves import SaveWhenBusyMixin
from ..forms import EditVersionFormMixin
from ..models import Location, LocationException, OpeningHours
from ..models.editing import bump_edit_version
from ..roles import CONTACT_DETAIL_FIELDS, edits_contact_details_only
from .fields import FORMFIELD_OVERRIDES


class OpeningHoursFormSet(forms.BaseInlineFormSet):
    """Refuses overlapping intervals on the same weekday, across all rows being saved."""

    def clean(self):
        super().clean()
        by_day = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("opens") or not data.get("closes"):
                continue
            by_day.setdefault(data["weekday"], []).append((data["opens"], data["closes"], form))
        for intervals in by_day.values():
            intervals.sort(key=lambda interval: interval[0])
            for (_, earlier_closes, _), (later_opens, _, form) in zip(
                intervals, intervals[1:], strict=False
            ):
                if later_opens < earlier_closes:
                    form.add_error("opens", "This overlaps another interval on the same day.")


class ClockTimeWidget(AdminTimeWidget):
    """Times as the clinic writes them: 08:30, not 08:30:00."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", **(attrs or {})}, format="%H:%M")


# 24-hour times with or without seconds, and “8:30 am” / “5 pm” as people type them.
TIME_FIELD = {
    "widget": ClockTimeWidget,
    "input_formats": ["%H:%M", "%H:%M:%S", "%H.%M", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p"],
}


class CompactInline(admin.TabularInline):
    """A table on a wide screen; on a phone each row becomes a small labelled card."""

    template = "admin/clinic/location/compact_tabular.html"
    formfield_overrides = {models.TimeField: TIME_FIELD}


class OpeningHoursInline(CompactInline):
    model = OpeningHours
    formset = OpeningHoursFormSet
    extra = 1
    fields = ["weekday", "opens", "closes"]


class LocationExceptionInline(TranslationTabularInline, CompactInline):
    model = LocationException
    extra = 1
    fields = ["date", "is_closed", "opens", "closes", "note"]


class LocationAdminForm(EditVersionFormMixin, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name"]  # the admin's fieldsets name the rest


@admin.register(Location)
class LocationAdmin(SaveWhenBusyMixin, TranslationAdmin):
    form = LocationAdminForm
    formfield_overrides = FORMFIELD_OVERRIDES
    inlines = [OpeningHoursInline, LocationExceptionInline]
    list_display = ["name", "city", "phone", "is_active", "position"]
    list_filter = ["is_active", "city"]
    search_fields = ["name", "city", "street_address"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_active", "position", "opened_version"]}),
        (
            "Contact",
            {
                "fields": [
                    "phone",
                    ("alternate_phone", "alternate_phone_label"),
                    "email",
                    "booking_url",
                ]
            },
        ),
        (
            "Address",
            {"fields": ["street_address", "city", "region", "postal_code", "country"]},
        ),
        ("Map", {"fields": ["map_url", ("latitude", "longitude")]}),
        ("Visiting", {"fields": ["accessibility_notes", "parking_notes", "transit_notes"]}),
        ("Photo", {"fields": ["photo", "photo_alt"]}),
    ]

    class Media:
        css = {"all": ["css/admin-locations.css"]}

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and edits_contact_details_only(request.user):
            # Each wording field in every language (its French beside its English).
            editable = set(self.replace_orig_field([*CONTACT_DETAIL_FIELDS, "opened_version"]))
            shown = self.replace_orig_field(flatten_fieldsets(self.fieldsets))
            return [name for name in shown if name not in editable]
        return super().get_readonly_fields(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and edits_contact_details_only(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        bump_edit_version(obj, request.user)
        super().save_model(request, obj, form, change)
