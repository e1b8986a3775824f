"""On an article page, previous/next come right after the article; related summaries leave
out those two and are a compact list."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _article(days_ago, topic, **kwargs):
    article = ArticleFactory(publish_at=timezone.now() - timedelta(days=days_ago), **kwargs)
    article.topics.set([topic])
    return article


def test_previous_and_next_follow_the_closing_disclaimer_before_anything_else(client):
    topic = TopicFactory()
    older, current, newer = (_article(days, topic) for days in (30, 20, 10))
    html = client.get(current.get_absolute_url()).text
    closing = html.index("Medical disclaimer, end of summary")
    pager = html.index('aria-label="More research summaries"')
    assert closing < pager < html.index('class="site-footer')
    for later in ('id="about-heading"', "contact-cta", 'id="related-heading"'):
        if later in html:
            assert html.index(later) > pager


def test_related_summaries_leave_out_the_neighbours_and_are_compact(client):
    topic = TopicFactory()
    _article(40, topic, title="Oldest on the topic")
    older = _article(30, topic, title="Just before")
    current = _article(20, topic)
    newer = _article(10, topic, title="Just after")
    response = client.get(current.get_absolute_url())
    related = response.context["related_articles"]
    assert older not in related and newer not in related
    assert [article.title for article in related] == ["Oldest on the topic"]
    section = response.text.split('id="related-heading"')[1].split("</section>")[0]
    assert 'class="related__list"' in section and 'class="card"' not in section
