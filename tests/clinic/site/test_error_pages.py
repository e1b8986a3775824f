"""One error page for every status: each gets its own wording in the site's layout, with the
right status code, whichever way the error arises."""

import pytest
from django.test import Client
from django.urls import reverse

from clinic.domain.roles import FRONT_DESK
from clinic.site import errors
from tests.helpers import staff_in_role

pytestmark = pytest.mark.django_db

HEADER = 'class="site-header"'


def assert_error_page(response, status, key):
    wording = errors.WORDING[key]
    assert response.status_code == status
    page = response.content.decode()
    assert HEADER in page and 'class="site-footer"' in page
    assert f"<h1>{wording.heading}</h1>" in page and str(wording.lede) in page
    assert ('name="robots" content="noindex"' in page) is not wording.indexable
    for other in set(errors.WORDING) - {key}:
        assert str(errors.WORDING[other].heading) not in page
    return page


def test_400_for_a_host_this_site_does_not_serve(client):
    response = client.get("/articles/", HTTP_HOST="evil.example")
    page = assert_error_page(response, 400, 400)
    assert f'<a href="{reverse("articles:home")}">home page</a>' in page


def test_403_for_staff_without_the_permission(client, django_user_model):
    client.force_login(staff_in_role(django_user_model, FRONT_DESK))
    response = client.post(reverse("editor:markdownify"), {"content": "*hi*"})
    page = assert_error_page(response, 403, 403)
    assert "<title>Not available · " in page


def test_403_for_a_form_without_its_csrf_token_says_to_try_again():
    response = Client(enforce_csrf_checks=True).post("/articles/")
    assert_error_page(response, 403, "csrf")


def test_404_for_a_missing_page_may_be_indexed_like_any_404(client):
    page = assert_error_page(client.get("/no/such/page/"), 404, 404)
    assert f'<a href="{reverse("articles:list")}">Browse all research summaries</a>' in page


def test_405_for_a_write_to_a_page_names_what_it_allows(client):
    response = client.post("/articles/")
    assert_error_page(response, 405, 405)
    assert "GET" in response["Allow"]


def test_500_for_an_error_in_a_view(client, settings, monkeypatch):
    settings.DEBUG = False

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("clinic.views.files.absolute_url", broken)
    client.raise_request_exception = False
    page = assert_error_page(client.get("/robots.txt"), 500, 500)
    assert "<title>Sorry, something went wrong · " in page


def test_the_500_page_renders_when_the_database_and_cache_are_what_failed(monkeypatch, rf):
    def down():
        raise RuntimeError("no database")

    monkeypatch.setattr(errors, "site_chrome", down)
    response = errors.server_error(rf.get("/"))
    page = assert_error_page(response, 500, 500)
    assert "<title>Sorry, something went wrong</title>" in page  # no clinic name to add
    assert f'href="{reverse("articles:home")}">' in page  # a way home
