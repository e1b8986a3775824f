"""The search lists in the admin, where Marketing keeps patients' words: synonym groups (both
ways) and narrower terms (a symptom, event or medicine to the conditions it belongs to)."""

from django.contrib import admin

from articles.models import NarrowerTerm, SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "note"]
    list_filter = ["language"]
    search_fields = ["terms", "note"]
    fields = ["language", "terms", "note"]


@admin.register(NarrowerTerm)
class NarrowerTermAdmin(admin.ModelAdmin):
    list_display = ["term", "broader_terms", "language", "note"]
    list_filter = ["language"]
    search_fields = ["term", "broader", "note"]
    fields = ["language", "term", "broader", "note"]

    @admin.display(description="belongs to", ordering="broader")
    def broader_terms(self, obj):
        return ", ".join(obj.broader_list())
