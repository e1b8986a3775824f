"""Tasks that try again: a failed attempt is recorded as failed and the next one queued.

django-tasks has no retries of its own (each result is tried once), so a task made with
`task_with_retries` re-enqueues itself when it raises: the same arguments plus
`attempt=<n + 1>`, to run after a back-off that doubles each time (30 s, 60 s, 120 s by
default). The attempt that raised still ends FAILED, with its exception and traceback in its
result, which is what the admin shows. After the last attempt nothing more is queued. A task
made this way must be safe to run twice (idempotent): an attempt may fail after doing part of
its work.
"""

import functools
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)
ATTEMPTS = 4
FIRST_DELAY = timedelta(seconds=30)


class GiveUp(Exception):  # noqa: N818 - reads as what the task does
    """Raised by a task to fail at once, with no further attempt (its message is the reason)."""


class TryLater(Exception):  # noqa: N818 - reads as what the task asks
    """Raised by a task that did what it could, when the rest may work on a later attempt.

    Retried like any failure; on the last attempt the task returns `result` (its report of
    what was done and what was not) instead of failing.
    """

    def __init__(self, message, *, result=None):
        super().__init__(message)
        self.result = result


def retry_delay(attempt, first_delay=FIRST_DELAY):
    """How long to wait before the attempt after `attempt` (1-based)."""
    return first_delay * 2 ** (attempt - 1)


def task_with_retries(*, attempts=ATTEMPTS, first_delay=FIRST_DELAY, **task_options):
    """Like django-tasks' `@task(...)`, with up to `attempts` tries of the function in all."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except GiveUp:
                raise
            except TryLater as error:
                if attempt >= attempts:
                    return error.result
                again(args, kwargs, attempt)
                raise
            except Exception:
                if attempt < attempts:
                    again(args, kwargs, attempt)
                raise

        def again(args, kwargs, attempt):
            when = timezone.now() + retry_delay(attempt, first_delay)
            retried.using(run_after=when).enqueue(*args, attempt=attempt + 1, **kwargs)
            logger.warning(
                "%s failed (attempt %s of %s); trying again at %s",
                retried.name, attempt, attempts, when.isoformat(timespec="seconds"),
            )  # fmt: skip

        run.attempts = attempts
        retried = task(**task_options)(run)
        return retried

    return decorate
