import logging

from django.core.exceptions import BadRequest
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from clinic.domain.models import find_redirect
from clinic.domain.redirect_targets import is_safe_redirect
from clinic.seo.links import forget_request, remember_request

logger = logging.getLogger(__name__)


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
    """Answers a 404 with a 301 when the path has moved (see `clinic.domain.models.Redirect`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        redirect = find_redirect(request.path)
        if redirect is None:
            return response
        target = redirect.new_path
        external_allowed = redirect.is_external_allowed
        if not is_safe_redirect(target, external_allowed=external_allowed, host=request.get_host()):
            # A row that reached the database without the model's checks: never followed.
            logger.warning("Redirect of %s not followed: unsafe target %r", request.path, target)
            return response
        query = request.META.get("QUERY_STRING", "")
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
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page


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
