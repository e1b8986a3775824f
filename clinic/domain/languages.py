"""The languages the site is written in, and which one a page is in now."""

from django.conf import settings
from django.db import models
from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname, get_language


def site_languages():
    """[(code, name)] of the languages readers can choose (settings.LANGUAGES)."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def content_language():
    """The active language as one of `settings.LANGUAGES`' codes: “fr-ca” reads as “fr”;
    one the site does not offer reads as the first it does."""
    codes = [code for code, _ in settings.LANGUAGES]
    active = translation.get_language() or settings.LANGUAGE_CODE
    for code in (active, active.split("-")[0]):
        if code in codes:
            return code
    return codes[0]


class TranslatedSlugQuerySet(models.QuerySet):
    """For a model whose `slug` has a column per language (clinic.domain.translation)."""

    def with_slug(self, slug):
        """The rows at this address in the page's language: their own slug there
        (`slug_fr`), or the English one when they have none in that language, as their links
        are then written."""
        language = get_language()
        own = build_localized_fieldname("slug", language)
        if language == mt_settings.DEFAULT_LANGUAGE:
            return self.filter(**{own: slug})
        english = build_localized_fieldname("slug", mt_settings.DEFAULT_LANGUAGE)
        untranslated = models.Q(**{f"{own}__isnull": True}) | models.Q(**{own: ""})
        return self.filter(models.Q(**{own: slug}) | (untranslated & models.Q(**{english: slug})))
