"""The shared list of public page types covers every public route."""

from django.urls import resolve

from tests.public_pages import NOT_PAGES, PAGE_TYPES
from tests.security.public_urls import fill, public_routes


def _url_name(route, converters):
    match = resolve(fill(route, {name: "x1" for name in converters}).replace("x1.gif", "1.gif"))
    return match.view_name


def test_every_public_route_is_a_listed_page_type_or_named_as_not_a_page():
    listed = {page.url_name for page in PAGE_TYPES} | set(NOT_PAGES)
    routes = {route: _url_name(route, converters) for route, converters in public_routes()}
    assert {route: name for route, name in routes.items() if name not in listed} == {}
