"""The glossary in the admin: Marketing keeps the terms that articles explain in place."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from articles.models import GlossaryTerm
from clinic.domain.admin import FORMFIELD_OVERRIDES
from clinic.domain.busy_saves import SaveWhenBusyMixin


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SaveWhenBusyMixin, TranslationAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    list_display = ["term", "also_known_as", "is_marked_in_articles", "updated_at"]
    list_filter = ["is_marked_in_articles"]
    search_fields = ["term", "also_known_as", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    fieldsets = [
        (None, {"fields": ["term", "slug", "also_known_as", "definition"]}),
        ("Source for readers who want more", {"fields": [("source_name", "source_url")]}),
        (
            "In articles",
            {
                "fields": ["is_marked_in_articles"],
                "description": "The first use of the term (or of any other name above) in each "
                "article links to this definition, which also prints as a footnote.",
            },
        ),
    ]
