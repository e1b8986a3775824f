import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from clinic.domain.models import Location, LocationException, OpeningHours
from tests.factories import ArticleFactory, LocationFactory, weekly_hours

pytestmark = pytest.mark.django_db


def test_locations_page_lists_active_locations_with_click_to_call_and_status(client):
    place = LocationFactory(name="Downtown", email="hello@example.org",
                            booking_url="https://example.org/book")  # fmt: skip
    weekly_hours(place, days=range(7))
    LocationFactory(name="Old office", is_active=False)
    html = client.get(reverse("clinic:locations")).content.decode()
    assert "Downtown" in html and "Old office" not in html
    assert (
        '<a href="tel:+1-416-555-0100"><span class="visually-hidden">Call Downtown at </span>'
        "(416) 555-0100</a>"
    ) in html
    assert "mailto:hello@example.org" in html and "https://example.org/book" in html
    assert ("Open now" in html) or ("Closed now" in html)
    assert "Today" in html


def test_phone_is_stored_in_e164_and_shown_in_national_format():
    place = LocationFactory(phone="416 555 0199")
    place.refresh_from_db()
    assert str(place.phone) == "(416) 555-0199"
    assert place.phone.as_e164 == "+14165550199"
    assert Location.objects.filter(phone="+14165550199").exists()


def test_location_page_shows_weekly_table_exceptions_and_visiting_notes(client):
    from datetime import timedelta

    from django.utils import timezone

    place = LocationFactory(parking_notes="Free parking behind the building.")
    weekly_hours(place, days=[0], intervals=(("09:00", "12:00"), ("13:00", "17:00")))
    soon = timezone.localdate() + timedelta(days=3)
    LocationException.objects.create(location=place, date=soon, note="Staff training day")
    LocationException.objects.create(
        location=place, date=timezone.localdate() - timedelta(days=3), note="Long past"
    )
    html = client.get(place.get_absolute_url()).content.decode()
    assert '<th scope="row">Monday</th><td>9 a.m.–noon, 1 p.m.–5 p.m.</td>' in html
    assert '<th scope="row">Sunday</th><td>Closed</td>' in html
    assert "Staff training day" in html and "Long past" not in html
    assert "Free parking behind the building." in html


def test_inactive_or_unknown_location_is_404(client):
    hidden = LocationFactory(is_active=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    missing = reverse("clinic:location-detail", kwargs={"slug": "nowhere"})
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize("name", ["articles:home", "articles:list", "clinic:team"])
def test_every_page_footer_shows_each_active_location_and_phone(client, name):
    LocationFactory(name="Midtown", phone="+14165550123")
    LocationFactory(name="Closed branch", phone="+14165550999", is_active=False)
    html = client.get(reverse(name)).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert "Midtown" in footer and "(416) 555-0123" in footer
    assert "Closed branch" not in footer


def test_article_ends_with_a_call_to_contact_or_book_from_location_data(client):
    LocationFactory(name="Lakeshore", phone="+14165550177", booking_url="https://example.org/b")
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    cta = html[html.index('class="cta"') :]
    assert "Lakeshore" in cta and "tel:+1-416-555-0177" in cta and "https://example.org/b" in cta


def test_database_refuses_hours_that_close_before_they_open():
    place = LocationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(location=place, weekday=0, opens="17:00", closes="09:00")


def test_database_refuses_special_hours_without_times_or_a_closure_with_times():
    place = LocationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationException.objects.create(location=place, date="2026-12-24", is_closed=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationException.objects.create(
            location=place, date="2026-12-25", is_closed=True, opens="09:00", closes="10:00"
        )


def test_locations_page_query_count_does_not_grow_with_locations(
    client, django_assert_max_num_queries
):
    def queries():
        with django_assert_max_num_queries(6) as captured:
            client.get(reverse("clinic:locations"))
        return len(captured.captured_queries)

    weekly_hours(LocationFactory())
    few = queries()
    for _ in range(15):
        weekly_hours(LocationFactory(), days=range(6))
    assert queries() == few
