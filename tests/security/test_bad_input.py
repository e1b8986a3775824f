"""Bad input gets a 4xx and the site's own friendly page, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, LocationFactory, PersonFactory, TopicFactory
from tests.security.public_urls import fill, fixture_slug, public_routes

SITE_PAGE = 'class="site-header"'  # every friendly page has the site's header


@pytest.fixture
def site(db):
    """One of everything, so each public route has a real page as well as missing ones."""
    topic = TopicFactory(slug="ptsd")
    article = ArticleFactory(slug="ketamine-and-ptsd")
    article.topics.add(topic)
    PersonFactory(slug="ana-ruiz")
    LocationFactory(slug="downtown")
    return article


def test_every_route_kind_is_covered():
    routes = {route for route, _ in public_routes()}
    assert {"", "articles/<slug:slug>/", "team/<slug:slug>/", "locations/<slug:slug>/"} <= routes


@pytest.mark.parametrize(
    "path",
    [
        "/articles/no-such-article/",
        "/topics/no-such-topic/",
        "/team/nobody/",
        "/locations/nowhere/",
        "/articles/" + "a" * 5000 + "/",
        "/articles/%FF%FE/",
        "/articles/%C3%28/",
        "/team/%ED%A0%80/",
        "/no/such/page/",
        "/articles/ketamine-and-ptsd/extra/",
        "/" + "x" * 3000,
    ],
)
def test_unknown_or_malformed_paths_get_the_friendly_404(site, client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert SITE_PAGE in response.text and "find that page" in response.text


@pytest.mark.parametrize(
    ("path", "query_string"),
    [
        ("/articles/%00/", ""),
        ("/articles/ket%00amine/", ""),
        ("/%00", ""),
        ("/team/ana-ruiz/", "page=%00"),
        ("/articles/", "topic=%00"),
        ("/articles/", "topic=ptsd%00"),
        ("/search/", "q=ptsd%00"),
    ],
)
def test_nul_characters_get_the_friendly_400(site, client, path, query_string):
    """PostgreSQL refuses NUL in text; such a request is refused before any lookup."""
    response = client.get(path, QUERY_STRING=query_string)
    assert response.status_code == 400
    assert SITE_PAGE in response.text


PAGES = ["abc", "-1", "0", "99999999999999999999", "1e3", "1.5", "%00", "%FF", "", "last2", " 1"]


PAGINATED = {
    "articles:list": {},
    "articles:topic-detail": {"slug": "ptsd"},
    "clinic:person-detail": {"slug": "ana-ruiz"},
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("name", sorted(PAGINATED))
def test_bad_page_numbers_never_error(site, client, name, page):
    response = client.get(reverse(name, kwargs=PAGINATED[name]), QUERY_STRING=f"page={page}")
    assert response.status_code in {200, 400, 404}
    assert SITE_PAGE in response.text


@pytest.mark.parametrize(
    "query_string",
    [
        "q=" + "a" * 100_000,
        "page=%00&q=%00",
        "%FF%FE=%FF%FE",
        "q=%C3%28&page=%ED%A0%80",
        "a=" + "%00" * 1000,
        "&&&==&=&",
        "q=<script>alert(1)</script>",
    ],
)
@pytest.mark.parametrize("path", ["/", "/articles/", "/team/", "/locations/"])
def test_giant_or_binary_query_strings_are_ignored_or_refused(site, client, path, query_string):
    response = client.get(path, QUERY_STRING=query_string)
    assert response.status_code < 500
    assert "<script>alert(1)" not in response.text


def test_too_many_query_parameters_get_the_friendly_400(site, client):
    response = client.get("/articles/", QUERY_STRING="&".join(f"p{n}=1" for n in range(1500)))
    assert response.status_code == 400
    assert SITE_PAGE in response.text


@pytest.mark.parametrize("path", ["/", "/articles/", "/articles/ketamine-and-ptsd/", "/team/"])
def test_head_and_options_are_answered(site, client, path):
    assert client.head(path).status_code == 200
    options = client.options(path)
    assert options.status_code == 200 and "GET" in options["Allow"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/", "/articles/ketamine-and-ptsd/", "/locations/downtown/"])
def test_writes_to_public_pages_from_a_browser_get_the_friendly_csrf_page(site, method, path):
    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert response.status_code == 403
    assert SITE_PAGE in response.text and "try again" in response.text


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_with_a_csrf_token_still_get_a_friendly_405(site, client, method):
    response = getattr(client, method)("/articles/")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert SITE_PAGE in response.text


BAD_HOSTS = ["evil.example", "evil.example:8000", "exa mple", "[::1", "a" * 300]


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_host_not_in_allowed_hosts_gets_the_friendly_400(site, client, host):
    response = client.get("/articles/", HTTP_HOST=host)
    assert response.status_code == 400
    assert SITE_PAGE in response.text


def test_real_pages_render_for_every_public_route(site, client):
    """Routes with a slug of ours give 200; others (signed links, say) at least no error."""
    for route, names in public_routes():
        slug = fixture_slug(route)
        path = fill(route, dict.fromkeys(names, slug or "x"))
        status = client.get(path).status_code
        assert status == 200 if slug or not names else status < 500, (path, status)


def test_debug_preview_of_the_404_page_shows_the_page_visitors_get(client, db):
    response = client.get("/404/")  # the test settings run with DEBUG on, like `make run`
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.text and "Traceback" not in response.text
