"""The “not yet available in French” page: where the language switcher goes from a page that
has no version in the other language, with a link to the page in the language it exists in."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import web_page
from clinic.seo.languages import (
    active_language,
    home_path,
    in_language,
    language_codes,
    language_tag,
)
from clinic.seo.meta import page_meta
from clinic.seo.mixin import PageMetadataMixin

MAX_PATH_LENGTH = 2000


def original_page(path):
    """The language of the page `path` names on this site, in another language than this
    page's; Http404 for anything else."""
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
    return language


class NotTranslatedView(PageMetadataMixin, TemplateView):
    """`?from=<path>` names the page that has no version in this page's language."""

    template_name = "clinic/not_translated.html"

    def get_context_data(self, **kwargs):
        path = self.request.GET.get("from")
        context = {"in_this_language": in_language(active_language()), "page_alternates": False}
        if path is None:  # no page named: the other languages' home pages
            others = [code for code in language_codes() if code != active_language()]
            context["page_translations"] = {code: home_path(code) for code in others}
        else:
            language = original_page(path)
            context |= {
                "original_url": path,
                "original_tag": language_tag(language),
                "in_original_language": in_language(language),
                "page_translations": {language: path},
            }
        return super().get_context_data(**context, **kwargs)

    def get_page_meta(self, context):
        title = _("Not yet available %(in_this_language)s") % context
        return page_meta(clinic_profile(), title=title, description=title)

    def get_page_node(self, context):
        meta = context["page_meta"]
        return web_page("WebPage", url=self.page_url(), name=meta.title)
