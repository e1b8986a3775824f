from django.contrib import admin
from django.db import models
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from .models import ClinicProfile, Person

# Links typed without a scheme are taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {
    models.URLField: {"assume_scheme": "https"},
    MarkdownxField: {"widget": AdminMarkdownxWidget},
}


@admin.register(ClinicProfile)
class ClinicProfileAdmin(admin.ModelAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "tagline", "about"]}),
        ("Contact", {"fields": ["contact_email", "booking_url"]}),
        ("Articles", {"fields": ["default_disclaimer"]}),
    ]

    def has_add_permission(self, request):
        return not ClinicProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    list_display = ["name", "role_title", "credentials"]
    search_fields = ["name", "role_title"]
    prepopulated_fields = {"slug": ["name"]}
