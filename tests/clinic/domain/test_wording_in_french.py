"""The clinic's wording in French: its own columns, the English where one is empty, never for
the disclaimer."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import override

from clinic.domain.models import ClinicProfile, CrisisLine
from clinic.domain.models.profile import DEFAULT_DISCLAIMER
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR, DEFAULT_URGENT_HELP_INTRO_FR
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_profile_starts_with_french_of_its_own_and_shows_the_english_name_until_written():
    profile = ClinicProfile.load()
    profile.name = "Maple Clinic"
    profile.save()
    with override("fr"):
        profile = ClinicProfile.objects.get()
        assert profile.default_disclaimer == DEFAULT_DISCLAIMER_FR
        assert profile.urgent_help_intro == DEFAULT_URGENT_HELP_INTRO_FR
        assert profile.home_intro.startswith("Des résumés en langage clair")
        assert profile.name == "Maple Clinic"  # no French name yet: the English one
    assert profile.default_disclaimer == DEFAULT_DISCLAIMER
    profile.name_fr = "Clinique Érable"
    with override("fr"):
        assert profile.name == "Clinique Érable"
    assert profile.name == "Maple Clinic"


def test_an_empty_french_field_shows_the_english_and_a_written_one_its_own():
    line = CrisisLine.objects.create(region="Ontario", name="Distress line", phone="416-555-0123")
    person = PersonFactory(role_title="Psychiatrist", bio="I *listen*.")
    with override("fr"):
        assert (line.region, line.name) == ("Ontario", "Distress line")
        assert person.role_title == "Psychiatrist" and "<em>listen</em>" in person.bio_html
    line.name_fr, person.role_title_fr, person.bio_fr = (
        "Ligne d'écoute",
        "Psychiatre",
        "J'*écoute*.",
    )
    line.save()
    person.save()
    with override("fr"):
        assert CrisisLine.objects.get(pk=line.pk).name == "Ligne d'écoute"
        person.refresh_from_db()
        assert person.role_title == "Psychiatre" and "<em>écoute</em>" in person.bio_html
    assert CrisisLine.objects.get(pk=line.pk).name == "Distress line"
    assert "<em>listen</em>" in person.bio_html


def test_the_disclaimer_never_shows_the_english_in_the_french_place():
    profile = ClinicProfile(default_disclaimer_fr="")
    with override("fr"):
        assert profile.default_disclaimer == ""  # not the English: empty is refused below
        assert profile.contact_heading == "Des questions sur vos propres soins?"
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "default_disclaimer_fr" in error.value.message_dict


@pytest.mark.parametrize(
    "field", ["default_disclaimer_fr", "crisis_line_fr", "urgent_help_intro_fr"]
)
@pytest.mark.parametrize("value", ["", "  \n", None])
def test_the_database_refuses_a_profile_without_its_french_safety_wording(field, value):
    ClinicProfile.load()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicProfile.objects.update(**{field: value})


def test_the_admin_shows_french_beside_english_and_requires_the_french_disclaimer(admin_client):
    ClinicProfile.load()
    url = reverse("admin:clinic_clinicprofile_change", args=[ClinicProfile.SINGLETON_ID])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    assert {"default_disclaimer_en", "default_disclaimer_fr", "name_en", "name_fr"} <= set(
        form.fields
    )
    assert form.fields["default_disclaimer_fr"].required
    assert not form.fields["name_fr"].required and form.fields["name_en"].required


def test_site_settings_show_the_french_wording_for_editing(admin_client):
    ClinicProfile.load()
    page = admin_client.get(reverse("admin:clinic_sitesettings_changelist"), follow=True)
    form = page.context["adminform"].form
    assert {"home_intro_fr", "footer_note_fr", "urgent_help_intro_fr"} <= set(form.fields)
    assert form.initial["urgent_help_intro_fr"] == DEFAULT_URGENT_HELP_INTRO_FR


def test_a_language_offered_without_wording_columns_is_an_error():
    with override_settings(LANGUAGES=[("en", "English"), ("fr", "French")]):
        assert not [m for m in run_checks() if m.id == "clinic.E010"]
    with override_settings(LANGUAGES=[("en", "English"), ("fr", "French"), ("es", "Spanish")]):
        errors = [m for m in run_checks() if m.id == "clinic.E010"]
    assert len(errors) == 1 and "es" in errors[0].msg


def test_the_first_crisis_lines_come_with_their_french():
    kids = CrisisLine.objects.get(name_en="Kids Help Phone")
    line_988 = CrisisLine.objects.get(region_en="Canada", phone="988")
    with override("fr"):
        assert (kids.name, kids.text_keyword, kids.region) == (
            "Jeunesse, J'écoute",
            "PARLER",
            "Canada",
        )
        assert "en français ou en anglais" in line_988.description
        assert line_988.url == "https://988.ca/fr"
    assert (kids.name, kids.text_keyword) == ("Kids Help Phone", "CONNECT")
