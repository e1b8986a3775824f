"""The pages a visitor sees when a request goes wrong: 400, 403 (and a refused form), 404, 405
and 500, all one template (`templates/error.html`) in the site's layout, with the wording of
each status given here.

The 500 page is rendered without the request's context (whatever failed may be the database):
the header and footer come from the cached chrome when it can be read, else from nothing.
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from clinic.branding.brand import brand_for
from clinic.domain.models import ClinicProfile
from clinic.domain.sitewide import site_chrome
from clinic.seo.languages import active_language, home_path, language_codes

from .context_processors import MENU

# The advice's links: {home} is the home page, {articles} the list of research summaries.
HOME_OR_ARTICLES = _(
    '<a href="{articles}">Browse all research summaries</a> or go to the '
    '<a href="{home}">home page</a>.'
)


@dataclass(frozen=True)
class Wording:
    title: str
    heading: str
    lede: str
    advice: str  # HTML with {home} and {articles} placeholders
    indexable: bool = False


WORDING = {
    400: Wording(
        _("Something went wrong with that request"),
        _("We couldn’t understand that request"),
        _("The address or the information sent with it wasn’t in a form this site can read."),
        _(
            'Check the address, or go to the <a href="{home}">home page</a> and follow the links '
            "from there."
        ),
    ),
    403: Wording(
        _("Not available"),
        _("This page isn’t available to you"),
        _("You don’t have permission to see it."),
        HOME_OR_ARTICLES,
    ),
    "csrf": Wording(
        _("Please try again"),
        _("Please go back and try again"),
        _("The form you sent had expired or came from another site, so nothing was saved."),
        _(
            "Go back, reload the page, and send it again. If this keeps happening, make sure your "
            "browser accepts cookies from this site."
        ),
    ),
    404: Wording(
        _("Page not found"),
        _("We couldn’t find that page"),
        _("The address may be mistyped, or the page may have moved."),
        HOME_OR_ARTICLES,
        indexable=True,  # as before: a 404 needs no robots tag to stay out of an index
    ),
    405: Wording(
        _("Page can’t do that"),
        _("This page can only be read"),
        _("Nothing can be sent to this address."),
        _(
            'Go to the <a href="{home}">home page</a> or '
            '<a href="{articles}">browse all research summaries</a>.'
        ),
    ),
    500: Wording(
        _("Sorry, something went wrong"),
        _("Sorry, something went wrong on our side"),
        _("The problem has been logged. Please try again in a few minutes."),
        _(
            'If you need to reach the clinic now, go back to the <a href="{home}">home page</a> '
            "for our phone numbers."
        ),
    ),
}


def error_context(key):
    wording = WORDING[key]
    links = {"home": reverse("articles:home"), "articles": reverse("articles:list")}
    advice = str(wording.advice)
    advice = format_html(advice, **links) if "{" in advice else advice
    return {"error": wording, "advice": advice}


def error_page(request, key, status):
    """An error page in the request's language; its language switcher goes to each other
    language's home page, never to the same address there (which may well be missing too)."""
    current = active_language()
    homes = {code: home_path(code) for code in language_codes() if code != current}
    context = error_context(key) | {"page_translations": homes, "page_alternates": False}
    return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return error_page(request, 400, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403, 403)


def csrf_failure(request, reason=""):
    return error_page(request, "csrf", 403)


def page_not_found(request, exception=None):
    return error_page(request, 404, 404)


def method_not_allowed(request, allowed=""):
    response = error_page(request, 405, 405)
    response["Allow"] = allowed
    return response


def server_error(request=None):
    """The 500 page, from nothing that may have failed: no context processors, and the
    header and footer only if the cached chrome can still be read."""
    try:
        chrome = site_chrome()
    except Exception:  # noqa: BLE001 - the database or the cache may be what failed
        nameless = ClinicProfile(name="")  # not saved: the default colours, no name
        chrome = {"clinic": nameless, "locations": [], "brand": brand_for(nameless),
                  "unknown": True}  # fmt: skip
    context = error_context(500) | {
        "clinic_unknown": chrome.get("unknown", False),
        "clinic": chrome["clinic"],
        "site_locations": chrome["locations"],
        "brand": chrome["brand"],
        "menu": MENU,
    }
    return HttpResponse(render_to_string("error.html", context), status=500)
