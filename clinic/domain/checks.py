"""System checks on the languages the site offers and those its wording is kept in."""

from django.conf import settings
from django.core import checks


@checks.register()
def every_language_has_its_wording(app_configs=None, **kwargs):
    """A language readers may choose needs columns for the clinic's wording: without them its
    pages would show the English disclaimer, which must never stand in for another language's.
    """
    if not settings.is_overridden("LANGUAGES"):
        return []
    wording = set(settings.MODELTRANSLATION_LANGUAGES)
    missing = [code for code, _ in settings.LANGUAGES if code.split("-")[0] not in wording]
    if not missing:
        return []
    return [
        checks.Error(
            f"LANGUAGES offers {', '.join(missing)}, but the clinic's wording (disclaimer, "
            "crisis lines, site settings) has no columns for it.",
            hint="Add the language to MODELTRANSLATION_LANGUAGES in clinic/config/settings.py, "
            "run `manage.py makemigrations`, and write its disclaimer in the admin "
            "(docs/editors.md, “Wording in French”).",
            id="clinic.E010",
        )
    ]
