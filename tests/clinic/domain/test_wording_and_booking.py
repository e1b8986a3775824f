"""Every visible sentence comes from the site settings; booking links where visitors look."""

import pytest
from django.urls import reverse

from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, LocationFactory

pytestmark = pytest.mark.django_db

WORDING = {
    "home_title": "Evidence, explained by Northside",
    "home_intro": "Our own introduction for patients.",
    "contact_heading": "Want to talk it through?",
    "contact_text": "Our clinicians are happy to help.",
    "footer_note": "Our own footer sentence.",
    "articles_intro": "Our own article list introduction.",
    "topics_intro": "Our own topics introduction.",
    "team_intro": "Our own team introduction.",
    "locations_intro": "Our own locations introduction.",
}


@pytest.fixture
def profile(db):
    profile = ClinicProfile.load()
    for name, value in WORDING.items():
        setattr(profile, name, value)
    profile.booking_url = "https://book.example.org/northside"
    profile.save()
    return profile


def test_every_page_shows_the_clinics_own_wording(client, profile):
    article = ArticleFactory()
    LocationFactory()
    pages = {
        "/": ["home_title", "home_intro", "footer_note"],
        reverse("articles:list"): ["articles_intro"],
        reverse("articles:topic-list"): ["topics_intro"],
        reverse("clinic:team"): ["team_intro"],
        reverse("clinic:locations"): ["locations_intro"],
        article.get_absolute_url(): ["contact_heading", "contact_text"],
    }
    for url, fields in pages.items():
        html = client.get(url).text
        for field in fields:
            assert WORDING[field] in html, (url, field)


def test_defaults_read_as_before_and_the_home_title_names_the_clinic(client):
    ClinicProfile.objects.update_or_create(pk=1, defaults={"name": "Northside"})
    html = client.get("/").text
    assert "<h1>Northside research library</h1>" in html
    assert "The articles on this site are for education only" in html


def test_the_default_disclaimer_names_no_countrys_emergency_numbers():
    default = ClinicProfile._meta.get_field("default_disclaimer").get_default()
    assert "911" not in default and "988" not in default
    assert "local emergency number" in default


def test_the_booking_link_is_in_the_header_contact_box_and_locations(client, profile):
    article = ArticleFactory()
    own = LocationFactory(booking_url="https://book.example.org/downtown")
    other = LocationFactory()
    link = 'href="https://book.example.org/northside"'

    assert link in client.get("/").text.split("</header>")[0]
    contact_box = client.get(article.get_absolute_url()).text.split('class="cta"')[1]
    assert link in contact_box
    assert 'href="https://book.example.org/downtown"' in contact_box
    assert link in client.get(reverse("clinic:locations")).text
    assert 'href="https://book.example.org/downtown"' in client.get(own.get_absolute_url()).text
    assert link in client.get(other.get_absolute_url()).text  # falls back to the clinic's


def test_without_a_booking_link_no_booking_button_is_shown(client):
    assert "Book an appointment" not in client.get("/").text
