"""The library's editable wording in each language (django-modeltranslation).

A topic's name, description and address, and a glossary term with its other names and its
definition, get a column per language (`term_en`, `term_fr`); reading the field gives the
active language's, or the English where that is empty. Articles are not translated here:
each language's article is its own row. Search synonyms and narrower terms are not either:
each row belongs to one language (`SynonymGroup.language`), since the words people use in
French are not a translation of the English list.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import GlossaryTerm, Topic


class WordingOptions(TranslationOptions):
    # Only an empty column falls back, not one that happens to equal the English default.
    fallback_undefined = ""


@register(Topic)
class TopicTranslation(WordingOptions):
    fields = ("name", "slug", "description")
    required_languages = {"en": ("name", "slug")}
    # Empty, not NULL, as the single column was (`Topic.objects.listed()` looks for "").
    field_options = {"description": {"default": {"default": "", "null": False}}}
    # Unique in each language: an empty one is stored as NULL, so many can be empty.
    empty_values = {"name": None, "slug": None}


@register(GlossaryTerm)
class GlossaryTermTranslation(WordingOptions):
    # The French term is what French articles are searched for, with its other names.
    fields = ("term", "also_known_as", "definition")
    required_languages = {"en": ("term", "definition")}
    # Unique in each language (ignoring case): an empty one is stored as NULL.
    empty_values = {"term": None}
    field_options = {
        name: {"default": {"default": "", "null": False}}
        for name in ("also_known_as", "definition")
    }
