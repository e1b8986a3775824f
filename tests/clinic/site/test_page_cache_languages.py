"""The page cache and the French pages: a translation shows its original's studies, and its
address in its original's language links, so a change to either must reach the other's page;
and a page is never served in the wrong language. On the local-memory cache and on Redis
(`tests/clinic/site/test_page_cache.py`)."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.services import publish_article, unpublish_article
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR
from tests.clinic.site.test_page_cache import get, page_cache_backend  # noqa: F401 - fixture
from tests.factories import ArticleFactory, StudyFactory, TopicFactory


def translated(**french):
    """A live English article with one study, and its French translation."""
    original = ArticleFactory(title="Ketamine for PTSD", slug="ketamine-for-ptsd")
    StudyFactory(article=original, journal="Old Journal")
    values = {"title": "La kétamine et le TSPT", "slug": "ketamine-et-tspt"} | french
    translation_row = ArticleFactory(
        language="fr",
        translation_key=original.translation_key,
        disclaimer=DEFAULT_DISCLAIMER_FR,
        **values,
    )
    return original, translation_row


def test_a_study_edited_on_the_original_shows_on_the_cached_french_page(client):
    original, french = translated()
    url = french.get_absolute_url()
    assert b"Old Journal" in get(client, url).content
    assert get(client, url)["X-Cache"] == "hit"

    study = original.studies.get()
    study.journal = "New Journal"
    study.save()

    assert b"New Journal" in get(client, url).content


def test_the_language_links_follow_a_translation_published_moved_and_unpublished(client):
    original, french = translated(draft=True)
    english_url = original.get_absolute_url()
    assert b"/fr/articles/" not in get(client, english_url).content

    publish_article(article=french)
    assert b"/fr/articles/ketamine-et-tspt/" in get(client, english_url).content
    french.slug = "la-ketamine-et-le-tspt"
    french.save()
    page = get(client, english_url).content
    assert b"/fr/articles/la-ketamine-et-le-tspt/" in page
    assert b"/fr/articles/ketamine-et-tspt/" not in page
    unpublish_article(article=french)
    assert b"/fr/articles/" not in get(client, english_url).content


def test_a_topics_french_name_shows_on_the_cached_french_pages(client):
    _original, french = translated()
    topic = TopicFactory(name="PTSD", slug="ptsd")
    french.topics.add(topic)
    with translation.override("fr"):
        topic_url = topic.get_absolute_url()
    pages = [french.get_absolute_url(), topic_url]
    for page in pages:
        get(client, page)

    topic.name_fr, topic.slug_fr = "TSPT", "tspt"
    topic.save()

    assert b">TSPT<" in get(client, french.get_absolute_url()).content
    assert get(client, "/fr/sujets/tspt/").status_code == 200


@pytest.mark.parametrize("first", ["/", "/fr/"])
def test_each_language_keeps_its_own_cached_home_page(client, first):
    translated()
    second = "/fr/" if first == "/" else "/"
    get(client, first)
    get(client, second)
    for path, lang, title in [
        ("/", "en-CA", "Ketamine for PTSD"),
        ("/fr/", "fr-CA", "La kétamine"),
    ]:
        for accept in ("en-CA", "fr-CA"):  # the address decides, never the browser's language
            response = get(client, path, **{"Accept-Language": accept})
            assert response["X-Cache"] == "hit"
            assert f'<html lang="{lang}">' in response.text and title in response.text
    assert reverse("articles:home") == "/"
