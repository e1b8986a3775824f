"""The article form's language fields: the language, and which original it translates.

The original is named by its address (its slug in the default language), not chosen from a
list of every article: the change page stays as light with 20,000 articles as with 20.
"""

import uuid

from django import forms
from django.utils import timezone

from articles.models import Article, default_language
from articles.models.languages import language_choices, language_name
from articles.translating import latest_version


class TranslationFormMixin:
    """Checks and applies the language and “translation of” fields (see `translation_form`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            self.fields["language"].widget = forms.Select(choices=language_choices())
            # A form posted without it (a script, an older page) keeps the article's language.
            self.fields["language"].required = False
        instance = self.instance
        if instance.pk and not instance.is_original and "translation_of" in self.fields:
            original = instance.original()
            self.fields["translation_of"].initial = original.slug if original else ""

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean(self):
        cleaned = super().clean()
        if "language" not in cleaned or "translation_of" not in self.fields:
            return cleaned
        language, wanted = cleaned["language"], (cleaned.get("translation_of") or "").strip()
        key = self._translation_key(language, wanted)
        if key is None:
            return cleaned
        taken = Article.objects.filter(translation_key=key, language=language)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if other := taken.only("title").first():
            self.add_error(
                "language",
                f"This article already has a {language_name(language)} version: “{other}”.",
            )
        elif key != self.instance.translation_key:
            self._link(key, language)
        return cleaned

    def _translation_key(self, language, wanted):
        """The translation key the article will have (None once an error is added)."""
        instance, default = self.instance, default_language()
        if not wanted:
            if language != default and instance.pk and not instance.is_original:
                return uuid.uuid4()  # unlinked: a translation of nothing any more
            return instance.translation_key
        if language == default:
            self.add_error(
                "translation_of",
                f"An article in {language_name(default)} is an original: leave this empty, or "
                "choose the language it is written in.",
            )
            return None
        original = Article.objects.filter(language=default, slug=wanted).first()
        if original is None:
            self.add_error(
                "translation_of",
                f"No {language_name(default)} article has the address “{wanted}”.",
            )
            return None
        self._original = original
        return original.translation_key

    def _link(self, key, language):
        self.instance.translation_key = key
        original = getattr(self, "_original", None)
        self.instance.source_version = latest_version(original) if original else None
        self.instance.source_synced_at = timezone.now() if original else None


def translation_form(form_class):
    """`form_class` with the “translation of” field and its checks."""
    field = forms.CharField(
        label="Translation of",
        required=False,
        max_length=200,
        help_text=f"For a translation: the address of the {language_name(default_language())} "
        "original, as in /articles/this-part/. Empty for an original.",
    )
    return type(form_class.__name__, (TranslationFormMixin, form_class), {"translation_of": field})
