"""`manage.py load_demo`: what it creates, that it is idempotent, and the DEBUG-only admin."""

import io
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from articles.models import Article, Study, Topic
from clinic.domain.models import ClinicProfile, Location, LocationException, OpeningHours, Person
from clinic.operations import demo
from clinic.operations.demo.loader import demo_articles, demo_site, next_occurrence

pytestmark = pytest.mark.django_db

SITE = demo_site()
ARTICLES = [front for front, _body in demo_articles()]

REQUIRED_SECTIONS = {
    "en": ["## Key findings", "## How might this work?", "## Why this study matters"],
    "fr": [
        "## Principaux résultats",
        "## Comment cela pourrait-il fonctionner?",
        "## Pourquoi cette étude est importante",
    ],
}


def load_demo():
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def snapshot():
    """Every row of every model the command touches, in primary-key order."""
    models = [
        ClinicProfile,
        Person,
        Location,
        OpeningHours,
        LocationException,
        Topic,
        Article,
        Article.topics.through,
        Study,
        get_user_model(),
    ]
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values()) for model in models
    }


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


@pytest.fixture
def debug_off(settings):
    settings.DEBUG = False


def test_load_demo_creates_live_articles_one_draft_people_topics_and_profile(debug_on):
    load_demo()

    assert Article.objects.published().count() >= 4
    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    assert sorted(drafts.values_list("language", flat=True)) == ["en", "fr"]
    assert Person.objects.count() >= 4
    assert Topic.objects.count() >= 3
    profile = ClinicProfile.objects.get()
    assert profile.name == SITE["clinic_profile"]["name"]
    assert profile.about and profile.tagline and profile.contact_email.endswith("@example.org")


def test_load_demo_articles_cover_more_than_one_topic_and_distinct_publish_times(debug_on):
    load_demo()

    live = Article.objects.published()
    assert Topic.objects.filter(articles__in=live).distinct().count() >= 3
    publish_times = list(live.values_list("publish_at", flat=True))
    assert len(set(publish_times)) == len(publish_times)


def test_load_demo_gives_profile_and_articles_the_demos_north_american_disclaimer(debug_on):
    load_demo()

    profile = ClinicProfile.objects.get()
    disclaimers = {"en": profile.default_disclaimer_en, "fr": profile.default_disclaimer_fr}
    for language, disclaimer in disclaimers.items():
        suffix = "" if language == "en" else f"_{language}"
        assert disclaimer == SITE["clinic_profile"][f"default_disclaimer{suffix}"]
        assert "911" in disclaimer and "988" in disclaimer
    for article in Article.objects.all():
        assert article.disclaimer.strip()
        assert article.disclaimer == disclaimers[article.language], article.slug


def test_load_demo_creates_superuser_admin_when_debug_is_on(debug_on):
    stdout, _ = load_demo()

    admin = get_user_model().objects.get(username=demo.ADMIN_USERNAME)
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(demo.ADMIN_PASSWORD)
    assert "/admin/" in stdout
    assert f"email address: {demo.ADMIN_USERNAME}" in stdout


def test_load_demo_creates_no_admin_user_when_debug_is_off(debug_off):
    stdout, stderr = load_demo()

    assert not get_user_model().objects.filter(username=demo.ADMIN_USERNAME).exists()
    assert "DEBUG is off" in stderr
    assert demo.ADMIN_PASSWORD not in stdout + stderr
    assert Article.objects.published().count() >= 4


def test_running_load_demo_twice_changes_nothing(debug_on):
    load_demo()
    before = snapshot()

    stdout, _ = load_demo()

    assert snapshot() == before
    assert before[Location._meta.label] and before[OpeningHours._meta.label]
    assert before[LocationException._meta.label]
    assert "locations: 0 new, 3 already there" in stdout


def test_load_demo_does_not_overwrite_an_editors_changes(debug_on):
    load_demo()
    article = Article.objects.get(slug=ARTICLES[0]["slug"])
    article.title = "An editor's better headline"
    article.save()
    ClinicProfile.objects.update(name="Renamed clinic")
    get_user_model().objects.filter(username=demo.ADMIN_USERNAME).update(is_active=False)

    load_demo()

    assert Article.objects.get(pk=article.pk).title == "An editor's better headline"
    assert ClinicProfile.objects.get().name == "Renamed clinic"
    assert not get_user_model().objects.get(username=demo.ADMIN_USERNAME).is_active


def test_load_demo_adds_hours_only_to_a_location_it_creates(debug_on):
    load_demo()
    location = Location.objects.get(slug="midtown")
    location.hours.all().delete()
    location.exceptions.all().delete()
    Location.objects.filter(pk=location.pk).update(phone="+14165550100")

    load_demo()

    location.refresh_from_db()
    assert not location.hours.exists()
    assert not location.exceptions.exists()
    assert location.phone.as_e164 == "+14165550100"


def test_every_demo_article_has_a_disclaimer_and_at_least_one_study(debug_on):
    load_demo()

    for article in Article.objects.all():
        assert article.disclaimer.strip(), article.slug
        assert article.shared_studies().exists(), article.slug  # a translation's are shared


def test_demo_includes_the_philipp_muller_2023_ketamine_psychotherapy_meta_analysis(debug_on):
    load_demo()

    study = Study.objects.get(authors__startswith="Philipp-Muller", year=2023)
    assert study.journal == "The Journal of Clinical Psychiatry"
    assert study.design == Study.Design.META_ANALYSIS
    assert study.participants == 34
    assert study.studies_pooled == 4
    assert study.measure_list == ["CAPS-5", "PCL-5"]
    assert study.article.is_live


def test_demo_articles_have_the_summary_sections_and_a_numbered_list(debug_on):
    load_demo()

    for article in Article.objects.all():
        for heading in REQUIRED_SECTIONS[article.language]:
            assert heading in article.body, (article.slug, heading)
        assert "<ol>" in article.body_html, article.slug
        assert len(article.summary) <= 600, article.slug
        words = len(re.findall(r"\w+", article.body))
        assert 250 <= words <= 600, (article.slug, words)


def test_demo_studies_are_valid_and_only_reviews_say_how_many_studies_they_pooled(debug_on):
    load_demo()

    for study in Study.objects.all():
        study.full_clean()
        assert study.link.startswith("https://"), study.title
        pooled = study.design in {Study.Design.META_ANALYSIS, Study.Design.SYSTEMATIC_REVIEW}
        assert (study.studies_pooled is not None) == pooled, study.title


def test_load_demo_creates_three_active_locations_with_contact_details(debug_on):
    stdout, _ = load_demo()

    locations = Location.objects.active()
    assert locations.count() >= 3
    for location in locations:
        location.full_clean()
        assert location.phone.as_e164.startswith("+1")
        assert "555" in location.phone.as_e164
        assert location.email.endswith("@example.org")
        assert location.booking_url == f"https://example.org/book?location={location.slug}"
        assert location.map_link.startswith("https://")
    assert Location.objects.exclude(alternate_phone="").exists()
    assert "locations: 3 new" in stdout


def test_demo_locations_include_a_lunch_break_and_one_closed_at_weekends(debug_on):
    load_demo()

    split_days = (
        OpeningHours.objects.values("location", "weekday")
        .annotate(intervals=Count("id"))
        .filter(intervals__gte=2)
    )
    assert split_days.exists()
    weekend_closed = [
        location
        for location in Location.objects.active()
        if not location.hours.filter(weekday__in=[5, 6]).exists()
    ]
    assert weekend_closed


def test_every_demo_location_has_an_upcoming_closure_and_one_has_special_hours(debug_on):
    load_demo()

    today = timezone.localdate()
    for location in Location.objects.active():
        assert location.exceptions.filter(is_closed=True, date__gte=today).exists(), location
    special = LocationException.objects.get(is_closed=False)
    assert special.date >= today
    assert special.opens < special.closes


def test_next_occurrence_is_today_or_later():
    assert next_occurrence(12, 25, date(2026, 12, 25)) == date(2026, 12, 25)
    assert next_occurrence(12, 25, date(2026, 12, 26)) == date(2027, 12, 25)
    assert next_occurrence(1, 1, date(2026, 6, 1)) == date(2027, 1, 1)


def test_an_inactive_person_wrote_a_published_article(debug_on):
    load_demo()

    former = Person.objects.filter(is_active=False)
    assert former.exists()
    assert Article.objects.published().filter(author__in=former).exists()


def test_the_psychiatrist_reviewed_most_published_articles_after_publication(debug_on):
    load_demo()

    psychiatrist = Person.objects.get(slug="miriam-okafor")
    live = Article.objects.published()
    reviewed = live.filter(reviewer=psychiatrist)
    assert reviewed.count() > live.count() / 2
    for article in reviewed:
        published_on = timezone.localtime(article.publish_at).date()
        assert published_on <= article.reviewed_on <= timezone.localdate(), article.slug
    assert not Article.objects.filter(reviewer__isnull=False, reviewed_on__isnull=True).exists()


def test_clinicians_have_a_registration_and_the_team_byline_has_none(debug_on):
    load_demo()

    team = Person.objects.get(slug="harbourlight-clinical-team")
    assert not team.has_registration
    assert not team.regulator and not team.register_url
    assert team.position == Person.objects.order_by("-position").first().position
    clinicians = Person.objects.exclude(regulator="")
    assert clinicians.count() >= 3
    for person in clinicians:
        assert person.has_registration, person
        assert person.registration_number.startswith("DEMO-"), person
        assert person.register_url.startswith("https://"), person
    for person in Person.objects.all():
        assert person.bio.strip() and person.bio_html.strip(), person
        assert not person.photo, person


def test_every_demo_article_passes_the_content_checks_without_a_warning(debug_on):
    from articles.editorial.content_checks import content_warnings

    load_demo()
    for article in Article.objects.all():
        assert content_warnings(article, list(article.shared_studies())) == [], article.slug


def test_every_published_demo_article_passes_the_checks_that_gate_publishing(debug_on):
    from articles.models import PublishingOverride
    from articles.services import publishing_problems

    load_demo()
    published = Article.objects.marked_published()
    assert published.exists()
    for article in published:
        assert publishing_problems(article) == [], article.slug
    assert not PublishingOverride.objects.exists()  # none went out past the checks
