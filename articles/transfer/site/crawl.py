"""Reading a site for the admin, in the background: the `read_site` task and where it stands.

The admin's "Import from the site's address" makes a `SiteImport` row (queued) and queues
`read_site`. The task (in a `manage.py db_worker` process) marks the row running, reads the
site through `SiteReader` (robots.txt, sitemaps and feeds, each post page one at a time),
counting pages found, read and not read on the row as it goes, with `heartbeat_at` moved on
after every request. It keeps what it read and the dry-run report on the row (state "read"),
so the confirm imports without reading the site again. A site that cannot be read (`SiteError`:
robots.txt forbids it, no answer, no posts found) leaves the row failed with the reason; any
other error does too, and is raised again, so the task's own result keeps the traceback.

A row running with no sign of life for `STALE_AFTER` is shown as stalled (its worker stopped);
starting the same address again then closes it as failed. A row whose task failed before it
could say so (`clinic.tasks.status`) is shown failed with the task's reason.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from articles.models import SiteImport
from articles.transfer.apply import ImportOptions
from clinic.tasks.status import FAILED, progress

from .apply import import_site
from .reader import SiteError, SiteReader
from .stored import StoredReader, dump

STALE_AFTER = timedelta(minutes=10)  # a request takes at most ~90 s (30 s pause, 60 s limit)
QUEUED_TOO_LONG = timedelta(minutes=2)
KEEP_FOR = timedelta(days=7)  # a finished reading (and its pages) is deleted a week later
State = SiteImport.State


class Stopped(Exception):  # noqa: N818 - reads as what happened
    """The row was deleted or closed while reading (stalled, then replaced): stop quietly."""


@task()
def read_site(*, site_import_id):
    """Read the site of one `SiteImport` row; returns a short summary for the task's result."""
    return SiteReading(site_import_id).run()


class SiteReading:
    def __init__(self, site_import_id, *, reader=None):
        self.pk = site_import_id
        self.reader = reader

    def run(self):
        now = timezone.now()
        claimed = SiteImport.objects.filter(pk=self.pk, state=State.QUEUED).update(
            state=State.RUNNING, started_at=now, heartbeat_at=now
        )
        if not claimed:  # deleted, or closed as stalled before a worker took it
            return {"read": False, "reason": "no longer waiting to be read"}
        row = SiteImport.objects.get(pk=self.pk)
        try:
            reader = self.reader or SiteReader(row.address, on_progress=self.counted)
            reader.on_progress = self.counted
            reader.client.on_request = self.beat
            pages = list(reader.pages())
            kept = dump(reader.site, pages, reader.reading)
            stored = StoredReader(reader.site, pages, reader.reading)
            options = ImportOptions(dry_run=True, fetch_images=row.fetch_images)
            report = import_site(row.address, options, reader=stored)
        except Stopped:
            return {"read": False, "reason": "stopped: the reading was closed meanwhile"}
        except SiteError as error:
            self.finish(state=State.FAILED, reason=str(error))
            return {"read": False, "reason": str(error)}
        except Exception as error:
            self.finish(
                state=State.FAILED,
                reason=f"The reading stopped on an unexpected error ({type(error).__name__}: "
                f"{error}). Try again; if it happens again, the task's result in the admin "
                "(Tasks) has the details for whoever runs the server.",
            )
            raise
        progress_ = reader.reading.progress
        self.finish(
            state=State.READ,
            pages=kept,
            report=report.to_data(),
            found=progress_.found,
            fetched=progress_.fetched,
            not_read=progress_.failed,
        )
        return {"read": True, "found": progress_.found, "fetched": progress_.fetched}

    def counted(self, counts):
        self._update(found=counts.found, fetched=counts.fetched, not_read=counts.failed)

    def beat(self):
        self._update()

    def _update(self, **counts):
        alive = SiteImport.objects.filter(pk=self.pk, state=State.RUNNING)
        if not alive.update(heartbeat_at=timezone.now(), **counts):
            raise Stopped

    def finish(self, **fields):
        now = timezone.now()
        SiteImport.objects.filter(pk=self.pk, state=State.RUNNING).update(
            finished_at=now, heartbeat_at=now, expires_at=now + KEEP_FOR, **fields
        )


@dataclass(frozen=True)
class Standing:
    """Where a `SiteImport` stands, for the admin: a state, one line, and whether to refresh."""

    state: str  # a SiteImport.State value, or "stalled" / "waiting" (queued too long)
    line: str
    active: bool  # still moving on by itself: the page refreshes
    reason: str = ""


def standing(row, now=None):
    """The `Standing` of `row`, counting a dead worker and a failed task as what they are."""
    now = now or timezone.now()
    if row.state in SiteImport.ACTIVE:
        task_progress = progress(read_site, site_import_id=row.pk)
        if task_progress is not None and task_progress.state == FAILED:
            reason = f"The background task failed: {task_progress.reason}"
            return Standing(State.FAILED, f"Failed. {reason}", False, reason)
    if row.state == State.QUEUED:
        waited = now - row.created_at
        if waited > QUEUED_TOO_LONG:
            return Standing(
                "waiting",
                f"Still waiting for the background worker after {_minutes(waited)}: it may not "
                "be running (whoever runs the server starts it: `make run` does, and "
                "deployments run clinic-worker.service).",
                True,
            )
        return Standing(State.QUEUED, "Queued: waiting for the background worker.", True)
    counts = f"{row.found} post(s) found, {row.fetched} read, {row.not_read} could not be read"
    if row.state == State.RUNNING:
        quiet = now - (row.heartbeat_at or row.started_at or row.created_at)
        if quiet > STALE_AFTER:
            return Standing(
                "stalled",
                f"Stalled: no sign of life for {_minutes(quiet)} ({counts} so far). The "
                "background worker reading it probably stopped or was restarted. Start the "
                "reading again below.",
                False,
            )
        if not row.found:
            return Standing(State.RUNNING, "Reading the site: looking for its posts…", True)
        return Standing(State.RUNNING, f"Reading the site: {counts}.", True)
    if row.state == State.FAILED:
        return Standing(State.FAILED, f"Failed. {row.reason}", False, row.reason)
    if row.state == State.READ:
        return Standing(State.READ, f"Read: {counts}. Check the report, then confirm.", False)
    if row.state == State.IMPORTING:
        return Standing(State.IMPORTING, f"Partly imported. {row.summary}", False)
    return Standing(State.IMPORTED, f"Imported. {row.summary}", False)


def _minutes(delta):
    minutes = max(1, round(delta.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def close_if_stalled(row, now=None):
    """Mark a stalled or task-failed reading failed (so the address can be read again)."""
    state = standing(row, now)
    if state.state == "stalled":
        reason = (
            "It stopped making progress (the background worker stopped or was restarted) "
            "and was replaced by a new reading."
        )
    elif state.state == State.FAILED and row.state in SiteImport.ACTIVE:
        reason = state.reason
    else:
        return False
    closed = SiteImport.objects.filter(pk=row.pk, state=row.state).update(
        state=State.FAILED, reason=reason, finished_at=timezone.now(),
        expires_at=timezone.now() + KEEP_FOR,
    )  # fmt: skip
    return bool(closed)
