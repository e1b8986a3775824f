"""Every public page's <head>: its own title and description, a preview image, article times."""

import re
from datetime import datetime
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings

from tests.clinic.seo.site import LONG_SUMMARY, Head

OPEN_GRAPH = ["og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:type"]
ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def heads(site, fetch):
    return {kind: Head(fetch(path).text) for kind, path in site.items()}


@pytest.mark.django_db
def test_every_page_has_open_graph_and_twitter_tags(site, fetch):
    for kind, head in heads(site, fetch).items():
        for key in [*OPEN_GRAPH, "description", "twitter:card", "twitter:title"]:
            assert head.one(key).strip(), (kind, key)
        assert head.one("og:url") == settings.SITE_URL + site[kind].split("?")[0], kind
        assert head.one("og:image").startswith(("http://", "https://")), kind
        assert head.one("twitter:card") == "summary_large_image"


@pytest.mark.django_db
def test_titles_and_descriptions_are_each_pages_own(site, fetch):
    pages = heads(site, fetch)
    pages.pop("search-results")  # the same page as the search form, with results
    titles = {kind: head.one("og:title") for kind, head in pages.items()}
    descriptions = {kind: head.one("description") for kind, head in pages.items()}
    assert len(set(titles.values())) == len(titles), titles
    assert len(set(descriptions.values())) == len(descriptions), descriptions
    assert all(title != "Harbourlight Clinic" for title in titles.values())
    for kind, head in pages.items():
        assert head.one("og:description") == head.one("description") == descriptions[kind]
        assert head.one("twitter:description") == descriptions[kind]


@pytest.mark.django_db
def test_descriptions_are_50_to_160_characters_cut_at_a_word(site, fetch):
    for kind, head in heads(site, fetch).items():
        description = head.one("description")
        assert 50 <= len(description) <= 160, (kind, len(description), description)
        assert description == description.strip() and "  " not in description
        if description.endswith("…"):
            assert description[-2].isalnum(), description  # no dangling space or comma


@pytest.mark.django_db
def test_article_description_is_its_summary_cut_at_a_word(site, fetch):
    head = Head(fetch(site["article"]).text)
    description = head.one("description")
    assert description.endswith("…") and len(description) <= 160
    assert description.startswith("Researchers pooled four small studies")
    words = description[:-1].split()
    assert LONG_SUMMARY.split()[: len(words)] == words  # whole words only


@pytest.mark.django_db
def test_pages_without_an_image_use_the_default_at_1200_by_630(site, fetch):
    head = Head(fetch(site["team"]).text)
    assert head.one("og:image") == settings.SITE_URL + "/static/img/social-default.png"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt")


@pytest.mark.django_db
def test_an_article_with_a_hero_image_shows_it_with_size_and_alt(site, fetch):
    head = Head(fetch(site["illustrated-article"]).text)
    assert "/media/articles/hero/runner" in head.one("og:image")
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1600", "900")
    assert head.one("og:image:alt") == "A runner"


@pytest.mark.django_db
def test_article_times_are_full_iso_8601_with_the_author(site, fetch):
    head = Head(fetch(site["article"]).text)
    assert head.one("og:type") == "article"
    published = head.one("article:published_time")
    modified = head.one("article:modified_time")
    assert ISO_DATETIME.match(published) and ISO_DATETIME.match(modified)
    assert datetime.fromisoformat(modified) > datetime.fromisoformat(published)
    assert head.one("article:author") == settings.SITE_URL + "/team/team/"
    assert head.meta["article:tag"] == ["PTSD"]


@pytest.mark.django_db
def test_only_articles_carry_article_tags(site, fetch):
    for kind, head in heads(site, fetch).items():
        has_times = "article:published_time" in head.meta
        assert has_times is kind.endswith("article"), kind


@pytest.mark.django_db
def test_topic_pages_autodiscover_their_own_feeds(site, fetch):
    head = Head(fetch(site["topic"]).text)
    feeds = [
        (link["type"], link["href"])
        for link in head.links
        if link.get("rel") == "alternate" and "type" in link
    ]
    assert feeds[:2] == [
        ("application/rss+xml", "/topics/ptsd/feed/"),
        ("application/atom+xml", "/topics/ptsd/feed/atom/"),
    ]
    assert ("application/atom+xml", "/feed/atom/") in feeds  # the whole library, after


@pytest.mark.django_db
def test_no_page_that_says_noindex_is_hidden_from_crawlers_by_robots_txt(site, fetch, client):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").text.splitlines())
    noindex = []
    for kind, path in site.items():
        response = fetch(path)
        says = Head(response.text).meta.get("robots", []) + [response.get("X-Robots-Tag", "")]
        if any("noindex" in value for value in says):
            noindex.append(kind)
            assert robots.can_fetch("*", path), f"{path} is noindex but disallowed"
    assert noindex == ["search", "search-results"]


@pytest.mark.django_db
def test_previews_are_noindex_and_not_disallowed(client):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").text.splitlines())
    response = client.get("/preview/not-a-real-token/")
    assert response.status_code == 403 and "noindex" in response["X-Robots-Tag"]
    assert robots.can_fetch("*", "/preview/not-a-real-token/")
    assert not robots.can_fetch("*", "/editor/upload/")
