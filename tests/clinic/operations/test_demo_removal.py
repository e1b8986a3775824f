"""`load_demo` finds its own rows by a stable key; `remove_demo` leaves the clinic's work."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Study, Topic
from clinic.domain.models import DEFAULT_DISCLAIMER, ClinicProfile, DemoRecord, Location, Person
from clinic.operations import demo
from clinic.operations.demo.loader import article_language, demo_articles, demo_site
from tests.factories import ArticleFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db

SITE = demo_site()
ARTICLES = [front for front, _body in demo_articles()]  # the originals, then translations
ORIGINALS = [front for front in ARTICLES if article_language(front) == "en"]


@pytest.fixture(autouse=True)
def debug_on(settings):
    settings.DEBUG = True


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_load_demo_after_staff_renamed_a_demo_article_makes_no_duplicate():
    run("load_demo")
    article = Article.objects.get(slug=ARTICLES[0]["slug"])
    article.title, article.slug = "Our own title", "our-own-title"
    article.save()

    out = run("load_demo")

    assert Article.objects.count() == len(ARTICLES)
    assert not Article.objects.filter(slug=ARTICLES[0]["slug"]).exists()
    assert f"articles: 0 new, {len(ORIGINALS)} already there" in out
    assert f"translations: 0 new, {len(ARTICLES) - len(ORIGINALS)} already there" in out


def test_load_demo_after_a_renamed_person_and_location_makes_no_duplicates():
    run("load_demo")
    Person.objects.filter(slug=SITE["people"][0]["slug"]).update(slug="renamed-person")
    Location.objects.filter(slug=SITE["locations"][0]["slug"]).update(slug="renamed-place")

    run("load_demo")

    assert Person.objects.count() == len(SITE["people"])
    assert Location.objects.count() == len(SITE["locations"])


def test_remove_demo_removes_demo_content_and_admin_but_keeps_the_clinics_own():
    run("load_demo")
    own_author = PersonFactory()
    own_topic = TopicFactory()
    own_article = ArticleFactory(author=own_author)
    own_article.topics.add(own_topic)
    get_user_model().objects.create_superuser("owner", "owner@example.org", "a-long-pass-123")

    out = run("remove_demo")

    assert list(Article.objects.all()) == [own_article]
    assert set(Person.objects.all()) == {own_author}
    assert set(Topic.objects.all()) == {own_topic}
    assert not Location.objects.exists()
    assert not Study.objects.exists()
    assert not get_user_model().objects.filter(username=demo.ADMIN_USERNAME).exists()
    assert get_user_model().objects.filter(username="owner").exists()
    profile = ClinicProfile.objects.get()
    assert profile.name == "Our clinic"
    assert profile.default_disclaimer == DEFAULT_DISCLAIMER
    assert "Removed the demo admin account." in out


def test_remove_demo_keeps_a_demo_article_staff_edited_and_what_it_needs():
    run("load_demo")
    edited = Article.objects.get(slug=ARTICLES[0]["slug"])
    edited.summary = "Rewritten by our own editor."
    edited.save()

    out = run("remove_demo")

    assert list(Article.objects.all()) == [edited]
    assert Person.objects.filter(pk=edited.author_id).exists()
    assert set(edited.topics.all()) <= set(Topic.objects.all())
    assert f"Kept articles: “{edited.title}” (edited since the demo was loaded)" in out


def test_remove_demo_keeps_profile_wording_the_clinic_changed():
    run("load_demo")
    ClinicProfile.objects.update(name="Northside Therapy", footer_note="Our own note.")

    run("remove_demo")

    profile = ClinicProfile.objects.get()
    assert profile.name == "Northside Therapy"
    assert profile.footer_note == "Our own note."
    assert profile.tagline == ""  # still the demo's, so removed


def test_remove_demo_keeps_the_admin_account_once_its_password_changed():
    run("load_demo")
    admin = get_user_model().objects.get(username=demo.ADMIN_USERNAME)
    admin.set_password("our-own-secret-42")
    admin.save()

    run("remove_demo")

    assert get_user_model().objects.filter(username=demo.ADMIN_USERNAME).exists()


def test_dry_run_changes_nothing_and_load_demo_does_not_bring_removed_rows_back():
    run("load_demo")
    before = Article.objects.count()
    out = run("remove_demo", "--dry-run")
    assert Article.objects.count() == before
    assert "Dry run" in out

    run("remove_demo")
    out = run("load_demo")

    assert not Article.objects.exists()
    assert not get_user_model().objects.filter(username=demo.ADMIN_USERNAME).exists()
    assert "removed earlier" in out
    assert ClinicProfile.objects.get().name == "Our clinic"


def test_load_demo_include_removed_brings_the_demo_back():
    run("load_demo")
    run("remove_demo")

    run("load_demo", "--include-removed")

    assert Article.objects.count() == len(ARTICLES)
    assert ClinicProfile.objects.get().name == SITE["clinic_profile"]["name"]


def test_load_demo_prints_the_admin_address_it_is_given():
    out = run("load_demo", "--address", "http://0.0.0.0:8123")

    assert "Admin: http://0.0.0.0:8123/admin/" in out
    assert "remove_demo" in out


def test_rows_from_before_keys_were_recorded_are_adopted_and_can_be_removed():
    run("load_demo")
    DemoRecord.objects.all().delete()  # as an install loaded by an earlier version

    run("load_demo")
    run("remove_demo")

    assert not Article.objects.exists()
    assert not Location.objects.exists()
