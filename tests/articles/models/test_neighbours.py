from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_neighbours_follow_publish_time():
    now = timezone.now()
    old = ArticleFactory(publish_at=now - timedelta(days=3))
    middle = ArticleFactory(publish_at=now - timedelta(days=2))
    new = ArticleFactory(publish_at=now - timedelta(days=1))
    assert middle.get_neighbours() == (old, new)


def test_first_article_has_no_previous_and_last_has_no_next():
    now = timezone.now()
    first = ArticleFactory(publish_at=now - timedelta(days=2))
    last = ArticleFactory(publish_at=now - timedelta(days=1))
    assert first.get_neighbours() == (None, last)
    assert last.get_neighbours() == (first, None)


def test_equal_publish_times_are_ordered_by_id():
    moment = timezone.now() - timedelta(days=1)
    a, b, c = (ArticleFactory(publish_at=moment) for _ in range(3))
    assert a.get_neighbours() == (None, b)
    assert b.get_neighbours() == (a, c)
    assert c.get_neighbours() == (b, None)


def test_draft_between_two_live_articles_is_skipped():
    now = timezone.now()
    before = ArticleFactory(publish_at=now - timedelta(days=3))
    draft = ArticleFactory(publish_at=now - timedelta(days=2), draft=True)
    after = ArticleFactory(publish_at=now - timedelta(days=1))
    assert before.get_neighbours() == (None, after)
    assert after.get_neighbours() == (before, None)
    assert draft.get_neighbours() == (before, after)


def test_future_dated_article_between_two_live_articles_is_skipped():
    now = timezone.now()
    before = ArticleFactory(publish_at=now - timedelta(days=2))
    ArticleFactory(publish_at=now - timedelta(days=1) + timedelta(days=2))
    live = ArticleFactory(publish_at=now - timedelta(hours=1))
    assert before.get_neighbours() == (None, live)
    assert live.get_neighbours() == (before, None)


def test_neighbours_can_stay_within_a_topic():
    now = timezone.now()
    topic = TopicFactory()
    first = ArticleFactory(publish_at=now - timedelta(days=3))
    first.topics.add(topic)
    ArticleFactory(publish_at=now - timedelta(days=2))
    last = ArticleFactory(publish_at=now - timedelta(days=1))
    last.topics.add(topic)
    assert last.get_neighbours(topic) == (first, None)


def test_neighbours_pair_comes_from_one_query(django_assert_num_queries):
    now = timezone.now()
    moment = now - timedelta(days=2)
    before = ArticleFactory(publish_at=now - timedelta(days=3))
    tie_low = ArticleFactory(publish_at=moment)
    middle = ArticleFactory(publish_at=moment)
    ArticleFactory(publish_at=moment, draft=True)
    after = ArticleFactory(publish_at=now - timedelta(days=1))
    with django_assert_num_queries(1):
        assert middle.get_neighbours() == (tie_low, after)
    assert before.get_neighbours() == (None, tie_low)
    assert after.get_neighbours() == (middle, None)


def test_neighbours_and_related_know_their_addresses_without_another_query(
    django_assert_num_queries,
):
    """What the page links to is read with the columns its address needs (slug and language):
    a column left out would be fetched again for each linked article."""
    now, topic = timezone.now(), TopicFactory()
    articles = [ArticleFactory(publish_at=now - timedelta(days=n)) for n in range(5)]
    for article in articles:
        article.topics.add(topic)
    middle = articles[2]
    with django_assert_num_queries(2):
        previous, next_ = middle.get_neighbours()
        related = middle.get_related(topics=[topic], exclude=(previous, next_))
        addresses = [a.get_absolute_url() for a in (previous, next_, *related)]
    assert len(addresses) == 4
    assert all(address.startswith("/articles/") for address in addresses)
