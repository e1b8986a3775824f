"""The languages the site is written in, which one a page is in now, and the order of names."""

import unicodedata

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


# Letters a dictionary files as two (French “œuvre” among the “oe”), which Unicode does not
# decompose.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def name_key(text):
    """Sorts names as a dictionary does, in English and French alike: by their letters first,
    accents and case aside (“Émotions” beside “Emotions”, before “Fatigue”, not after “Z”),
    then by accents, then by case (lower case first), so the order never depends on the
    database's collation."""
    decomposed = unicodedata.normalize("NFKD", (text or "").strip().translate(LIGATURES))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (letters.casefold(), decomposed.casefold(), decomposed.swapcase())


def initial_letter(text):
    """The letter a name is filed under: “É” under “E”; "#" for one that starts otherwise."""
    first = name_key(text)[0][:1].upper()
    return first if first.isascii() and first.isalpha() else "#"


def in_name_order(rows, attribute="name"):
    """`rows` sorted by `attribute` as read in the page's language (a topic's French name, or
    its English one where the French is empty): see `name_key`."""
    return sorted(rows, key=lambda row: name_key(getattr(row, attribute)))


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
