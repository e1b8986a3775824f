"""Search on both backends: the page, snippets, odd input, pagination."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")


def results(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200, response.status_code
    return [article.title for article in response.context["page_obj"].object_list]


def test_empty_query_shows_only_the_form(client):
    for params in [{}, {"q": ""}, {"q": "   "}]:
        response = client.get(URL, params)
        assert response.status_code == 200
        assert b'type="search"' in response.content and b"result" not in response.content


def test_finds_words_in_title_summary_body_studies_and_topics(client):
    ArticleFactory(title="Psilocybin for depression")
    ArticleFactory(title="Summary match", summary="A summary about melatonin.")
    ArticleFactory(title="Body match", body="Participants practised mindfulness daily.")
    StudyFactory(article=ArticleFactory(title="Study match"), journal="Lancet Psychiatry")
    ArticleFactory(title="Topic match").topics.add(TopicFactory(name="Agoraphobia"))
    assert results(client, "psilocybin") == ["Psilocybin for depression"]
    assert results(client, "melatonin") == ["Summary match"]
    assert results(client, "mindfulness") == ["Body match"]
    assert results(client, "lancet") == ["Study match"]
    assert results(client, "agoraphobia") == ["Topic match"]


def test_drafts_and_future_articles_never_appear(client):
    from datetime import timedelta

    from django.utils import timezone

    ArticleFactory(title="Esketamine draft", draft=True)
    ArticleFactory(title="Esketamine later", publish_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Esketamine live")
    assert results(client, "esketamine") == ["Esketamine live"]


def test_title_matches_rank_above_body_matches_on_postgresql(client):
    ArticleFactory(title="Living with anxiety", body="Nothing relevant.")
    ArticleFactory(title="Sleep study", body="Some mention of anxiety here.")
    found = results(client, "anxiety")
    assert sorted(found) == ["Living with anxiety", "Sleep study"]
    if connection.vendor == "postgresql":
        assert found[0] == "Living with anxiety"


def test_snippets_highlight_matches_and_escape_html(client):
    ArticleFactory(title="Trauma", summary="Trauma <b>therapy</b> & recovery")
    response = client.get(URL, {"q": "trauma"})
    snippet = response.context["page_obj"].object_list[0].snippet
    assert "<mark>Trauma</mark>" in snippet
    assert "<b>" not in snippet and "&amp; recovery" in snippet


@pytest.mark.parametrize(
    "query",
    ['"ketamine', 'ketamine"', '"exact phrase"', "a & b | !c", "ptsd:*", "(ketamine)", "-", "*",
     "ПТСР", "心理治疗", "'; DROP TABLE articles_article; --", "\\", "%", "_"],
)  # fmt: skip
def test_odd_queries_never_fail(client, query):
    ArticleFactory(title="Ketamine and PTSD", summary="ПТСР 心理治疗")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_non_latin_words_are_found(client):
    ArticleFactory(title="Русский", summary="Исследование о ПТСР")
    assert results(client, "ПТСР") == ["Русский"]


def test_overlong_query_is_refused_with_a_friendly_message(client):
    response = client.get(URL, {"q": "x" * 201})
    assert response.status_code == 400
    assert "Please shorten your search to 200 characters" in response.text
    assert 'value="' + "x" * 201 in response.text
    assert client.get(URL, {"q": "x" * 200}).status_code == 200


def test_results_are_paginated_and_bad_pages_are_404(client):
    ArticleFactory.create_batch(13, title="Resilience study")
    assert len(results(client, "resilience")) == 12
    assert len(results(client, "resilience", page="2")) == 1
    assert "q=resilience&amp;page=2" in client.get(URL, {"q": "resilience"}).text
    for page in ["3", "abc", "-1"]:
        assert client.get(URL, {"q": "resilience", "page": page}).status_code == 404


def test_search_page_is_not_indexed(client):
    assert b'<meta name="robots" content="noindex, follow">' in client.get(URL).content
