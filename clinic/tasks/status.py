"""What became of a task: queued, running, waiting to try again, failed (and why), or done.

Read from django-tasks-db's results table, so every app server and the admin see the same.
A retry is a new result with `attempt=<n>` among its keyword arguments (see `retries`); the
state of a piece of work is that of its newest result, with the reason of the attempt before
it when that one failed.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

QUEUED, RUNNING, RETRYING, FAILED, DONE = "queued", "running", "retrying", "failed", "done"


@dataclass(frozen=True)
class Progress:
    state: str
    since: datetime  # when the newest attempt was queued, started or finished
    attempt: int = 1
    attempts: int = 1
    reason: str = ""  # the last failure's exception, one line
    next_try: datetime | None = None
    return_value: object = None

    def describe(self, now=None):
        """One line for the admin, such as "failed: OSError: … — will retry in 30 s"."""
        now = now or timezone.now()
        if self.state == QUEUED:
            return f"queued {ago(self.since, now)} ago"
        if self.state == RUNNING:
            return f"started {ago(self.since, now)} ago"
        if self.state == RETRYING:
            wait = "now" if self.next_try <= now else f"in {ago(now, self.next_try)}"
            return (f"failed: {self.reason} — will retry {wait} "
                    f"(attempt {self.attempt} of {self.attempts})")  # fmt: skip
        if self.state == FAILED:
            tries = f" after {self.attempt} attempts" if self.attempt > 1 else ""
            return f"failed{tries}: {self.reason}"
        return f"done {ago(self.since, now)} ago"


def ago(earlier, later):
    seconds = max(0, round((later - earlier).total_seconds()))
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    return f"{round(seconds / 3600)} h"


def failure_reason(result):
    """The exception's own line ("OSError: …"), the last line of the stored traceback."""
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else result.exception_class_path


def _attempt(result):
    return result.args_kwargs["kwargs"].get("attempt", 1)


def _order(result):
    """Newest first; a retry is queued in the same instant as the failure that caused it."""
    return (result.enqueued_at, _attempt(result))


def progress(task, **kwargs):
    """The Progress of `task` run with these keyword arguments, or None if never queued."""
    filters = {f"args_kwargs__kwargs__{name}": value for name, value in kwargs.items()}
    recent = DBTaskResult.objects.filter(task_path=task.module_path, **filters)
    recent = sorted(recent.order_by("-enqueued_at")[:10], key=_order, reverse=True)
    if not recent:
        return None
    newest, before = recent[0], (recent[1] if len(recent) > 1 else None)
    attempt = _attempt(newest)
    common = {"attempt": attempt, "attempts": getattr(task.func, "attempts", 1)}
    status = newest.status
    if (
        status == TaskResultStatus.READY
        and before
        and before.status == TaskResultStatus.FAILED
        and attempt > 1
    ):
        return Progress(RETRYING, before.finished_at or before.enqueued_at, **common,
                        reason=failure_reason(before), next_try=newest.run_after)  # fmt: skip
    if status == TaskResultStatus.READY:
        return Progress(QUEUED, newest.enqueued_at, **common)
    if status == TaskResultStatus.RUNNING:
        return Progress(RUNNING, newest.started_at or newest.enqueued_at, **common)
    if status == TaskResultStatus.FAILED:
        return Progress(FAILED, newest.finished_at, **common, reason=failure_reason(newest))
    return Progress(DONE, newest.finished_at, **common, return_value=newest.return_value)
