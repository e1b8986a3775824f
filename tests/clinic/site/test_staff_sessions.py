"""Staff sessions: signed out after the idle limit, never while working, and requests that change
nothing write nothing to the session table (clinic/site/sessions.py)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clinic.site.sessions import renewal_interval

IDLE = timedelta(minutes=60)  # STAFF_SESSION_IDLE_MINUTES' default
RENEWAL = timedelta(minutes=5)


@pytest.fixture
def working(editor_client):
    """An editor who has just signed in, the clock stopped at that moment."""
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert editor_client.get(reverse("admin:index")).status_code == 200
        yield editor_client, clock


def session_writes(client, method, url, **data):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data)
    assert response.status_code == 200, response.status_code
    return [
        query["sql"]
        for query in queries
        if "django_session" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def signed_in(client):
    response = client.get(reverse("admin:index"))
    if response.status_code == 302:
        assert reverse("admin:login") in response["Location"]
        return False
    assert response.status_code == 200
    return True


def test_the_renewal_interval_is_five_minutes_for_an_hour_and_a_tenth_of_shorter_limits(settings):
    assert renewal_interval() == RENEWAL.total_seconds()
    settings.SESSION_COOKIE_AGE = 15 * 60
    assert renewal_interval() == 90


def test_previews_and_page_views_do_not_write_the_session(working, article):
    client, _ = working
    requests = [
        ("post", reverse("editor:markdownify"), {"content": "Some **bold** text"}),
        ("get", reverse("admin:articles_article_change", args=[article.pk]), {}),
        ("get", reverse("admin:articles_article_changelist"), {}),
        ("get", article.get_absolute_url(), {}),
        ("get", reverse("admin:index"), {}),
    ]
    for method, url, data in requests:
        assert session_writes(client, method, url, **data) == [], f"{method} {url}"


def test_a_request_renews_the_session_once_its_last_save_is_older_than_the_interval(working):
    client, clock = working
    clock.shift(RENEWAL - timedelta(seconds=1))
    assert session_writes(client, "get", reverse("admin:index")) == []
    clock.shift(timedelta(seconds=1))
    assert len(session_writes(client, "get", reverse("admin:index"))) == 1
    expiry = Session.objects.get().expire_date
    assert expiry == timezone.now() + IDLE
    assert session_writes(client, "get", reverse("admin:index")) == []


def test_a_session_idle_for_the_limit_is_signed_out(working):
    client, clock = working
    clock.shift(IDLE + timedelta(seconds=1))
    assert not signed_in(client)


def test_the_idle_limit_counts_from_the_last_request_give_or_take_the_interval(working):
    client, clock = working
    clock.shift(RENEWAL - timedelta(seconds=1))
    client.post(reverse("editor:markdownify"), {"content": "the last thing typed"})
    clock.shift(IDLE - RENEWAL)  # idle 55 minutes since that preview: still signed in
    assert signed_in(client)
    clock.shift(IDLE + timedelta(seconds=1))
    assert not signed_in(client)


@pytest.mark.parametrize(
    ("pause", "span"),
    [
        (timedelta(seconds=10), timedelta(minutes=30)),  # typing: a preview every few seconds
        (timedelta(minutes=4), timedelta(hours=3)),
        (IDLE - RENEWAL, timedelta(hours=3)),  # the longest pause that is never signed out
    ],
)
def test_an_editor_at_work_is_never_signed_out(working, pause, span):
    """Every request is answered as signed in, and the session is written at most once per
    renewal interval."""
    client, clock = working
    writes = 0
    for _ in range(int(span / pause)):
        clock.shift(pause)
        writes += len(session_writes(client, "post", reverse("editor:markdownify"), content="x"))
    assert signed_in(client)
    assert writes <= span / max(pause, RENEWAL) + 1


def test_signing_in_saves_the_session_once_and_the_next_request_writes_nothing(client, editor):
    signed = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "a-long-test-password", "next": reverse("admin:index")},
    )
    assert signed.status_code == 302 and signed["Location"] == reverse("admin:index")
    assert session_writes(client, "get", reverse("admin:index")) == []
