from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _article(days_ago, *topics, **kwargs):
    article = ArticleFactory(publish_at=timezone.now() - timedelta(days=days_ago), **kwargs)
    article.topics.set(topics)
    return article


def test_list_filters_by_topic_and_unknown_topic_is_404(client):
    ptsd, anxiety = TopicFactory(slug="ptsd"), TopicFactory(slug="anxiety")
    inside = _article(2, ptsd)
    _article(1, anxiety)
    response = client.get(reverse("articles:list"), {"topic": "ptsd"})
    assert list(response.context["articles"]) == [inside]
    assert client.get(reverse("articles:list"), {"topic": "nope"}).status_code == 404


def test_topic_index_lists_topics_with_live_articles_only(client):
    _article(1, TopicFactory(name="Depression"))
    _article(1, TopicFactory(name="Upcoming topic"), draft=True)
    html = client.get(reverse("articles:topic-list")).text
    assert "Depression" in html and "Upcoming topic" not in html


def test_a_topic_used_only_by_drafts_has_no_public_page_or_feed(client):
    topic = TopicFactory(slug="secret")
    _article(1, topic, draft=True)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert client.get(reverse("articles:topic-feed", kwargs={"slug": "secret"})).status_code == 404


def test_article_links_to_its_topics(client):
    topic = TopicFactory(name="Ketamine", slug="ketamine")
    article = _article(1, topic)
    assert f'href="{topic.get_absolute_url()}"' in client.get(article.get_absolute_url()).text


def test_related_articles_share_most_topics_then_newest_and_skip_drafts():
    a, b, c = TopicFactory(), TopicFactory(), TopicFactory()
    article = _article(10, a, b, c)
    two_shared_old = _article(9, a, b)
    one_shared_new = _article(1, a)
    one_shared_older = _article(5, c)
    _article(2, a, b, draft=True)
    _article(3)  # no topics in common
    _article(4, a, b, c).topics.clear()
    newest_three = _article(8, a, b, c)
    assert list(article.get_related()) == [newest_three, two_shared_old, one_shared_new]
    assert one_shared_older not in article.get_related()


def test_arriving_from_a_topic_keeps_previous_and_next_within_it(client):
    topic = TopicFactory(name="PTSD", slug="ptsd")
    first = _article(5, topic)
    _article(4)  # another topic, skipped when following the topic
    middle = _article(3, topic)
    last = _article(1, topic)
    topic_page = client.get(topic.get_absolute_url()).text
    assert f'href="{middle.get_absolute_url()}?topic=ptsd"' in topic_page
    html = client.get(middle.get_absolute_url(), {"topic": "ptsd"}).text
    assert f'href="{first.get_absolute_url()}?topic=ptsd"' in html
    assert f'href="{last.get_absolute_url()}?topic=ptsd"' in html
    assert "Showing summaries about" in html and "Next summary on PTSD" in html


def test_unknown_topic_in_the_article_link_falls_back_to_all_articles(client):
    article = _article(2)
    newer = _article(1)
    html = client.get(article.get_absolute_url(), {"topic": "<script>"}).text
    assert f'href="{newer.get_absolute_url()}"' in html
    assert "Showing summaries about" not in html


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "x" * 81, "naïve", "../etc"])
def test_malformed_topic_filter_is_404(client, value):
    assert client.get(reverse("articles:list"), {"topic": value}).status_code in {400, 404}
