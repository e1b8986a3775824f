from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

# With SITE_URL unset (the default), absolute URLs use the request's own host.
REQUEST_ORIGIN = "http://testserver"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("url_name", ["articles:feed", "articles:atom-feed"])
def test_feed_lists_latest_live_articles_with_details(client, url_name):
    topic = TopicFactory(name="PTSD")
    article = ArticleFactory(title="Live one", summary="Plain summary.")
    article.topics.add(topic)
    ArticleFactory(title="Hidden draft", draft=True)
    ArticleFactory(title="Future one", publish_at=timezone.now() + timedelta(days=1))
    feed = parse(client, reverse(url_name))
    assert [entry.title for entry in feed.entries] == ["Live one"]
    entry = feed.entries[0]
    assert entry.link == REQUEST_ORIGIN + article.get_absolute_url()
    assert entry.summary == "Plain summary."
    assert entry.author == article.author.name
    assert [tag.term for tag in entry.tags] == ["PTSD"]
    assert entry.published_parsed


def test_feed_holds_at_most_twenty_newest(client):
    ArticleFactory.create_batch(25)
    assert len(parse(client, reverse("articles:feed")).entries) == 20


def test_atom_feed_has_updated_dates(client):
    ArticleFactory(updated_at=timezone.now() - timedelta(hours=1))
    entry = parse(client, reverse("articles:atom-feed")).entries[0]
    assert entry.updated_parsed


def test_topic_feed_lists_only_that_topic(client):
    topic = TopicFactory(slug="ketamine")
    ArticleFactory(title="In topic").topics.add(topic)
    ArticleFactory(title="Elsewhere")
    feed = parse(client, reverse("articles:topic-feed", kwargs={"slug": "ketamine"}))
    assert [e.title for e in feed.entries] == ["In topic"]
    assert client.get(reverse("articles:topic-feed", kwargs={"slug": "x"})).status_code == 404


def test_every_page_advertises_the_feeds(client):
    html = client.get(reverse("articles:home")).text
    assert 'type="application/rss+xml" title=' in html and reverse("articles:feed") in html
    assert reverse("articles:atom-feed") in html
