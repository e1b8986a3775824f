"""The language switcher of every page type leads to a page that exists: the same page in the
other language, the “not yet translated” page where the content has no version there (an
article, a topic with no summaries in that language), or the other language's home page from a
page the site does not have."""

from urllib.parse import quote

import pytest
from django.urls import resolve
from django.utils import translation

from articles.models import Article, Topic
from clinic.domain.models import Location, Person
from tests.clinic.seo.test_languages import Switcher, alternates
from tests.public_pages import html_pages, page_url, page_url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site):
    """The page types' content with no French version: an English article and topic."""
    return {
        "article": Article.objects.get(slug="exercise"),
        "topic": Topic.objects.get(slug="depression"),
        "person": Person.objects.get(slug="ana-ruiz"),
        "location": Location.objects.get(slug="downtown"),
    }


def switch(client, url):
    """(the page's status, where its switcher goes, that page's status)."""
    response = client.get(url)
    (link,) = Switcher(response.content.decode()).links
    return response.status_code, link["href"], client.get(link["href"]).status_code


def not_translated(language, origin):
    prefix = "" if language == "en" else f"/{language}"
    words = {"en": "not-translated", "fr": "pas-encore-traduit"}[language]
    return f"{prefix}/{words}/?from={quote(origin, safe='')}"


EXPECTED_FROM_ENGLISH = {
    "home": "/fr/",
    "article": not_translated("fr", "/articles/exercise/"),
    "article in a topic": not_translated("fr", "/articles/exercise/"),
    "topic": not_translated("fr", "/topics/depression/"),
    "topic list": "/fr/sujets/",
    "search with hits": "/fr/recherche/?q=ketamine",
    "search without hits": "/fr/recherche/?q=zzzyzx",
    "team": "/fr/equipe/",
    "person": "/fr/equipe/ana-ruiz/",
    "location": "/fr/lieux/downtown/",
    "urgent help": "/fr/aide-urgente/",
    "not found": "/fr/",
}


def test_every_english_page_switches_to_a_french_page_that_exists(client, content):
    seen = {}
    for page in html_pages():
        status, target, found = switch(client, page_url(page, content))
        assert status == page.status, page.name
        assert found == (400 if page.status == 400 else 200), (page.name, target)
        seen[page.name] = target
    assert {name: seen[name] for name in EXPECTED_FROM_ENGLISH} == EXPECTED_FROM_ENGLISH


def test_every_french_page_switches_to_an_english_page_that_exists(client, content):
    for page in html_pages():
        url = page_url_in("fr", page, content)
        response = client.get(url)
        (link,) = Switcher(response.content.decode()).links
        found = client.get(link["href"]).status_code
        assert found == (400 if page.status == 400 else 200), (page.name, url, link["href"])
        if response.status_code == 404:  # the English article has no French address
            assert link["href"] == "/", page.name


def test_a_missing_object_at_a_real_address_switches_to_the_home_page(client, site):
    for url, home in [("/articles/no-such-summary/", "/fr/"), ("/fr/equipe/personne/", "/")]:
        status, target, found = switch(client, url)
        assert (status, target, found) == (404, home, 200)
        assert alternates(client.get(url).content.decode()) == {}


def test_a_french_topic_with_no_french_summary_shows_the_topic(client, site):
    topic = Topic.objects.get(slug="depression")
    topic.name_fr, topic.description_fr = "Dépression", "La dépression se soigne."
    topic.save()
    response = client.get("/fr/sujets/depression/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Dépression</h1>" in html and "La dépression se soigne." in html
    assert "Il n’y a pas encore de résumé sur ce sujet en français." in html
    assert '<a href="/topics/depression/" hreflang="en-CA">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert alternates(html) == {}
    assert 'type="application/rss+xml" title="Harbourlight Clinic: Dépression' not in html
    (link,) = Switcher(html).links
    assert link["href"] == "/topics/depression/"


def test_a_topic_switches_to_its_own_address_in_the_other_language(client, site):
    topic = Topic.objects.get(slug="ptsd")
    topic.name_fr, topic.slug_fr = "TSPT", "tspt"
    topic.save()
    status, target, found = switch(client, "/topics/ptsd/")
    assert (status, target, found) == (200, "/fr/sujets/tspt/", 200)
    status, target, found = switch(client, "/fr/sujets/tspt/")
    assert (status, target, found) == (200, "/topics/ptsd/", 200)
    with translation.override("fr"):
        assert resolve("/fr/sujets/tspt/").url_name == "topic-detail"


def test_a_topic_with_drafts_only_is_not_found_in_any_language(client, site):
    topic = Topic.objects.create(name="Grief", slug="grief")
    Article.objects.get(slug="a-draft").topics.add(topic)
    assert client.get("/topics/grief/").status_code == 404
    assert client.get("/fr/sujets/grief/").status_code == 404
