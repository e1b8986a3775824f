"""The languages articles are written in: the codes of settings.LANGUAGES, the first the default.

The active language (`django.utils.translation`) may be a regional variant ("en-ca", from
LANGUAGE_CODE, or "fr-ca" from a browser); an article's language is always one of the codes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

# `Article.objects.published(language=ANY_LANGUAGE)`: live articles in every language.
ANY_LANGUAGE = "*"


def language_codes():
    """The codes of the site's languages, the default first."""
    return [code for code, _ in settings.LANGUAGES]


def default_language():
    """The language of originals: LANGUAGE_CODE's own code in LANGUAGES ("en-ca" → "en")."""
    return supported(settings.LANGUAGE_CODE) or language_codes()[0]


def supported(code):
    """`code` as one of the site's languages ("fr-ca" → "fr"), or None."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return None


def active_language():
    """The reader's language: the active one, as one of the site's languages."""
    return supported(translation.get_language()) or default_language()


def language_name(code):
    """The language's own name as settings.LANGUAGES gives it ("Français"), else the code."""
    return dict(settings.LANGUAGES).get(code, code)


def language_choices():
    return list(settings.LANGUAGES)


def validate_language(code):
    if code not in language_codes():
        raise ValidationError(
            "“%(code)s” is not one of the site's languages.", params={"code": code}, code="invalid"
        )
