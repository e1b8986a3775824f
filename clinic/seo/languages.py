"""The site's languages: the page's own, its address in the others, and the tags that say so.

The default language (the first of settings.LANGUAGES) has addresses without a prefix; the
others live under `/fr/`, `/es/`… A page's language comes from its address alone
(`clinic.site.middleware.LanguageFromPathMiddleware`).

Every page links to itself in the other languages (the switcher) and, where it has them, names
its translations for search engines (`<link rel="alternate" hreflang>`). A view says what its
translations are in `page_translations`, {language: path or None}: None when the page has no
version in that language (the switcher then goes to the “not yet translated” page); a language
it leaves out gets the same page's address in that language (`translate_url`).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from clinic.domain.languages import active_language, language_codes, language_name  # noqa: F401

from .links import absolute_url, canonical_url


def language_tag(code=None):
    """BCP 47 tag for <html lang>, hreflang and JSON-LD: `fr-CA` (settings.LANGUAGE_REGION)."""
    code = code or active_language()
    return f"{code}-{settings.LANGUAGE_REGION}" if settings.LANGUAGE_REGION else code


def og_locale(code=None):
    """Open Graph's form of the tag: `fr_CA`."""
    return language_tag(code).replace("-", "_")


def in_language(code):
    """“in French”, “en anglais”: the language named as a sentence ends with it."""
    phrases = {"en": _("in English"), "fr": _("in French"), "es": _("in Spanish")}
    if code in phrases:
        return phrases[code]
    return _("in %(language)s") % {"language": translation.get_language_info(code)["name_local"]}


def home_path(code):
    with translation.override(code):
        return reverse("articles:home")


def untranslated_path(code, original):
    """The “not yet available in <language>” page that links to `original` (a path)."""
    with translation.override(code):
        return reverse("clinic:not-translated") + "?" + urlencode({"from": original})


def same_page(path, code):
    """`path` (with its query) in language `code`, or None when the site has no such page."""
    try:
        resolve(path.partition("?")[0])
    except Resolver404:
        return None
    return translate_url(path, code)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    tag: str
    url: str
    is_translated: bool


@dataclass(frozen=True)
class PageLanguages:
    """What the page's head and its switcher say about languages."""

    code: str
    tag: str
    locale: str
    others: list  # LanguageLink for each other language, in settings order
    alternates: list  # (hreflang, absolute URL), with x-default, or [] when there are none


def page_languages(request, translations=None, *, alternates=True):
    """The page's language, its links to the other languages and its hreflang alternates.

    `translations` is the view's `page_translations`; see the module docstring.
    """
    current = active_language()
    translations = dict(translations or {})
    full_path = request.get_full_path() if request is not None else "/"
    exists = request is not None and same_page(request.path, current) is not None
    others, versions = [], {current: request.path if request is not None else "/"}
    for code in language_codes():
        if code == current:
            continue
        if code in translations:
            target, versions[code] = translations[code], translations[code]
        elif exists:  # the same page, its query kept (a search stays the same search)
            target, versions[code] = same_page(full_path, code), same_page(request.path, code)
        else:  # an address this site does not have (the 404 page): the language's home page
            target, versions[code] = home_path(code), None
        url = target or untranslated_path(code, request.path if request is not None else "/")
        link = LanguageLink(code, language_name(code), language_tag(code), url, bool(target))
        others.append(link)
    return PageLanguages(
        code=current,
        tag=language_tag(current),
        locale=og_locale(current),
        others=others,
        alternates=_alternates(request, versions) if alternates and exists else [],
    )


def _alternates(request, versions):
    """hreflang links for every language the page exists in, each with the page number the
    canonical URL keeps, and x-default for the default language's version."""
    found = {code: path for code, path in versions.items() if path}
    if len(found) < 2:
        return []
    suffix = canonical_url(request).removeprefix(absolute_url(request.path, request))
    links = [
        (language_tag(code), absolute_url(found[code]) + suffix)
        for code in language_codes()
        if code in found
    ]
    if settings.LANGUAGE_CODE in found:
        links.append(("x-default", absolute_url(found[settings.LANGUAGE_CODE]) + suffix))
    return links
