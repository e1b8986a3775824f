"""Private view counts: a beacon image counts live articles per day, stores nothing about
readers, skips bots and prefetches, and Marketing sees the totals in the admin."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleDailyViews
from articles.views import view_counts
from articles.views.view_counts import BEACON_GIF, record_article_view
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"


def beacon(article_or_id):
    pk = getattr(article_or_id, "pk", article_or_id)
    return reverse("articles:view-beacon", args=[pk])


def views_of(article):
    return dict(ArticleDailyViews.objects.filter(article=article).values_list("day", "views"))


def test_each_view_adds_one_to_the_day(client):
    article = ArticleFactory()
    for _ in range(3):
        client.get(beacon(article), HTTP_USER_AGENT=BROWSER)
    assert views_of(article) == {timezone.localdate(): 3}


def test_views_are_kept_per_day():
    article = ArticleFactory()
    today = timezone.localdate()
    for day in (today - timedelta(days=1), today, today):
        assert record_article_view(article.pk, day=day)
    assert views_of(article) == {today - timedelta(days=1): 1, today: 2}


def test_the_beacon_is_an_uncached_gif_that_sets_no_cookie(client):
    response = client.get(beacon(ArticleFactory()), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content == BEACON_GIF and BEACON_GIF.startswith(b"GIF89a")
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response and response.cookies == {}


@pytest.mark.parametrize(
    "user_agent",
    ["", "Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; bingbot/2.0)",
     "curl/8.5.0", "Wget/1.21", "python-requests/2.32", "Slackbot-LinkExpanding 1.0",
     "Mozilla/5.0 HeadlessChrome/124.0", "UptimeRobot/2.0 monitor", "facebookexternalhit/1.1",
     "Mozilla/5.0 (compatible; Yahoo! Slurp)", "SkypeUriPreview Preview/0.5"],
)  # fmt: skip
def test_bots_are_not_counted(client, user_agent):
    article = ArticleFactory()
    response = client.get(beacon(article), HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200 and response.content == BEACON_GIF
    assert views_of(article) == {}


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
     {"HTTP_PURPOSE": "prefetch"}, {"HTTP_X_MOZ": "prefetch"}, {"HTTP_X_PURPOSE": "preview"}],
)  # fmt: skip
def test_prefetches_are_not_counted(client, headers):
    article = ArticleFactory()
    client.get(beacon(article), HTTP_USER_AGENT=BROWSER, **headers)
    assert views_of(article) == {}


@pytest.mark.parametrize(
    "hidden", [{"draft": True}, {"publish_at": timezone.now() + timedelta(days=3)}]
)
def test_drafts_and_scheduled_articles_are_not_counted(client, hidden):
    article = ArticleFactory(**hidden)
    response = client.get(beacon(article), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and response.content == BEACON_GIF
    assert views_of(article) == {}


@pytest.mark.parametrize("pk", [987654321, 2**63 - 1, 99999999999999999999])
def test_unknown_ids_get_the_same_gif_and_store_nothing(client, pk):
    response = client.get(beacon(pk), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and response.content == BEACON_GIF
    assert not ArticleDailyViews.objects.exists()


def test_head_requests_and_signed_in_staff_are_not_counted(client, editor_client):
    article = ArticleFactory()
    assert client.head(beacon(article), HTTP_USER_AGENT=BROWSER).status_code == 200
    editor_client.get(beacon(article), HTTP_USER_AGENT=BROWSER)
    assert views_of(article) == {}


def test_a_database_error_still_answers_with_the_gif(client, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(view_counts, "record_article_view", broken)
    response = client.get(beacon(ArticleFactory()), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and response.content == BEACON_GIF


def test_a_row_made_by_a_concurrent_request_is_added_to_not_duplicated(monkeypatch):
    """Two first views of the day at once: the second insert fails and becomes an update."""
    article = ArticleFactory()
    today = timezone.localdate()
    add_view = view_counts._add_view
    calls = []

    def other_request_first(article_id, day):
        calls.append(day)
        if len(calls) == 1:  # as if another request created today's row just now
            ArticleDailyViews.objects.create(article_id=article_id, day=day, views=1)
            return 0
        return add_view(article_id, day)

    monkeypatch.setattr(view_counts, "_add_view", other_request_first)
    assert record_article_view(article.pk)
    assert views_of(article) == {today: 2}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises all writes")
def test_concurrent_views_are_all_counted_on_postgresql():
    article = ArticleFactory()
    start = threading.Barrier(8)

    def read():
        start.wait()
        for _ in range(5):
            record_article_view(article.pk)
        connection.close()

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert views_of(article) == {timezone.localdate(): 40}


def test_live_articles_carry_the_beacon_and_previews_do_not(client, editor_client):
    live, draft = ArticleFactory(), ArticleFactory(draft=True)
    html = client.get(live.get_absolute_url()).text
    assert f'<img src="{beacon(live)}" alt="" width="1" height="1" class="beacon"' in html
    preview = editor_client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and 'class="beacon"' not in preview.text


def test_readers_of_a_cached_article_page_are_each_counted(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory()
    pages = [client.get(article.get_absolute_url()) for _ in range(2)]
    assert all(f'src="{beacon(article)}"' in page.text for page in pages)
    for _ in pages:  # each reader's browser asks for the image; it is never cached
        client.get(beacon(article), HTTP_USER_AGENT=BROWSER)
    assert views_of(article) == {timezone.localdate(): 2}


def test_robots_txt_keeps_crawlers_off_the_beacon(client):
    assert "Disallow: /v/\n" in client.get(reverse("robots")).text


# In the admin ----------------------------------------------------------------------------


def test_changelist_shows_views_for_7_and_30_days_and_all_time(marketing_client):
    article, quiet = ArticleFactory(title="Busy"), ArticleFactory(title="Quiet")
    today = timezone.localdate()
    for days_ago, views in [(0, 2), (6, 3), (7, 5), (29, 7), (30, 11), (400, 13)]:
        ArticleDailyViews.objects.create(
            article=article, day=today - timedelta(days=days_ago), views=views
        )
    response = marketing_client.get(reverse("admin:articles_article_changelist"))
    rows = {row.title: row for row in response.context["cl"].result_list}
    busy = rows["Busy"]
    assert (busy.views_7_days, busy.views_30_days, busy.views_all_time) == (5, 17, 41)
    assert (rows["Quiet"].views_7_days, rows["Quiet"].views_all_time) == (0, 0)
    assert "Views 7 d" in response.text and "Views, all" in response.text
    sorted_rows = (
        marketing_client.get(
            reverse("admin:articles_article_changelist"),
            {"o": str(response.context["cl"].list_display.index("views_all_time"))},
        )
        .context["cl"]
        .result_list
    )
    assert [row.title for row in sorted_rows] == [quiet.title, "Busy"]


def _changelist_queries(client, django_assert_max_num_queries, count):
    today = timezone.localdate()
    for article in ArticleFactory.create_batch(count):
        ArticleDailyViews.objects.create(article=article, day=today, views=1)
    url = reverse("admin:articles_article_changelist")
    client.get(url)  # fills the clinic details cached for every page
    with django_assert_max_num_queries(20) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_changelist_view_counts_cost_the_same_queries_for_many_articles(
    marketing_client, django_assert_max_num_queries
):
    few = _changelist_queries(marketing_client, django_assert_max_num_queries, 2)
    many = _changelist_queries(marketing_client, django_assert_max_num_queries, 30)
    assert few == many


def test_change_page_shows_the_article_views(marketing_client):
    article = ArticleFactory()
    today = timezone.localdate()
    ArticleDailyViews.objects.create(article=article, day=today, views=4)
    ArticleDailyViews.objects.create(article=article, day=today - timedelta(days=10), views=6)
    response = marketing_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "4 in the last 7 days, 10 in the last 30 days, 10 in all." in response.text
