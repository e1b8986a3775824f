"""Two editors press Save at the same moment on two app servers: exactly one save wins.

Each request runs in its own thread with its own database connection, as two app servers
would. Both have read the row before either checks its version (a barrier holds them there),
so without the row lock both saves would be accepted and one edit silently lost.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

import articles.services
import clinic.domain.forms
from articles.models import Article
from articles.services import publish_article
from clinic.domain.models import Location
from tests.factories import ArticleFactory, LocationFactory
from tests.helpers import article_change_form, location_form, wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; SQLite serialises all writes",
    ),
]


def someone_waits_for_my_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        return cursor.fetchone()[0] > 0


@pytest.fixture
def both_check_at_once(monkeypatch):
    """Hold every version check until two requests reach it, then let them race: the first
    to get the row keeps it until PostgreSQL shows the other one waiting for it."""
    barrier = threading.Barrier(2, timeout=20)
    got_the_row = []
    original = clinic.domain.forms.lock_and_refresh

    def racing(instance, **kwargs):
        barrier.wait()
        original(instance, **kwargs)
        got_the_row.append(threading.get_ident())
        if len(got_the_row) == 1:
            wait_until(someone_waits_for_my_lock, 20, what="the other save waiting for the row")

    monkeypatch.setattr(clinic.domain.forms, "lock_and_refresh", racing)
    monkeypatch.setattr(articles.services, "lock_and_refresh", racing)


def editors(django_user_model, count=2):
    clients = []
    for number in range(count):
        user = django_user_model.objects.create_superuser(
            f"editor{number}", f"e{number}@example.org", "a-long-test-password"
        )
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def post_together(requests):
    responses = [None] * len(requests)

    def run(index, client, url, data):
        try:
            responses[index] = client.post(url, data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def winner_and_loser(responses):
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200, 302], statuses
    winner = next(r for r in responses if r.status_code == 302)
    loser = next(r for r in responses if r.status_code == 200)
    return winner, loser


def test_two_simultaneous_article_saves_one_wins_the_other_keeps_their_typing(
    django_user_model, both_check_at_once
):
    article = ArticleFactory(body="Original")
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened = article_change_form(article)
    first, second = editors(django_user_model)
    responses = post_together(
        [
            (first, url, {**opened, "body": "Text typed by the first editor"}),
            (second, url, {**opened, "body": "Text typed by the second editor"}),
        ]
    )
    winner, loser = winner_and_loser(responses)
    kept = "first" if responses[0] is loser else "second"
    assert "changed this article at" in loser.text
    assert f"Text typed by the {kept} editor" in loser.text
    saved = Article.objects.get(pk=article.pk)
    won = "second" if kept == "first" else "first"
    assert saved.body == f"Text typed by the {won} editor"
    assert saved.edit_version == article.edit_version + 1


def test_two_simultaneous_location_saves_one_wins(django_user_model, both_check_at_once):
    location = LocationFactory()
    url = reverse("admin:clinic_location_change", args=[location.pk])
    opened = location_form(location, opened_version=str(location.edit_version))
    first, second = editors(django_user_model)
    responses = post_together(
        [
            (first, url, {**opened, "phone": "416-555-0111"}),
            (second, url, {**opened, "phone": "416-555-0122"}),
        ]
    )
    _, loser = winner_and_loser(responses)
    assert "changed this location at" in loser.text
    assert Location.objects.get(pk=location.pk).edit_version == location.edit_version + 1


def test_publishing_while_an_editor_saves_never_undoes_either(
    django_user_model, both_check_at_once
):
    """The publish action and a change-form save race: both land, and the version moves
    twice, so a form opened before either is refused."""
    article = ArticleFactory(draft=True, body="We read the study. It was short.")
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened = article_change_form(article)
    (editor,) = editors(django_user_model, count=1)

    def publish():
        try:
            publish_article(article=Article.objects.get(pk=article.pk))
        finally:
            connection.close()

    publisher = threading.Thread(target=publish)
    publisher.start()
    response = editor.post(url, {**opened, "body": "We read the study again. It was good."})
    publisher.join(timeout=60)
    saved = Article.objects.get(pk=article.pk)
    if response.status_code == 302:  # the save went first; publishing came after it
        assert saved.body == "We read the study again. It was good."
        assert saved.status == Article.Status.PUBLISHED
        assert saved.edit_version == article.edit_version + 2
    else:  # publishing went first: the form opened before it is refused
        assert "changed this article at" in response.text
        assert saved.status == Article.Status.PUBLISHED
        assert saved.edit_version == article.edit_version + 1
