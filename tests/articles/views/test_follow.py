"""Feeds explained for people: a “Follow” page with each feed's address ready to copy."""

import feedparser
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_follow_page_explains_feeds_and_gives_every_address_to_copy(client):
    topic = TopicFactory(name="PTSD", slug="ptsd")
    ArticleFactory().topics.set([topic])
    TopicFactory(name="Unused")  # no live article: no feed offered
    response = client.get(reverse("articles:follow"))
    assert response.status_code == 200
    html = response.text
    assert "feed reader app" in html and "Follow new summaries" in html
    origin = "http://testserver"  # SITE_URL unset: the request's own host
    site_feed = origin + reverse("articles:feed")
    topic_feed = origin + reverse("articles:topic-feed", kwargs={"slug": "ptsd"})
    assert f'value="{site_feed}" readonly' in html
    assert 'id="topic-ptsd"' in html and f'value="{topic_feed}" readonly' in html
    assert "Unused" not in html
    assert 'data-copy-field="feed-all"' in html and "js/copy-link" in html
    assert feedparser.parse(client.get(reverse("articles:feed")).content).entries


def test_every_page_has_a_visible_follow_link_and_topics_link_to_their_feed(client):
    topic = TopicFactory(name="PTSD", slug="ptsd")
    ArticleFactory().topics.set([topic])
    follow = reverse("articles:follow")
    assert f'<a href="{follow}">Follow new summaries</a>' in client.get("/").text
    topic_page = client.get(topic.get_absolute_url()).text
    assert f'href="{follow}#topic-ptsd">Follow new summaries on PTSD</a>' in topic_page
    assert "RSS feed for" not in topic_page
