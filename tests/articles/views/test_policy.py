"""The editorial policy, written from the clinic's settings, and the corrections log."""

import pytest
from django.urls import reverse

from articles.models import ArticleChange
from articles.services import record_substantive_update
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_the_policy_is_written_from_the_clinics_settings(client):
    profile = ClinicProfile.load()
    profile.name, profile.contact_email = "Harbourlight Clinic", "editor@harbourlight.example"
    profile.review_interval_months, profile.require_review_before_publishing = 18, True
    profile.study_selection = "We choose studies our patients ask about."
    profile.conflicts_statement = "One reviewer consults for a ketamine maker."
    profile.save()
    writer = PersonFactory(name="Sam Lee", role_title="Health writer", credentials="")
    reviewer = PersonFactory(name="Dr Ana Ruiz", regulator="College of Psychologists",
                             registration_number="4321",
                             register_url="https://register.example.org/4321")  # fmt: skip
    ArticleFactory(author=writer, reviewer=reviewer)
    ArticleFactory(author=PersonFactory(name="Draft Writer"), draft=True)
    TopicFactory(name="Ketamine-assisted therapy", is_clinic_service=True)

    html = client.get(reverse("articles:editorial-policy")).text
    assert "Sam Lee</a>, Health writer" in html
    assert "Draft Writer" not in html
    assert "Dr Ana Ruiz, MD</a>: College of Psychologists, registration 4321" in html
    assert 'href="https://register.example.org/4321"' in html
    assert "before it is published, and again every 18 months." in html
    assert "We choose studies our patients ask about." in html
    assert "Ketamine-assisted therapy" in html
    assert "One reviewer consults for a ketamine maker." in html
    assert "We carry no advertising and no sponsored content" in html
    assert 'href="mailto:editor@harbourlight.example"' in html
    assert f'href="{reverse("articles:corrections")}"' in html


def test_without_services_the_policy_says_none_is_marked(client):
    html = client.get(reverse("articles:editorial-policy")).text
    assert "None of the topics of our summaries is a treatment we have marked" in html


def test_the_corrections_log_lists_corrections_of_live_articles_only(client):
    live = ArticleFactory(title="Ketamine for PTSD")
    draft = ArticleFactory(title="Unpublished", draft=True)
    correction = ArticleChange.Kind.CORRECTION
    record_substantive_update(article=live, note="The dose was 0.5 mg/kg.", kind=correction)
    record_substantive_update(article=live, note="Added the 2024 follow-up.")
    record_substantive_update(article=draft, note="A draft's fix.", kind=correction)
    record_substantive_update(article=live, note="The retracted study was removed.",
                              kind=ArticleChange.Kind.STUDY_NOTICE)  # fmt: skip
    html = client.get(reverse("articles:corrections")).text
    assert "The dose was 0.5 mg/kg." in html
    assert "The retracted study was removed." in html
    assert html.index("The retracted study was removed.") < html.index("The dose was 0.5 mg/kg.")
    assert "A study it cites was retracted, corrected or questioned" in html
    assert "2024 follow-up" not in html and "A draft's fix." not in html


def test_an_empty_corrections_log_says_so(client):
    assert "No corrections so far." in client.get(reverse("articles:corrections")).text
