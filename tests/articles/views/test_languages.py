"""Readers stay in their language: lists, topics, people, previous/next, related, feeds, the
sitemap and search show the articles written in it, and a translation shows its original's
studies. Each page is asked for in French as a French reader does (under /fr/ where the site
prefixes French addresses), with French active."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.search import search_articles
from articles.views.feeds import LatestArticlesFeed
from articles.views.sitemaps import ArticleSitemap
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db

FRENCH_DISCLAIMER = (
    "Ce résumé est offert à titre informatif et ne remplace pas un avis médical. Parlez à "
    "votre médecin. En cas d'urgence, composez le 911."
)


@pytest.fixture
def library(settings):
    """Three English articles on one topic by one person; the older two translated."""
    settings.PAGE_CACHE_SECONDS = 0
    topic, person, now = TopicFactory(slug="ptsd"), PersonFactory(slug="dr-ada"), timezone.now()
    english, french = [], []
    for n, (title, titre) in enumerate(
        [
            ("Sleep and PTSD", "Sommeil et TSPT"),
            ("Ketamine for PTSD", "Kétamine et TSPT"),
            ("Therapy for PTSD", None),
        ]  # fmt: skip
    ):
        when = now - timedelta(days=10 - n)
        article = ArticleFactory(title=title, slug=f"en-{n}", publish_at=when, author=person)
        article.topics.add(topic)
        english.append(article)
        if titre:
            translated = ArticleFactory(
                title=titre, slug=f"fr-{n}", publish_at=when, author=person, language="fr",
                translation_key=article.translation_key, disclaimer=FRENCH_DISCLAIMER,
            )  # fmt: skip
            translated.topics.add(topic)
            french.append(translated)
    return {"topic": topic, "person": person, "en": english, "fr": french}


def titles(response, name="articles"):
    assert response.status_code == 200
    return [article.title for article in response.context[name]]


def get(client, language, name, **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None))


def test_the_list_and_home_show_the_readers_language(client, library):
    assert titles(get(client, "en", "articles:list")) == [
        "Therapy for PTSD", "Ketamine for PTSD", "Sleep and PTSD",
    ]  # fmt: skip
    assert titles(get(client, "fr", "articles:list")) == ["Kétamine et TSPT", "Sommeil et TSPT"]
    assert titles(get(client, "fr", "articles:home")) == ["Kétamine et TSPT", "Sommeil et TSPT"]


def test_topic_and_person_pages_show_the_readers_language(client, library):
    page = get(client, "fr", "articles:topic-detail", slug="ptsd")
    assert titles(page) == ["Kétamine et TSPT", "Sommeil et TSPT"]
    person = get(client, "fr", "clinic:person-detail", slug="dr-ada")
    assert person.status_code == 200
    assert "Kétamine et TSPT" in person.text and "Ketamine for PTSD" not in person.text


def test_a_topic_with_no_article_in_the_readers_language_is_not_listed_but_found(client, library):
    ArticleFactory(title="Anxiety", slug="anxiety").topics.add(
        TopicFactory(name="Anxiety only in English", slug="anxiety")
    )
    html = get(client, "fr", "articles:topic-list").text
    assert "Anxiety only in English" not in html
    page = get(client, "fr", "articles:topic-detail", slug="anxiety")
    assert page.status_code == 200 and not page.context["has_articles_here"]
    assert list(page.context["articles"]) == []  # no English summary on a French page


def test_previous_next_and_related_stay_in_the_articles_language(library):
    older, newer = library["fr"]
    assert newer.get_neighbours() == (older, None)  # the newer English is not next
    previous, following = older.get_neighbours()
    assert previous is None and following == newer
    assert [article.pk for article in older.get_related()] == [newer.pk]
    newest_english = library["en"][2]
    assert newest_english.get_neighbours()[0] == library["en"][1]
    assert {a.pk for a in newest_english.get_related()} == {a.pk for a in library["en"][:2]}


def test_the_feed_and_the_sitemap_list_the_readers_language(library):
    with translation.override("fr"):
        assert [item.title for item in LatestArticlesFeed().items()] == [
            "Kétamine et TSPT", "Sommeil et TSPT",
        ]  # fmt: skip
    # One sitemap for the site: every language's live articles, each at its own address.
    every = {"en-0", "en-1", "en-2", "fr-0", "fr-1"}
    for language in ("fr", "en"):
        with translation.override(language):
            sitemap = ArticleSitemap()
            items = list(sitemap.items())
            assert {item.slug for item in items} == every
            french = {sitemap.location(item) for item in items if item.language == "fr"}
            assert french == {"/fr/articles/fr-0/", "/fr/articles/fr-1/"}


def test_search_finds_the_readers_language_only(library):
    with translation.override("fr"):
        assert [a.title for a in search_articles("TSPT").articles] == [
            "Kétamine et TSPT", "Sommeil et TSPT",
        ]  # fmt: skip
        assert list(search_articles("sleep").articles) == []  # only the English says so
    assert "Kétamine et TSPT" not in [a.title for a in search_articles("TSPT").articles]


def test_a_translation_is_found_by_its_originals_study_in_search(library):
    original, translated = library["en"][1], library["fr"][1]
    StudyFactory(article=original, journal="Journal of Psychopharmacology")
    translated.refresh_from_db()
    assert "Journal of Psychopharmacology" in translated.search_document
    with translation.override("fr"):
        assert [a.pk for a in search_articles("Psychopharmacology").articles] == [translated.pk]


def test_a_translations_page_shows_its_originals_studies(client, library):
    original, translated = library["en"][1], library["fr"][1]
    StudyFactory(article=original, title="A trial of ketamine with therapy", participants=34)
    response = get(client, "fr", "articles:detail", slug=translated.slug)
    assert response.status_code == 200
    assert [study.title for study in response.context["studies"]] == [
        "A trial of ketamine with therapy"
    ]
    assert "A trial of ketamine with therapy" in response.text
    assert response.context["previous_article"] == library["fr"][0]


def test_an_address_is_looked_up_in_the_readers_language(client, library):
    assert get(client, "fr", "articles:detail", slug="en-1").status_code == 404
    assert get(client, "en", "articles:detail", slug="fr-1").status_code == 404
    assert get(client, "fr", "articles:detail", slug="fr-1").status_code == 200
