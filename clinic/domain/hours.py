"""Opening hours: what a location's hours are on a date, and whether it is open now.

Hours are wall-clock times in the clinic's time zone (settings.TIME_ZONE). Every
moment is built with zoneinfo from a date and a local time, so "9 a.m." stays
9 a.m. across daylight-saving changes.

The functions read `location.hours.all()` and `location.exceptions.all()`, so
views prefetch both once and pass as many locations as they like.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from .models.locations import Weekday

LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class DayHours:
    """The opening intervals of one location on one date."""

    date: date
    intervals: tuple = ()
    note: str = ""

    @property
    def is_closed(self):
        return not self.intervals

    @property
    def label(self):
        if self.is_closed:
            return _("Closed")
        return ", ".join(f"{_clock(opens)}–{_clock(closes)}" for opens, closes in self.intervals)


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    today: DayHours
    closes_at: datetime | None = None
    next_opens_at: datetime | None = None
    now: datetime = field(default_factory=timezone.now)

    @property
    def summary(self):
        """“Open now, until 5 p.m.” or “Closed now, opens tomorrow at 9 a.m.”."""
        if self.is_open:
            return _("Open now, until %(time)s") % {"time": _clock(self.closes_at)}
        if self.next_opens_at:
            return _("Closed now, opens %(when)s") % {
                "when": describe_moment(self.next_opens_at, self.now)
            }
        return _("Closed now")


def _clock(moment):
    """The time as the page's language writes it: “5 p.m.”, “17 h 00”."""
    return time_format(moment)


def describe_moment(moment, now):
    """A moment relative to now, as a person says it: “today at 1 p.m.”, “Monday at 9 a.m.”."""
    days_ahead = (moment.date() - now.date()).days
    time = _clock(moment)
    if days_ahead == 0:
        return _("today at %(time)s") % {"time": time}
    if days_ahead == 1:
        return _("tomorrow at %(time)s") % {"time": time}
    day = date_format(moment, "l" if days_ahead < 7 else "l j F")
    return _("%(day)s at %(time)s") % {"day": day, "time": time}


def _weekly(location):
    by_weekday = defaultdict(list)
    for row in location.hours.all():
        by_weekday[row.weekday].append((row.opens, row.closes))
    return {weekday: tuple(sorted(intervals)) for weekday, intervals in by_weekday.items()}


def hours_on(location, day, *, weekly=None, exceptions=None):
    """The location's hours on `day`: a dated exception if there is one, else the weekly rows."""
    weekly = _weekly(location) if weekly is None else weekly
    if exceptions is None:
        exceptions = {exception.date: exception for exception in location.exceptions.all()}
    exception = exceptions.get(day)
    if exception is None:
        return DayHours(date=day, intervals=weekly.get(day.weekday(), ()))
    intervals = () if exception.is_closed else ((exception.opens, exception.closes),)
    return DayHours(date=day, intervals=intervals, note=exception.note)


def opening_status(location, now=None):
    """Whether the location is open at `now`, until when, or when it next opens."""
    now = timezone.localtime(now)
    zone = now.tzinfo
    weekly = _weekly(location)
    exceptions = {exception.date: exception for exception in location.exceptions.all()}
    today = hours_on(location, now.date(), weekly=weekly, exceptions=exceptions)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = now.date() + timedelta(days=offset)
        hours = (
            today if offset == 0 else hours_on(location, day, weekly=weekly, exceptions=exceptions)
        )
        for opens, closes in hours.intervals:
            start = datetime.combine(day, opens, tzinfo=zone)
            end = datetime.combine(day, closes, tzinfo=zone)
            if start <= now < end:
                return OpeningStatus(is_open=True, today=today, closes_at=end, now=now)
            if start > now:
                return OpeningStatus(is_open=False, today=today, next_opens_at=start, now=now)
    return OpeningStatus(is_open=False, today=today, now=now)


def weekly_table(location):
    """Seven (day name, hours label) rows, Monday first, from the weekly hours."""
    weekly = _weekly(location)
    return [
        (weekday.label, DayHours(date=None, intervals=weekly.get(weekday.value, ())).label)
        for weekday in Weekday
    ]


def until_next_midnight(now=None):
    """The next local midnight: when “today's hours” become tomorrow's."""
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
