"""Opening status with a fixed clock, in the clinic's time zone (America/Toronto)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from clinic.domain.hours import hours_on, opening_status, weekly_table
from clinic.domain.models import LocationException
from tests.factories import LocationFactory, weekly_hours

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=TORONTO)


@pytest.fixture
def location():
    """Open Monday to Friday 9–12 and 13–17 (a lunch break); closed at weekends."""
    place = LocationFactory()
    weekly_hours(place, intervals=(("09:00", "12:00"), ("13:00", "17:00")))
    return place


def test_open_from_the_minute_it_opens(location):
    status = opening_status(location, at(2026, 11, 23, 9, 0))  # a Monday
    assert status.is_open
    assert status.summary == "Open now, until noon"


def test_closed_at_the_minute_it_closes_and_says_when_it_reopens(location):
    status = opening_status(location, at(2026, 11, 23, 12, 0))
    assert not status.is_open
    assert status.summary == "Closed now, opens today at 1 p.m."


def test_one_minute_before_opening_is_closed(location):
    status = opening_status(location, at(2026, 11, 23, 8, 59))
    assert status.summary == "Closed now, opens today at 9 a.m."


def test_after_hours_on_friday_opens_monday(location):
    status = opening_status(location, at(2026, 11, 27, 17, 0))
    assert status.summary == "Closed now, opens Monday at 9 a.m."
    assert status.today.label == "9 a.m.–noon, 1 p.m.–5 p.m."


def test_evening_opens_tomorrow(location):
    assert opening_status(location, at(2026, 11, 24, 20, 0)).summary == (
        "Closed now, opens tomorrow at 9 a.m."
    )


def test_holiday_closure_overrides_the_weekly_hours(location):
    LocationException.objects.create(location=location, date=date(2026, 12, 25), note="Christmas")
    status = opening_status(location, at(2026, 12, 25, 10, 0))  # a Friday
    assert not status.is_open
    assert status.today.label == "Closed" and status.today.note == "Christmas"
    assert status.summary == "Closed now, opens Monday at 9 a.m."


def test_special_hours_replace_the_weekly_hours_that_day(location):
    LocationException.objects.create(
        location=location, date=date(2026, 12, 24), is_closed=False,
        opens=time(10, 0), closes=time(14, 0), note="Christmas Eve",
    )  # fmt: skip
    assert opening_status(location, at(2026, 12, 24, 9, 30)).summary == (
        "Closed now, opens today at 10 a.m."
    )
    assert opening_status(location, at(2026, 12, 24, 13, 30)).summary == ("Open now, until 2 p.m.")
    assert not opening_status(location, at(2026, 12, 24, 15, 0)).is_open


def test_open_status_is_right_the_morning_after_clocks_spring_forward(location):
    # 8 March 2026: Toronto moves from UTC-5 to UTC-4. 13:30 UTC on Monday 9 March is 9:30
    # local; a fixed -5 offset would wrongly say 8:30 and "closed".
    monday = datetime(2026, 3, 9, 13, 30, tzinfo=UTC)
    assert opening_status(location, monday).is_open
    before_opening = datetime(2026, 3, 9, 12, 30, tzinfo=UTC)
    assert opening_status(location, before_opening).summary == ("Closed now, opens today at 9 a.m.")


def test_next_opening_across_the_autumn_change_keeps_local_wall_time(location):
    # Clocks fall back on Sunday 1 November 2026; Monday still opens at 9 a.m. local (14:00 UTC).
    status = opening_status(location, datetime(2026, 10, 31, 18, 0, tzinfo=UTC))
    assert status.next_opens_at.astimezone(UTC) == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
    assert status.summary == "Closed now, opens Monday at 9 a.m."


def test_location_with_no_hours_is_closed_with_no_next_opening():
    status = opening_status(LocationFactory(), at(2026, 11, 23, 10))
    assert status.summary == "Closed now"


def test_weekly_table_lists_every_day_with_closed_days(location):
    table = weekly_table(location)
    assert table[0] == ("Monday", "9 a.m.–noon, 1 p.m.–5 p.m.")
    assert table[5:] == [("Saturday", "Closed"), ("Sunday", "Closed")]
    assert hours_on(location, date(2026, 11, 28)).is_closed
