"""The article list at any size: as many queries for 360 articles as for 60, and each filter,
the search box and deep pages still showing exactly the articles they name."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Topic
from articles.search.documents import refresh_search_documents
from clinic.domain.models import DEFAULT_DISCLAIMER
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = reverse("admin:articles_article_changelist")
PAGES = [
    "", "?p=2", "?q=ketamine", "?q=ketamine+trial", "?o=-7", "?visibility=live",
    "?visibility=draft", "?review=never", "?review=overdue", "?review=soon", "?review=notice",
    "?alt=missing", "?status__exact=published", "?topics__id__exact={topic}",
    "?author__id__exact={author}",
]  # fmt: skip


def _bulk(count, start, author, topic):
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(title=f"Ketamine trial {n}", slug=f"bulk-{n}", summary="Summary.", body="Body.",
                body_html="<p>Body.</p>", author=author, status="published",
                publish_at=now - timedelta(hours=n), disclaimer=DEFAULT_DISCLAIMER)
        for n in range(start, start + count)
    )  # fmt: skip
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article=article, topic=topic) for article in articles
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("who", ["admin_client", "marketing_client"])
def test_the_list_takes_as_many_queries_with_ten_times_the_articles(who, request):
    client = request.getfixturevalue(who)
    author, topic = PersonFactory(), TopicFactory()
    urls = [LIST + page.format(topic=topic.pk, author=author.pk) for page in PAGES]
    _bulk(60, 0, author, topic)  # more than a page: the list is paginated from the start
    client.get(LIST)  # sessions, content types and the site-wide parts read once
    before = {url: _queries(client, url) for url in urls}
    _bulk(300, 60, author, topic)
    after = {url: _queries(client, url) for url in urls}
    assert after == before


def test_pages_are_the_articles_in_the_list_s_order(admin_client):
    _bulk(120, 0, PersonFactory(), TopicFactory())
    newest_first = list(Article.objects.order_by("-publish_at", "-id").values_list("pk", flat=True))
    for page, rows in [(1, newest_first[:50]), (2, newest_first[50:100]), (3, newest_first[100:])]:
        listed = admin_client.get(LIST, {"p": page}).context["cl"].result_list
        assert [article.pk for article in listed] == rows
    by_title = admin_client.get(LIST, {"o": "1", "p": 2}).context["cl"].result_list
    titles = sorted(Article.objects.values_list("title", flat=True))
    assert [article.title for article in by_title] == titles[50:100]


def _listed(client, **params):
    return {article.title for article in client.get(LIST, params).context["cl"].result_list}


def test_the_topic_filter_lists_each_article_of_the_topic_once(admin_client):
    sleep, other = TopicFactory(name="Sleep"), TopicFactory(name="Anxiety")
    both = ArticleFactory(title="Both")
    both.topics.set([sleep, other])
    ArticleFactory(title="Sleep only").topics.set([sleep])
    ArticleFactory(title="Neither")
    response = admin_client.get(LIST, {"topics__id__exact": sleep.pk})
    assert sorted(a.title for a in response.context["cl"].result_list) == ["Both", "Sleep only"]
    assert response.context["cl"].result_count == 2
    assert b">Sleep</a>" in response.content  # offered by name among the filters
    assert _listed(admin_client, topics__id__exact="nonsense") == set()
    assert Topic.objects.count() == 2


def test_search_finds_words_by_their_beginning_in_drafts_and_studies(admin_client):
    ArticleFactory(title="Ketamine trials for PTSD", draft=True)
    ArticleFactory(title="Sleep and memory")
    cited = ArticleFactory(title="A plain title")
    StudyFactory(article=cited, title="Memory after rest", journal="Annals of Sleep Medicine")
    refresh_search_documents([cited.pk])
    assert _listed(admin_client, q="ketam") == {"Ketamine trials for PTSD"}
    assert _listed(admin_client, q="KETAMINE ptsd") == {"Ketamine trials for PTSD"}
    assert _listed(admin_client, q="ketamine sleep") == set()  # every word must be there
    assert _listed(admin_client, q="annals") == {"A plain title"}  # a study's journal
    assert _listed(admin_client, q="sleep") == {"Sleep and memory", "A plain title"}
    assert _listed(admin_client, q="tamine") == set()  # words are matched from their start
    assert _listed(admin_client, q="?!") == set()  # only punctuation: nothing, and no error
    assert len(_listed(admin_client, q="   ")) == 3


def test_images_without_alt_text_are_flagged_on_save_and_filtered(admin_client):
    missing = ArticleFactory(title="Missing", body="Before\n\n![](/media/a.png)\n")
    ArticleFactory(title="Described", body="![A calm room](/media/a.png)")
    assert missing.missing_alt_text
    assert _listed(admin_client, alt="missing") == {"Missing"}
    missing.body = "![A chart of the results](/media/a.png)"
    missing.save(update_fields=["body"])
    missing.refresh_from_db()
    assert not missing.missing_alt_text
    assert _listed(admin_client, alt="missing") == set()


def test_the_never_reviewed_filter_reaches_drafts_too(admin_client):
    ArticleFactory(title="Live", reviewer=None)
    ArticleFactory(title="Draft", draft=True)
    ArticleFactory(title="Reviewed", reviewer=PersonFactory(), reviewed_on=timezone.localdate())
    assert _listed(admin_client, review="never") == {"Live", "Draft"}
    assert _listed(admin_client, review="never", status__exact="published") == {"Live"}
