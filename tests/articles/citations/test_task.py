"""The citation check as a background task: queued, run by the worker, retried if need be."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.citations.tasks import check_citations_task
from articles.models import CitationNotice
from clinic.tasks.status import DONE, RETRYING, progress
from tests.factories import StudyFactory

pytestmark = pytest.mark.django_db


def test_the_command_queues_the_check_for_the_worker(recorded_services, run_tasks, capsys):
    StudyFactory(pmid="35649368", title="Fatty acid oxidation", article__title="Cancer cells")
    call_command("check_citations", "--background")
    assert capsys.readouterr().out.startswith("Queued the citation check for the task worker")
    assert not CitationNotice.objects.exists()  # nothing ran here
    assert run_tasks() == 1
    state = progress(check_citations_task)
    assert state.state == DONE
    assert state.return_value == {
        "identifiers_checked": 1, "studies_checked": 1, "not_checked": [],
        "new_notices": [{
            "kind": "correction", "published_on": "2022-06-28",
            "link": "https://doi.org/10.1016/j.celrep.2022.111044",
            "study": "Fatty acid oxidation", "article": "Cancer cells",
        }],
    }  # fmt: skip
    assert CitationNotice.objects.get().kind == CitationNotice.Kind.CORRECTION


def test_a_service_that_does_not_answer_is_tried_again_an_hour_later(recorded_services, run_tasks):
    StudyFactory(pmid="993")
    recorded_services.fail_with = 503
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        check_citations_task.enqueue()
        assert run_tasks() == 1
        state = progress(check_citations_task)
        assert (state.state, state.next_try) == (RETRYING, start + timedelta(hours=1))
        recorded_services.fail_with = None
        clock.shift(timedelta(hours=1, minutes=1))
        assert run_tasks() == 1
    assert progress(check_citations_task).state == DONE
    assert CitationNotice.objects.get().kind == CitationNotice.Kind.RETRACTION
