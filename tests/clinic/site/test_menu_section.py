"""The menu shows the section a page belongs to: on its list and on each of its pages."""

import pytest

from tests.factories import ArticleFactory, LocationFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def current_links(html):
    nav = html.split('aria-label="Main"')[1].split("</nav>")[0]
    return [
        part.split(">", 1)[1].split("<", 1)[0]
        for part in nav.split("<a ")[1:]
        if "aria-current" in part
    ]


def test_article_topic_person_and_location_pages_highlight_their_section(client):
    topic = TopicFactory()
    article = ArticleFactory()
    article.topics.set([topic])
    pages = {
        article.get_absolute_url(): "Articles",
        topic.get_absolute_url(): "Topics",
        PersonFactory().get_absolute_url(): "Team",
        LocationFactory().get_absolute_url(): "Locations",
    }
    for url, section in pages.items():
        html = client.get(url).text
        assert current_links(html) == [section], url
        assert 'aria-current="true">' + section in html  # a page within, not the list itself


def test_list_pages_are_the_current_page(client):
    html = client.get("/articles/").text
    assert current_links(html) == ["Articles"] and 'aria-current="page">Articles' in html
