"""Every public page needs the same small number of queries with 10 or 1,000 of everything.

Measured with the page cache off and the site-wide parts (clinic profile, footer locations,
the next scheduled publish time, the glossary) already cached, as they are after the first request.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Study, Topic
from articles.views.glossary import current_entries
from clinic.domain.models import DEFAULT_DISCLAIMER, Location, OpeningHours, Person
from tests.public_pages import PAGE_TYPES, page_url

MAX_QUERIES = 6
# One per section (5), and the dates of the four list pages that have no row of their own.
SITEMAP_QUERIES = 13


def _populate(size):
    now = timezone.now()
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", slug=f"person-{n}") for n in range(size)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}") for n in range(size)
    )
    articles = Article.objects.bulk_create(
        Article(
            title=f"Ketamine study {n}",
            slug=f"article-{n}",
            summary="Summary.",
            body="Body.",
            body_html="<p>Body.</p>",
            author=people[n % size],
            reviewer=people[0],
            status="published",
            publish_at=now - timedelta(hours=n),
            disclaimer=DEFAULT_DISCLAIMER,
        )
        for n in range(size)
    )
    Study.objects.bulk_create(
        Study(article=a, title="A trial", journal="J", year=2020, authors="A B", design="rct")
        for a in articles
    )
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=a, topic=topics[n % 3]) for n, a in enumerate(articles)
    )
    locations = Location.objects.bulk_create(
        Location(
            name=f"Site {n}",
            slug=f"site-{n}",
            street_address="1 Main St",
            city="Toronto",
            phone="+14165550100",
        )
        for n in range(min(size, 50))
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(location=loc, weekday=d, opens="09:00", closes="17:00")
        for loc in locations
        for d in range(5)
    )
    return articles[size // 2], topics[0], people[0], locations[0]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 1000])
@override_settings(PAGE_CACHE_SECONDS=0)
def test_public_pages_take_a_small_fixed_number_of_queries(
    client, size, django_assert_max_num_queries
):
    article, topic, person, location = _populate(size)
    content = {"article": article, "topic": topic, "person": person, "location": location}
    client.get(reverse("articles:home"))  # warms the site-wide parts
    current_entries()  # and the glossary, read once for all articles
    counts = {}
    for page in PAGE_TYPES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page_url(page, content))
        assert response.status_code == page.status, (page.name, response.status_code)
        counts[page.name] = len(captured.captured_queries)
    assert counts.pop("sitemap") <= SITEMAP_QUERIES
    assert {name: n for name, n in counts.items() if n > MAX_QUERIES} == {}
