"""Background tasks: retried with a back-off, then failed with the reason the admin shows."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from clinic.tasks.retries import GiveUp, task_with_retries
from clinic.tasks.status import DONE, FAILED, QUEUED, RETRYING, progress
from tests.factories import ArticleFactory
from tests.helpers import jpeg

pytestmark = pytest.mark.django_db
FAILURES = {"left": 0}


@task_with_retries(attempts=3)
def flaky(*, key):
    """Fails while FAILURES["left"] is above zero, then answers."""
    if FAILURES["left"] > 0:
        FAILURES["left"] -= 1
        raise OSError(f"the store did not answer ({key})")
    return f"done {key}"


@task_with_retries(attempts=3)
def refusing(*, key):
    raise GiveUp(f"{key} is not a picture")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_failing_task_is_retried_after_a_growing_delay_then_succeeds(run_tasks):
    FAILURES["left"] = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        flaky.enqueue(key="a")
        assert progress(flaky, key="a").state == QUEUED
        assert run_tasks() == 1
        state = progress(flaky, key="a")
        assert (state.state, state.attempt, state.next_try) == (
            RETRYING,
            2,
            start + timedelta(seconds=30),
        )
        assert state.describe() == (
            "failed: OSError: the store did not answer (a) — will retry in 30 s (attempt 2 of 3)"
        )
        assert run_tasks() == 0  # not due yet
        clock.shift(timedelta(seconds=31))
        assert run_tasks() == 1
        assert progress(flaky, key="a").next_try == start + timedelta(seconds=31 + 60)
        clock.shift(timedelta(seconds=61))
        assert run_tasks() == 1
    state = progress(flaky, key="a")
    assert (state.state, state.attempt, state.return_value) == (DONE, 3, "done a")
    statuses = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))
    assert statuses == [
        TaskResultStatus.FAILED,
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
    ]


def test_after_the_last_attempt_it_stays_failed_with_its_reason(run_tasks):
    FAILURES["left"] = 5
    with time_machine.travel(timezone.now(), tick=False) as clock:
        flaky.enqueue(key="b")
        for _ in range(3):
            assert run_tasks() == 1
            clock.shift(timedelta(minutes=5))
        assert run_tasks() == 0
    state = progress(flaky, key="b")
    assert state.state == FAILED
    assert state.describe() == "failed after 3 attempts: OSError: the store did not answer (b)"
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3


def test_a_task_that_gives_up_is_not_retried(run_tasks):
    refusing.enqueue(key="notes.txt")
    assert run_tasks() == 1
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert progress(refusing, key="notes.txt").reason.endswith("GiveUp: notes.txt is not a picture")


def hero_versions_line(client, article):
    html = client.get(f"/admin/articles/article/{article.pk}/change/").text
    start = html.index("Image versions")
    return html[start : html.index("</div>", html.index('class="readonly"', start))]


def test_the_article_form_says_what_became_of_the_hero_images_versions(
    admin_client, run_tasks, django_capture_on_commit_callbacks
):
    article = ArticleFactory(hero_alt="A calm waiting room")
    with django_capture_on_commit_callbacks(execute=True):
        article.hero_image.save("hero.jpg", jpeg(900, 450))
    line = hero_versions_line(admin_client, article)
    assert re.search(r"Being made \(queued \d+ s ago\); pages show the original picture", line)
    default_storage.delete(article.hero_image.name)  # the original is lost: every try fails
    with time_machine.travel(timezone.now(), tick=False) as clock:
        run_tasks()
        line = hero_versions_line(admin_client, article)
        assert "Failed: FileNotFoundError: " in line and article.hero_image.name in line
        assert "will retry in 30 s (attempt 2 of 4)" in line
        for _ in range(3):
            clock.shift(timedelta(minutes=10))
            run_tasks()
    line = hero_versions_line(admin_client, article)
    assert "Failed after 4 attempts: FileNotFoundError: " in line
    assert "Pages show the original picture." in line
    article.refresh_from_db()
    assert (article.hero_width, article.hero_height) == (900, 450)  # the known size stays


def test_the_task_list_is_for_superusers(admin_client, editor_client):
    flaky.enqueue(key="c")
    listing = admin_client.get("/admin/django_tasks_database/dbtaskresult/")
    assert listing.status_code == 200 and "flaky" in listing.text
    assert editor_client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 403
