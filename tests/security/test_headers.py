"""Security headers on every response, and no cookies for visitors."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, LocationFactory, PersonFactory, TopicFactory
from tests.security.public_urls import fill, fixture_slug, public_routes


@pytest.fixture
def site(db):
    topic = TopicFactory(slug="ptsd")
    ArticleFactory(slug="ketamine-and-ptsd").topics.add(topic)
    PersonFactory(slug="ana-ruiz")
    LocationFactory(slug="downtown")


def public_paths():
    return [
        fill(route, dict.fromkeys(names, fixture_slug(route) or "x"))
        for route, names in public_routes()
    ]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def responses(client):
    """Every public page, a 404, a 400 (bad host) and a 403 (CSRF failure)."""
    for path in public_paths():
        yield path, client.get(path)
    yield "404", client.get("/no-such-page/")
    yield "400", client.get("/", HTTP_HOST="evil.example")
    yield "403", Client(enforce_csrf_checks=True).post("/articles/")


def test_every_response_has_a_strict_content_security_policy(site, client):
    for label, response in responses(client):
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], label
        # Exactly 'self': no inline script at all, and no nonce either, because a page from
        # the public page cache would hand every visitor the same one.
        assert policy["script-src"] == ["'self'"], label
        assert "'unsafe-inline'" not in policy["style-src"], label
        assert policy["frame-ancestors"] == ["'none'"], label
        assert policy["object-src"] == ["'none'"], label
        assert policy["base-uri"] == ["'self'"], label
        assert policy["img-src"] == ["'self'"], "no third-party images or tracking pixels"


def test_every_response_has_the_other_security_headers(site, client):
    for label, response in responses(client):
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", label
        assert response["X-Content-Type-Options"] == "nosniff", label
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", label
        assert response["X-Frame-Options"] == "DENY", label
        permissions = response["Permissions-Policy"]
        for feature in ["camera=()", "microphone=()", "geolocation=()"]:
            assert feature in permissions, label
        assert "Server" not in response, label


def test_nonces_differ_between_responses(rf):
    from csp.middleware import CSPMiddleware

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    middleware = CSPMiddleware(view)
    first, second = (middleware(rf.get("/")) for _ in range(2))
    nonce = directives(first)["script-src"][1]
    assert nonce.startswith("'nonce-") and nonce[7:-1] in first.text
    assert directives(second)["script-src"][1] != nonce


def test_admin_pages_get_the_same_strict_policy(admin_client):
    for name in ["admin:index", "admin:articles_article_add", "admin:login"]:
        policy = directives(admin_client.get(reverse(name)))
        assert policy["script-src"][0] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
        assert policy["frame-ancestors"] == ["'none'"]


def test_public_pages_set_no_cookies_for_visitors(site, client):
    for label, response in responses(client):
        assert response.cookies == {}, (label, response.cookies)
        assert "Set-Cookie" not in response, label


def test_public_pages_load_nothing_from_other_sites(site, client):
    for path in public_paths():
        response = client.get(path)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.text
        for marker in ['src="http', "src='http", 'src="//', 'href="//', "@import", "fonts.g"]:
            assert marker not in html, (path, marker)
        for tag in ['<link rel="stylesheet" href="http', '<link rel="preconnect"']:
            assert tag not in html, (path, tag)
