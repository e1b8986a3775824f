"""The anonymous page cache is never wrong. Every test runs on the local-memory cache (a laptop's
default) and on Redis (as production does).

Redis comes from TEST_REDIS_URL (default redis://127.0.0.1:6379), one database per worker. In CI
(REQUIRE_REDIS=1) an unreachable Redis fails the run; elsewhere the Redis runs are skipped.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.previews import preview_link_token
from articles.services import publish_article, unpublish_article
from clinic.domain.models import ClinicProfile, LocationException, OpeningHours
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    weekly_hours,
)
from tests.helpers import REDIS_URL, redis_or_skip

TORONTO = ZoneInfo("America/Toronto")
# Each language's pages are cached under their own addresses (/fr/fil/ is the French feed).
LANGUAGES = ["en", "fr"]


def in_language(language):
    """An article's fields in `language`: a French one carries the French disclaimer."""
    return {"language": language} | (
        {"disclaimer": DEFAULT_DISCLAIMER_FR} if language == "fr" else {}
    )


BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "redis": {"BACKEND": "clinic.site.cache_backend.ResilientRedisCache", "LOCATION": REDIS_URL},
}


@pytest.fixture(autouse=True, params=BACKENDS.keys())
def page_cache_backend(request, db):
    if request.param == "redis":
        redis_or_skip()
    caches = {"default": BACKENDS[request.param]}
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=600):
        cache.clear()
        yield
        cache.clear()


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries, language
):
    article = ArticleFactory(title="Cached summary", **in_language(language))
    first = get(client, article.get_absolute_url())
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client, article.get_absolute_url())
    assert second["X-Cache"] == "hit" and second.content == first.content


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url_name", ["articles:home", "articles:list", "articles:feed"])
def test_publishing_unpublishing_and_editing_show_on_the_next_request(client, url_name, language):
    article = ArticleFactory(title="First title", draft=True, **in_language(language))
    with translation.override(language):
        url = reverse(url_name)
    assert b"First title" not in get(client, url).content
    publish_article(article=article)
    assert b"First title" in get(client, url).content
    article.title = "Second title"
    article.save()
    assert b"Second title" in get(client, url).content
    unpublish_article(article=article)
    assert b"Second title" not in get(client, url).content


def test_study_topic_and_person_edits_show_on_the_article(client):
    article = ArticleFactory()
    study = StudyFactory(article=article, journal="Old Journal")
    topic = TopicFactory(name="Old topic")
    article.topics.add(topic)
    url = article.get_absolute_url()
    get(client, url)
    study.journal = "New Journal"
    study.save()
    assert b"New Journal" in get(client, url).content
    topic.name = "New topic"
    topic.save()
    assert b"New topic" in get(client, url).content
    article.author.name = "Renamed Author"
    article.author.save()
    assert b"Renamed Author" in get(client, url).content
    extra = TopicFactory(name="Added topic")
    article.topics.add(extra)
    assert b"Added topic" in get(client, url).content


def test_location_phone_hours_and_closures_show_everywhere(client):
    location = LocationFactory(name="Midtown", phone="+14165550123")
    article = ArticleFactory()
    pages = [article.get_absolute_url(), reverse("clinic:locations"), location.get_absolute_url()]
    for page in pages:
        get(client, page)
    location.phone = "+14165550177"
    location.save()
    assert all(b"(416) 555-0177" in get(client, page).content for page in pages)
    OpeningHours.objects.create(location=location, weekday=2, opens=time(7, 15), closes=time(8))
    assert "7:15 a.m." in get(client, location.get_absolute_url()).text
    LocationException.objects.create(
        location=location, date=timezone.localdate() + timedelta(days=2), note="Staff retreat"
    )
    assert b"Staff retreat" in get(client, location.get_absolute_url()).content


def test_clinic_profile_change_shows_on_every_page(client):
    ArticleFactory()
    pages = [reverse("articles:home"), reverse("articles:list"), reverse("clinic:team")]
    for page in pages:
        get(client, page)
    profile = ClinicProfile.load()
    profile.name = "Renamed Clinic"
    profile.save()
    assert all(b"Renamed Clinic" in get(client, page).content for page in pages)


def test_scheduled_article_appears_at_its_time_with_a_warm_cache(client):
    go_live = datetime(2026, 12, 1, 9, 0, tzinfo=TORONTO)
    ArticleFactory(title="Scheduled one", publish_at=go_live)
    url = reverse("articles:list")
    with time_machine.travel(go_live - timedelta(minutes=5), tick=False):
        assert b"Scheduled one" not in get(client, url).content
        assert get(client, url)["X-Cache"] == "hit"
    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        assert b"Scheduled one" in get(client, url).content


def test_open_now_is_not_served_stale_after_closing_time(client):
    location = LocationFactory()
    weekly_hours(location, days=range(7), intervals=(("09:00", "12:00"),))
    url = location.get_absolute_url()
    with time_machine.travel(datetime(2026, 11, 25, 11, 59, tzinfo=TORONTO), tick=False):
        assert "Open now" in get(client, url).text
    with time_machine.travel(datetime(2026, 11, 25, 12, 0, 30, tzinfo=TORONTO), tick=False):
        assert "Closed now" in get(client, url).text


def test_staff_never_read_or_fill_the_public_cache(client, admin_client):
    article = ArticleFactory(title="Public title")
    draft = ArticleFactory(draft=True, title="Staff only")
    url = article.get_absolute_url()
    staff_page = admin_client.get(url)
    assert "X-Cache" not in staff_page
    assert get(client, url)["X-Cache"] == "miss"
    get(client, url)
    assert b"Preview" in admin_client.get(draft.get_absolute_url()).content
    assert "X-Cache" not in admin_client.get(url)
    assert get(client, url)["X-Cache"] == "hit"
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_signed_preview_links_are_never_cached(client):
    draft = ArticleFactory(draft=True)
    link = reverse("articles:preview", kwargs={"token": preview_link_token(draft)})
    for _ in range(2):
        response = get(client, link)
        assert "X-Cache" not in response and "no-store" in response["Cache-Control"]


def test_the_admin_editor_beacon_and_files_never_pass_through_the_cache(client):
    article = ArticleFactory()
    assert get(client, article.get_absolute_url())["X-Cache"] == "miss"
    for url in [
        reverse("editor:markdownify"),
        reverse("articles:view-beacon", args=[article.pk]),
        "/static/css/base.css",
        "/media/articles/hero/missing.jpg",
        reverse("admin:login"),  # last: its form sets a cookie, and cookies bypass the cache
    ]:
        assert not client.cookies and "X-Cache" not in client.get(url), url


def test_conditional_requests_get_304(client):
    article = ArticleFactory()
    for url in [article.get_absolute_url(), reverse("articles:list"), reverse("articles:feed")]:
        etag = get(client, url)["ETag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_html_is_compressed_for_clients_that_accept_gzip(client):
    ArticleFactory.create_batch(5)
    response = get(client, reverse("articles:list"), **{"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    cached = get(client, reverse("articles:list"), **{"Accept-Encoding": "gzip"})
    assert cached["X-Cache"] == "hit" and cached["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in get(client, reverse("articles:list"))


def test_person_page_changes_show(client):
    person = PersonFactory(name="Dr Old")
    get(client, person.get_absolute_url())
    person.name = "Dr New"
    person.save()
    assert b"Dr New" in get(client, person.get_absolute_url()).content


def test_every_model_of_the_content_apps_is_watched_or_named_private():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from clinic.site.page_cache import CONTENT_APPS, PRIVATE_MODELS, content_changed

    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            watched = all(
                content_changed in signal._live_receivers(model)[0]
                for signal in (post_save, post_delete)
            )
            assert watched != (model._meta.label in PRIVATE_MODELS), model._meta.label


def test_writing_a_private_model_keeps_cached_pages(client):
    from articles.models import ArticleDailyViews

    article = ArticleFactory()
    get(client, article.get_absolute_url())
    ArticleDailyViews.objects.create(article=article, day=timezone.localdate(), views=1)
    assert get(client, article.get_absolute_url())["X-Cache"] == "hit"


def test_previews_and_view_counts_stay_out_of_the_cache_in_every_language():
    from django.utils import translation

    from clinic.site.page_cache import _excluded_prefixes

    with translation.override("fr"):  # worked out the same whichever language asks first
        prefixes = _excluded_prefixes()
    assert {"/preview/", "/fr/apercu/", "/v/", "/fr/v/"} <= set(prefixes)
