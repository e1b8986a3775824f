import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponsePermanentRedirect
from django.utils import translation

from clinic.domain.models import query_redirect_for, redirect_for
from clinic.domain.models.redirects import QUERY_KEYS
from clinic.domain.redirect_targets import is_safe_redirect
from clinic.seo.links import forget_request, remember_request

from .errors import method_not_allowed

logger = logging.getLogger(__name__)


class LanguageFromPathMiddleware:
    """Activates the page's language from its address alone: `/fr/…` is French, an address
    without a prefix is in the default language.

    Django's LocaleMiddleware also reads the browser's Accept-Language and a cookie, and so
    marks every default-language page `Vary: Accept-Language`; here nothing but the address
    decides, so one address is one page for every reader and every cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Only for this request: whatever runs next on this thread starts from the default.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class CurrentRequestMiddleware:
    """Lets `clinic.seo.links.absolute_url` use this request's host when SITE_URL is unset."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = remember_request(request)
        try:
            return self.get_response(request)
        finally:
            forget_request(token)


class RedirectOn404Middleware:
    """Answers a 404 with a 301 when the path has moved (see `clinic.domain.models.Redirect`),
    and an old site's plain address ("/?p=173", which this site would answer with its home
    page) with a 301 to the article it names."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"GET", "HEAD"} and any(key in request.GET for key in QUERY_KEYS):
            redirect = query_redirect_for(request.path, request.GET)
            if redirect is not None and (answer := self.follow(request, redirect)):
                return answer
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        redirect = redirect_for(request.path)
        query = request.META.get("QUERY_STRING", "")
        return (redirect and self.follow(request, redirect, query)) or response

    def follow(self, request, redirect, query=""):
        """The 301 to `redirect`'s target, or None when it is not safe to send a visitor there."""
        target = redirect.new_path
        external_allowed = redirect.is_external_allowed
        if not is_safe_redirect(target, external_allowed=external_allowed, host=request.get_host()):
            # A row that reached the database without the model's checks: never followed.
            logger.warning("Redirect of %s not followed: unsafe target %r", request.path, target)
            return None
        if query:
            target += ("&" if "?" in target else "?") + query
        return HttpResponsePermanentRedirect(target)


class PermissionsPolicyMiddleware:
    """Tells browsers that no page here may use the camera, microphone, location and the like."""

    policy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class MethodNotAllowedPageMiddleware:
    """Gives Django's empty 405 response (a POST or PUT to a page) the site's friendly page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        return method_not_allowed(request, response.get("Allow", ""))


class RejectNulCharactersMiddleware:
    """Answers 400 to a request with a NUL character in its path or query string.

    No real link contains one, and PostgreSQL refuses NUL in text, so any lookup made with
    such a value would otherwise fail with a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query_string or "\x00" in query_string:
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
