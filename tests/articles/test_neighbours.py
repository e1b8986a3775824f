from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_neighbours_follow_publish_time():
    now = timezone.now()
    old = ArticleFactory(publish_at=now - timedelta(days=3))
    middle = ArticleFactory(publish_at=now - timedelta(days=2))
    new = ArticleFactory(publish_at=now - timedelta(days=1))
    assert middle.get_previous_published() == old
    assert middle.get_next_published() == new


def test_first_article_has_no_previous_and_last_has_no_next():
    now = timezone.now()
    first = ArticleFactory(publish_at=now - timedelta(days=2))
    last = ArticleFactory(publish_at=now - timedelta(days=1))
    assert first.get_previous_published() is None
    assert last.get_next_published() is None


def test_equal_publish_times_are_ordered_by_id():
    moment = timezone.now() - timedelta(days=1)
    a, b, c = (ArticleFactory(publish_at=moment) for _ in range(3))
    assert (a.get_previous_published(), a.get_next_published()) == (None, b)
    assert (b.get_previous_published(), b.get_next_published()) == (a, c)
    assert (c.get_previous_published(), c.get_next_published()) == (b, None)


def test_draft_between_two_live_articles_is_skipped():
    now = timezone.now()
    before = ArticleFactory(publish_at=now - timedelta(days=3))
    draft = ArticleFactory(publish_at=now - timedelta(days=2), draft=True)
    after = ArticleFactory(publish_at=now - timedelta(days=1))
    assert before.get_next_published() == after
    assert after.get_previous_published() == before
    assert draft.get_next_published() == after


def test_future_dated_article_between_two_live_articles_is_skipped():
    now = timezone.now()
    live = ArticleFactory(publish_at=now - timedelta(days=1))
    ArticleFactory(publish_at=now + timedelta(hours=1))
    assert live.get_next_published() is None


def test_neighbour_pair_takes_at_most_two_queries(django_assert_max_num_queries):
    now = timezone.now()
    articles = [ArticleFactory(publish_at=now - timedelta(days=d)) for d in range(5, 0, -1)]
    with django_assert_max_num_queries(2):
        pair = (articles[2].get_previous_published(), articles[2].get_next_published())
    assert pair == (articles[1], articles[3])


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
