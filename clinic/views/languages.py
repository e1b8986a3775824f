"""The “not yet available in French” page: where the language switcher goes from a page that
has no version in the other language, with a link to the page in the language it exists in."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from clinic.seo.languages import active_language, language_tag

MAX_PATH_LENGTH = 2000


def in_language(code):
    """“in French”, “en anglais”: the language named as a sentence ends with it."""
    phrases = {"en": _("in English"), "fr": _("in French"), "es": _("in Spanish")}
    if code in phrases:
        return phrases[code]
    return _("in %(language)s") % {"language": translation.get_language_info(code)["name_local"]}


def original_page(path):
    """(language, path) of the page `path` names on this site, or Http404 for anything else."""
    if not path.startswith("/") or path.startswith("//") or len(path) > MAX_PATH_LENGTH:
        raise Http404("Not a page of this site.")
    if "\\" in path or "?" in path or "#" in path:
        raise Http404("Not a page of this site.")
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404 as error:
            raise Http404("Not a page of this site.") from error
    if match.view_name == "clinic:not-translated" or language == active_language():
        raise Http404("That page is in this language already.")
    return language, path


class NotTranslatedView(TemplateView):
    template_name = "clinic/not_translated.html"

    def get_context_data(self, **kwargs):
        language, path = original_page(self.request.GET.get("from", ""))
        return super().get_context_data(
            original_url=path,
            original_tag=language_tag(language),
            in_this_language=in_language(active_language()),
            in_original_language=in_language(language),
            page_translations={language: path},
            page_alternates=False,
            **kwargs,
        )
