"""The search synonym list in the admin, where Marketing keeps patients' words."""

from django.contrib import admin

from articles.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    fields = ["terms", "note"]
