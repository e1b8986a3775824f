"""The public URL space, read from the URLconf, for the bad-input and fuzz tests."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Staff-only routes, and the DEBUG-only preview of the 404 page (a 404 by design).
STAFF_PREFIXES = (settings.ADMIN_URL, "editor/", "404/")


def public_routes():
    """Each public route as (template, parameter names), e.g. ("articles/<slug>/", ["slug"])."""
    return sorted(_walk(get_resolver().url_patterns, prefix=""))


def _walk(patterns, prefix):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(STAFF_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        # The one regular-expression route is DEBUG's media serving, not the site.
        elif isinstance(pattern, URLPattern) and isinstance(pattern.pattern, RoutePattern):
            yield route, list(pattern.pattern.converters)


def fill(route, values):
    """The path for `route` with each <converter:name> replaced by values[name]."""
    path = route
    for name, value in values.items():
        start = path.index("<")
        end = path.index(">", start)
        assert path[start:end].endswith(name)
        path = path[:start] + value + path[end + 1 :]
    return "/" + path


# The slugs the tests' `site` fixtures create, by route prefix.
FIXTURE_SLUGS = {
    "articles/": "ketamine-and-ptsd",
    "topics/": "ptsd",
    "team/": "ana-ruiz",
    "locations/": "downtown",
}


def fixture_slug(route):
    """The fixtures' slug for `route`, or None when they made nothing it can show."""
    return next((slug for prefix, slug in FIXTURE_SLUGS.items() if route.startswith(prefix)), None)
