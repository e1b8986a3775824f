"""One builder of absolute URLs: SITE_URL when set, otherwise the request's own host."""

import json
import re

import pytest
from defusedxml import ElementTree
from django.urls import reverse

from clinic.seo.links import FALLBACK_SITE_URL, absolute_url
from tests.factories import ArticleFactory
from tests.sitemaps import all_locs

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["clinic.test", "localhost"]
    settings.SITE_URL = ""


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def json_ld_urls(html):
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return re.findall(r'"(https?://[^"]+)"', json.dumps(json.loads(block.group(1))))


def test_without_site_url_canonical_og_and_json_ld_use_the_requests_host_and_port(client, hosts):
    article = ArticleFactory()

    html = client.get(article.get_absolute_url(), HTTP_HOST="localhost:8123").text

    expected = "http://localhost:8123" + article.get_absolute_url()
    assert canonical(html) == expected
    assert f'<meta property="og:url" content="{expected}">' in html
    urls = json_ld_urls(html)
    assert expected in urls
    ours = [url for url in urls if "schema.org" not in url]
    assert all(url.startswith("http://localhost:8123/") for url in ours)


def test_each_host_gets_its_own_cached_page(client, hosts):
    article = ArticleFactory()
    url = article.get_absolute_url()

    client.get(url, HTTP_HOST="clinic.test")
    other = client.get(url, HTTP_HOST="localhost:8123")

    assert canonical(other.text).startswith("http://localhost:8123/")


def test_a_host_not_in_allowed_hosts_is_refused(client, hosts):
    client.raise_request_exception = False
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_with_site_url_every_absolute_url_uses_it(client, settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.SITE_URL = "https://www.clinic.example"
    article = ArticleFactory()
    site = "https://www.clinic.example"

    html = client.get(article.get_absolute_url(), HTTP_HOST="localhost").text
    assert canonical(html) == site + article.get_absolute_url()
    assert all(url.startswith(site) for url in json_ld_urls(html) if "schema.org" not in url)

    sitemap = client.get(reverse("sitemap"), HTTP_HOST="localhost").content
    locs = [loc.text for loc in ElementTree.fromstring(sitemap).iter() if loc.tag.endswith("loc")]
    assert locs and all(loc.startswith(site + "/sitemap-") for loc in locs)
    locs = all_locs(client, HTTP_HOST="localhost")
    assert locs and all(loc.startswith(site + "/") for loc in locs)

    feed = client.get(reverse("articles:feed"), HTTP_HOST="localhost").text
    assert "http://localhost" not in feed
    assert f"<link>{site}{article.get_absolute_url()}</link>" in feed

    robots = client.get(reverse("robots"), HTTP_HOST="localhost").text
    assert f"Sitemap: {site}/sitemap.xml" in robots


def test_outside_a_request_without_site_url_the_development_address_is_used(settings):
    settings.SITE_URL = ""
    assert absolute_url("/team/") == FALLBACK_SITE_URL + "/team/"
    assert absolute_url("https://cdn.example/x.jpg") == "https://cdn.example/x.jpg"
