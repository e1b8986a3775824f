"""Help in one tap: numbers become links, the urgent-help page, the quick exit's switch."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from clinic.domain.models import ClinicProfile, CrisisLine
from clinic.domain.templatetags.phones import link_phone_numbers
from tests.factories import LocationFactory


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("call 911 or 988 (Suicide Crisis Helpline).",
         ['href="tel:911">911</a>', 'href="tel:988">988 (Suicide Crisis Helpline)</a>']),
        ("Call 1-800-668-6868 or text CONNECT to 686868.",
         ['href="tel:18006686868">1-800-668-6868</a>', 'href="sms:686868">686868</a>']),
        ("call or text 988 any time", ['href="tel:988">988</a>']),
        ("Samaritans on 116 123, Lifeline on 13 11 14",
         ['href="tel:116123">116 123</a>', 'href="tel:131114">13 11 14</a>']),
        ("From abroad: +1 416 555 0100.", ['href="tel:+14165550100">+1 416 555 0100</a>']),
        ("Call 988 24 hours a day.", ['href="tel:988">988</a> 24 hours']),
    ],
)  # fmt: skip
def test_phone_and_crisis_numbers_become_links_with_their_label(text, links):
    html = link_phone_numbers(text)
    for link in links:
        assert link in html


@pytest.mark.parametrize(
    "text",
    ["In 2023, 171 women took part.", "34 people in 4 studies", "doi 10.4088/JCP.22br14564",
     "10,000 people", "version 1.2.3", "updated 2026-12-07", "from 1990-2004",
     "https://988.ca/ and www.988lifeline.org"],
)  # fmt: skip
def test_years_counts_and_identifiers_are_left_alone(text):
    assert "<a" not in link_phone_numbers(text)


def test_the_text_is_escaped_before_anything_is_linked():
    html = link_phone_numbers('<script>alert(1)</script> call 911 <a href="x">')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;a href=&quot;x&quot;&gt;" in html
    assert html.count("<a ") == 1


@pytest.mark.django_db
def test_the_urgent_help_page_lists_the_seeded_lines_by_region_none_alone(client):
    html = client.get(reverse("clinic:urgent-help")).text
    for region in ("Canada", "United States", "United Kingdom and Ireland", "Australia"):
        assert f">{region}</h2>" in html
    assert html.count('href="tel:') >= 10
    assert 'href="tel:988"' in html and 'href="sms:741741"' in html
    assert "If one is busy or does not suit you, try another." in html
    assert all(CrisisLine.objects.filter(region=r).count() >= 2 for r in ("Canada", "Australia"))


@pytest.mark.django_db
def test_a_line_needs_a_way_to_reach_it():
    line = CrisisLine(region="Canada", name="Nothing to call")
    with pytest.raises(ValidationError):
        line.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()
    with pytest.raises(ValidationError):
        CrisisLine(region="Canada", name="Letters", phone="call us").full_clean()


@pytest.mark.django_db
def test_every_page_links_to_urgent_help_and_shows_the_quick_exit_until_switched_off(client):
    html = client.get(reverse("articles:home")).text
    assert f'<a class="urgent-link" href="{reverse("clinic:urgent-help")}"' in html
    assert '<a class="quick-exit" href="https://www.google.com/" rel="noreferrer"' in html
    assert "js/quick-exit" in html
    profile = ClinicProfile.load()
    profile.quick_exit_enabled = False
    profile.save()
    html = client.get(reverse("articles:home")).text
    assert "quick-exit" not in html
    assert "urgent-link" in html


@pytest.mark.django_db
def test_the_second_phone_says_what_it_is(client):
    location = LocationFactory(alternate_phone="1-800-555-0199", alternate_phone_label="Toll-free")
    html = client.get(location.get_absolute_url()).text
    assert ">Toll-free</span>" in html and ">Also<" not in html
    location.alternate_phone_label = ""
    location.save()
    assert ">Other phone</span>" in client.get(location.get_absolute_url()).text


@pytest.mark.django_db
def test_marketing_keeps_the_crisis_lines_and_the_page_shows_the_change(client, django_user_model):
    from clinic.domain.roles import MARKETING
    from tests.helpers import staff_in_role

    client.force_login(staff_in_role(django_user_model, MARKETING))
    response = client.post(
        reverse("admin:clinic_crisisline_add"),
        {"region_en": "Ontario", "name_en": "Distress line", "phone": "416-555-0123",
         "text_number": "", "text_keyword_en": "", "description_en": "Any time.", "url_en": "",
         "is_active": "on", "position": "0"},
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    html = client.get(reverse("clinic:urgent-help")).text
    assert ">Ontario</h2>" in html and 'href="tel:4165550123"' in html
    refused = client.post(
        reverse("admin:clinic_crisisline_add"),
        {"region_en": "Ontario", "name_en": "Nowhere", "phone": "", "text_number": "",
         "text_keyword_en": "", "description_en": "", "url_en": "", "position": "0"},
    )  # fmt: skip
    assert refused.status_code == 200
    assert "Give a number to call, a number to text or a web address." in refused.text
