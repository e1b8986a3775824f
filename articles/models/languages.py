"""The languages articles are written in: the codes of settings.LANGUAGES, the first the default.

The active language (`django.utils.translation`) may be a regional variant ("en-ca", from
LANGUAGE_CODE, or "fr-ca" from a browser); an article's language is always one of the codes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from clinic.domain.languages import (  # noqa: F401  (the articles' names for them)
    active_language,
    default_language,
    language_codes,
    language_name,
    supported,
)

# `Article.objects.published(language=ANY_LANGUAGE)`: live articles in every language.
ANY_LANGUAGE = "*"


def language_choices():
    return list(settings.LANGUAGES)


def validate_language(code):
    if code not in language_codes():
        raise ValidationError(
            "“%(code)s” is not one of the site's languages.", params={"code": code}, code="invalid"
        )
