"""Lists of articles go a fixed number of pages deep, and say where the older articles are.

The library, a topic and a person each list their live articles newest first, at most
MAX_LIST_PAGES pages; the last page offered points to topics and search. A page number that is
not a page offered is a 404, never an error.
"""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from articles.models import Article
from tests.factories import PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db
PER_PAGE = django_settings.ARTICLES_PER_PAGE
WAY_ON = "Find older articles"


@pytest.fixture
def library(settings):
    """Two pages and one article more, all by one author in one topic; lists end at page 2."""
    settings.MAX_LIST_PAGES = 2
    settings.PAGE_CACHE_SECONDS = 0
    author, topic, now = PersonFactory(slug="writer"), TopicFactory(slug="sleep"), timezone.now()
    articles = Article.objects.bulk_create(
        Article(title=f"Study {n}", slug=f"study-{n}", summary="S.", body="B.", author=author,
                status="published", publish_at=now - timedelta(hours=n), disclaimer="D.")
        for n in range(2 * PER_PAGE + 1)
    )  # fmt: skip
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=article, topic=topic) for article in articles
    )
    return ["/articles/", "/topics/sleep/", "/team/writer/"]


def test_the_last_page_offered_points_to_topics_and_search(client, library):
    for path in library:
        first, last = client.get(path).text, client.get(path + "?page=2").text
        assert WAY_ON not in first and "Page 1 of 2" in first
        assert WAY_ON in last and 'rel="next"' not in last, path
        assert 'href="/topics/"' in last and 'href="/search/"' in last
        assert "Study 23" in last and "Study 24" not in last  # the oldest is not offered
        assert client.get(path + "?page=3").status_code == 404


def test_a_short_list_has_no_way_on(client, library):
    Article.objects.filter(slug="study-24").delete()
    assert WAY_ON not in client.get("/articles/?page=2").text


@pytest.mark.parametrize(
    "page",
    [
        "0",
        "-1",
        "3",
        "x",
        "1.5",
        "1e3",
        "99999999999999999999999",
        "%C2%B2",
        "%EF%BC%91",
        "01",
        "+1",
        "%201",
    ],
)
def test_a_page_that_is_not_offered_is_not_found(client, library, page):
    for path in library:
        assert client.get(f"{path}?page={page}").status_code == 404, (path, page)


def test_the_topic_filter_of_the_library_list_pages_the_same_way(client, library):
    assert client.get("/articles/?topic=sleep&page=2").status_code == 200
    assert client.get("/articles/?topic=sleep&page=3").status_code == 404
