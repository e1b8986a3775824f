"""The location admin: what the Front desk may change, and times as the clinic writes them."""

import pytest
from django.urls import reverse

from clinic.domain.models import Location
from clinic.domain.roles import FRONT_DESK
from tests.factories import LocationFactory, weekly_hours
from tests.helpers import form_data, staff_in_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_desk_client(client, django_user_model):
    client.force_login(staff_in_role(django_user_model, FRONT_DESK))
    return client


def change_url(location):
    return reverse("admin:clinic_location_change", args=[location.pk])


def test_front_desk_edits_contact_details_and_sees_the_rest_read_only(front_desk_client):
    location = LocationFactory(name="Downtown", street_address="1 King St")
    page = front_desk_client.get(change_url(location))
    form = page.context["adminform"].form
    assert set(form.fields) == {
        "phone", "alternate_phone", "alternate_phone_label_en", "alternate_phone_label_fr",
        "email", "accessibility_notes_en", "accessibility_notes_fr", "parking_notes_en",
        "parking_notes_fr", "transit_notes_en", "transit_notes_fr", "opened_version",
    }  # its wording in English and French beside each other  # fmt: skip
    assert "Downtown" in page.text and "1 King St" in page.text  # shown, not editable

    data = form_data(page, form_id="location_form", phone="416-555-0199",
                     name="Renamed", street_address="9 Elsewhere Rd", is_active="",
                     position="9", booking_url="https://evil.example/")  # fmt: skip
    data.pop("is_active", None)
    response = front_desk_client.post(change_url(location), data)
    assert response.status_code == 302
    location.refresh_from_db()
    assert location.phone.as_e164 == "+14165550199"
    assert (location.name, location.street_address) == ("Downtown", "1 King St")
    assert location.is_active and location.position == 0 and location.booking_url == ""


def test_superuser_still_edits_every_location_field(admin_client):
    location = LocationFactory()
    form = admin_client.get(change_url(location)).context["adminform"].form
    assert {"name", "slug", "street_address", "is_active", "position", "booking_url",
            "map_url"} <= set(form.fields)  # fmt: skip


def test_hours_show_without_seconds_and_accept_times_as_people_type_them(admin_client):
    location = LocationFactory()
    weekly_hours(location, days=[0], intervals=[("08:30", "17:00")])
    page = admin_client.get(change_url(location))
    assert 'value="08:30"' in page.text and "08:30:00" not in page.text
    data = form_data(page, form_id="location_form", **{"hours-0-closes": "5:30 pm"})
    assert admin_client.post(change_url(location), data).status_code == 302
    assert f"{Location.objects.get().hours.get().closes:%H:%M}" == "17:30"


def test_each_hours_cell_carries_its_label_for_small_screens(admin_client):
    location = LocationFactory()
    weekly_hours(location, days=[0])
    page = admin_client.get(change_url(location)).text
    assert 'class="compact-inline__label" for="id_hours-0-closes">Closes</label>' in page
    assert 'for="id_exceptions-0-note_fr">Public note [fr]</label>' in page
    assert "css/admin-locations.css" in page
