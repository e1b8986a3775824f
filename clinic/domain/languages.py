"""The languages the site is written in, and which one a page is in now."""

from django.conf import settings
from django.db import models
from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname, get_language


def site_languages():
    """[(code, name)] of the languages readers can choose (settings.LANGUAGES)."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def language_codes():
    """The codes of the site's languages, the default first."""
    return [code for code, _ in settings.LANGUAGES]


def supported(code):
    """`code` as one of the site's languages ("fr-ca" → "fr"), or None."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return None


def default_language():
    """The language of originals and of addresses without a prefix: LANGUAGE_CODE's own code
    in LANGUAGES ("en-ca" → "en")."""
    return supported(settings.LANGUAGE_CODE) or language_codes()[0]


def active_language():
    """The page's language, as one of the site's codes: “fr-ca” reads as “fr”; one the site
    does not offer reads as the default."""
    return supported(translation.get_language()) or default_language()


def language_name(code):
    """The language's own name as settings.LANGUAGES gives it (“Français”), else the code."""
    return str(dict(settings.LANGUAGES).get(code, code))


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
