"""The citation check as a background task, for the task worker (`manage.py db_worker`).

    check_citations_task.enqueue()

does what `manage.py check_citations` does, in the worker. django-tasks has no schedule of its
own, so something else starts it: the systemd timer runs the command, or the command with
`--background` queues this task. It is safe to run twice (a notice is recorded once). When
Crossref or PubMed could not be reached for some study, the attempt fails and the task is tried
again in an hour, three times in all; the last attempt ends with its report as the result.
"""

from datetime import timedelta

from clinic.tasks.retries import TryLater, task_with_retries

from .watch import check_citations

ATTEMPTS = 3
RETRY_AFTER = timedelta(hours=1)


class CitationsNotAllChecked(TryLater):
    """Some look-ups failed; they may answer on a later attempt."""


@task_with_retries(attempts=ATTEMPTS, first_delay=RETRY_AFTER)
def check_citations_task():
    """Check every cited study; returns what was found, as the task's result."""
    report = check_citations()
    result = {
        "identifiers_checked": report.identifiers_checked,
        "studies_checked": report.studies_checked,
        "new_notices": [
            {"kind": notice.kind, "published_on": str(notice.published_on or ""),
             "link": notice.link, "study": notice.study.title,
             "article": notice.study.article.title}
            for notice in report.new_notices
        ],
        "not_checked": report.problems,
    }  # fmt: skip
    if report.problems:
        raise CitationsNotAllChecked(
            f"{len(report.problems)} look-up(s) failed: {'; '.join(report.problems)}",
            result=result,
        )
    return result
