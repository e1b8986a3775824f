"""With SITE_URL unset, every address in every public page's JSON-LD is absolute, on the
request's own host: schema.org consumers reject relative @ids and urls."""

import re

import pytest
from django.core.files.base import ContentFile

from articles.models import Article, Topic
from clinic.domain.models import ClinicProfile, Location, Person
from tests.clinic.seo.site import Head, build_site, png
from tests.public_pages import html_pages, page_url

HOST = "clinic.test:8123"
ORIGIN = f"http://{HOST}/"
# Properties whose values are addresses (schema.org: URL-typed, or an @id).
ADDRESS_KEYS = {"@id", "url", "logo", "image", "sameAs", "item", "target", "publishingPrinciples"}
ADDRESS_KEYS |= {"inDefinedTermSet", "contentUrl", "thumbnailUrl", "mainEntityOfPage"}
ABSOLUTE = re.compile(r"^https?://[^/\s]+/")


@pytest.fixture
def site(db, settings, tmp_path):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["clinic.test"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAGE_CACHE_SECONDS = 0
    build_site()
    profile = ClinicProfile.load()
    profile.logo.save("logo.png", ContentFile(png(600, 200)), save=True)
    return {
        "article": Article.objects.get(slug="ketamine-and-ptsd"),
        "topic": Topic.objects.get(slug="ptsd"),
        "person": Person.objects.get(slug="ana-ruiz"),
        "location": Location.objects.get(slug="downtown"),
    }


def addresses(value, key=None):
    """Every (property, value) pair of `value` whose property holds an address."""
    if isinstance(value, list):
        for item in value:
            yield from addresses(item, key)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from addresses(item, name)
    elif key in ADDRESS_KEYS and isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("page", html_pages(), ids=lambda page: page.name)
def test_every_address_in_the_json_ld_is_absolute_on_the_requests_host(client, site, page):
    client.raise_request_exception = False
    response = client.get(page_url(page, site), HTTP_HOST=HOST)
    assert response.status_code == page.status

    documents = Head(response.text).jsonld
    found = list(addresses(documents))
    assert found or page.status == 404, "every page but the 404 page has its JSON-LD"

    assert not [(key, url) for key, url in found if not ABSOLUTE.match(url)]
    # Our own nodes are on the request's host; other sites' addresses (profiles, registers,
    # booking, schema.org's day names) pass as they are.
    ids = [url for key, url in found if key == "@id"]
    assert all(url.startswith(ORIGIN) for url in ids), ids


def test_the_clinic_and_website_nodes_name_the_requests_host(client, site):
    graph = Head(client.get("/", HTTP_HOST=HOST).text).graph()
    nodes = {node["@type"]: node for node in graph}

    clinic, website = nodes["MedicalOrganization"], nodes["WebSite"]
    assert (clinic["@id"], clinic["url"]) == (ORIGIN + "#organization", ORIGIN)
    assert (website["@id"], website["url"]) == (ORIGIN + "#website", ORIGIN)
    assert website["publisher"] == {"@id": ORIGIN + "#organization"}
    assert clinic["logo"]["url"].startswith(ORIGIN + "media/")
