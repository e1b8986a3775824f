"""The clinic's editable wording in each language (django-modeltranslation).

Every field named here gets a column per language in `MODELTRANSLATION_LANGUAGES`
(`name_en`, `name_fr`); the field itself reads the active language's column. A French column
left empty shows the English (`MODELTRANSLATION_FALLBACK_LANGUAGES`), except the default
disclaimer, which never falls back: its French is required, by the admin form and by a
database constraint (ClinicProfile.Meta). Phone numbers, addresses and other facts stay
single: they are the same in every language.
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import ClinicProfile, CrisisLine, Location, LocationException, Person, SiteSettings
from .models.wording_fr import FRENCH_DEFAULTS

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
OTHER_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != "en"]

# Wording a page cannot do without, in every language: no fallback is good enough.
REQUIRED_IN_EVERY_LANGUAGE = ("default_disclaimer", "crisis_line", "urgent_help_intro")
# Never shown in another language's place, even when empty.
NEVER_FALLS_BACK = ("default_disclaimer",)


def required_in_english(model, fields):
    """The fields the English must fill: those the model itself requires."""
    return tuple(name for name in fields if not model._meta.get_field(name).blank)


def starting_wording(model, fields):
    """Each other language's column starts with its own wording, or empty (then the English
    shows), never with a copy of the English default; a field without a default starts empty
    in every language. Empty is "", never NULL (which queries for "" would miss), as in the
    single column."""
    options = {}
    for name in fields:
        if not model._meta.get_field(name).has_default():
            options[name] = {"default": {"default": "", "null": False}}
            continue
        options[name] = {
            DEFAULT_LANGUAGE: {"null": False},
            **{
                code: {
                    "default": FRENCH_DEFAULTS.get(name, "") if code == "fr" else "",
                    "null": False,
                }
                for code in OTHER_LANGUAGES
            },
        }
    return options


class WordingOptions(TranslationOptions):
    # Only an empty column falls back, not one that happens to equal the English default.
    fallback_undefined = ""


PROFILE_FIELDS = (
    "name", "tagline", "about", "default_disclaimer", "previous_default_disclaimer",
    "crisis_line", "study_selection", "funding_statement", "conflicts_statement",
    "home_title", "home_intro", "contact_heading", "contact_text", "footer_note",
    "articles_intro", "topics_intro", "team_intro", "locations_intro", "urgent_help_intro",
)  # fmt: skip


@register(ClinicProfile)
class ClinicProfileTranslation(WordingOptions):
    fields = PROFILE_FIELDS
    required_languages = {
        DEFAULT_LANGUAGE: required_in_english(ClinicProfile, PROFILE_FIELDS),
        "default": REQUIRED_IN_EVERY_LANGUAGE,
    }
    field_options = starting_wording(ClinicProfile, PROFILE_FIELDS)


@register(SiteSettings)
class SiteSettingsTranslation(WordingOptions):
    fields = ()  # the profile's own columns, under their admin page of their own


@register(CrisisLine)
class CrisisLineTranslation(WordingOptions):
    # The region and name as readers look for them; the text word differs by language
    # (Kids Help Phone: CONNECT, Jeunesse, J'écoute: PARLER), and so may the web page.
    fields = ("region", "name", "description", "text_keyword", "url")
    required_languages = {DEFAULT_LANGUAGE: ("region", "name")}
    field_options = starting_wording(CrisisLine, fields)


@register(Person)
class PersonTranslation(WordingOptions):
    fields = ("role_title", "bio", "bio_html")
    field_options = starting_wording(Person, fields)


@register(Location)
class LocationTranslation(WordingOptions):
    fields = ("alternate_phone_label", "accessibility_notes", "parking_notes", "transit_notes")
    field_options = starting_wording(Location, fields)


@register(LocationException)
class LocationExceptionTranslation(WordingOptions):
    fields = ("note",)
    field_options = starting_wording(LocationException, fields)


def _without_fallback(model, names):
    for name in names:
        descriptor = model.__dict__[name]
        descriptor.fallback_languages = {"default": ()}
        descriptor.fallback_value = ""


_without_fallback(ClinicProfile, NEVER_FALLS_BACK)
