"""The demo's French articles: translations of its English ones, live, up to date, removable."""

import io
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from articles.editorial.disclaimers import missing_disclaimer_points
from articles.models import Article, Topic
from articles.services import publishing_problems
from articles.translating import is_stale, latest_version, translation_worklist
from clinic.domain.models import ClinicProfile, DemoRecord, Location, LocationException, Person
from clinic.operations.demo.loader import article_language, demo_articles, demo_site

pytestmark = pytest.mark.django_db

SITE = demo_site()
FRENCH_FILES = [front for front, _body in demo_articles() if article_language(front) == "fr"]


@pytest.fixture(autouse=True)
def debug_on(settings):
    settings.DEBUG = True


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def pairs():
    """(original, its French translation or None) for every English demo article."""
    return [(o, o.translation_in("fr")) for o in Article.objects.filter(language="en")]


def test_every_demo_article_has_a_french_translation_sharing_its_studies():
    run("load_demo")

    assert len(FRENCH_FILES) == Article.objects.filter(language="en").count() == 6
    assert Article.objects.filter(language="fr").count() == 6
    for original, french in pairs():
        assert french is not None, original.slug
        assert french.translation_key == original.translation_key
        assert french.original() == original
        assert (french.status, french.author, french.reviewer) == (
            original.status,
            original.author,
            original.reviewer,
        )
        assert set(french.topics.all()) == set(original.topics.all())
        assert not french.studies.exists()  # typed once, on the original
        assert list(french.shared_studies()) == list(original.studies.all())
        assert french.slug != original.slug and french.title != original.title


def test_the_translations_are_up_to_date_with_their_originals():
    run("load_demo")

    for original, french in pairs():
        assert french.source_version == latest_version(original), french.slug
        assert french.source_synced_at and not is_stale(french, original)
    worklist = translation_worklist("fr")
    assert worklist.stale == [] and worklist.missing.count() == 0
    assert worklist.up_to_date == 6


def test_each_translation_says_the_four_points_in_french_and_may_be_published():
    run("load_demo")

    profile = ClinicProfile.objects.get()
    for french in Article.objects.filter(language="fr"):
        french.validate_constraints()  # the database's CHECK constraints, the disclaimer's too
        french.full_clean()
        assert french.disclaimer == profile.default_disclaimer_fr
        assert missing_disclaimer_points(french.disclaimer, "fr") == [], french.slug
        assert publishing_problems(french) == [], french.slug
    assert missing_disclaimer_points(profile.default_disclaimer_fr, "fr") == []


def test_each_live_translation_is_served_at_its_french_address(client):
    run("load_demo")

    for original, french in pairs():
        response = client.get(french.get_absolute_url())
        if original.status == Article.Status.DRAFT:
            assert response.status_code == 404, french.slug  # as its original is
            continue
        assert response.status_code == 200, french.slug
        assert french.get_absolute_url().startswith("/fr/articles/")
        page = response.content.decode()
        assert '<html lang="fr-CA">' in page and french.title in page
        assert "L’étude en bref" in page
        assert original.studies.get().journal in page  # the original's study, not a copy
        assert original.get_absolute_url() in page  # the language links name the original
    with translation.override("fr"):
        home, feed = reverse("articles:home"), reverse("articles:feed")
        topic = Topic.objects.get(slug_en="ptsd").get_absolute_url()
    assert (home, feed, topic) == ("/fr/", "/fr/fil/", "/fr/sujets/tspt/")
    live = Article.objects.published(language="fr")
    for url in (home, feed, topic):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert any(article.title in page for article in live), url
        assert not any(a.title in page for a in Article.objects.filter(language="en")), url


def test_the_demo_wording_of_people_locations_topics_and_profile_is_in_french_too():
    run("load_demo")

    rows = [
        *Person.objects.all(),
        *Location.objects.all(),
        *LocationException.objects.all(),
        *Topic.objects.all(),
    ]
    assert len(rows) == 5 + 3 + 10 + 5
    for row in rows:
        for name in translator.get_options_for_model(type(row)).fields:
            if getattr(row, f"{name}_en"):
                assert getattr(row, f"{name}_fr"), (row, name)
    profile = ClinicProfile.objects.get()
    for name in ("name", "tagline", "about", "default_disclaimer", "crisis_line"):
        assert getattr(profile, f"{name}_fr") == SITE["clinic_profile"][f"{name}_fr"], name
        assert getattr(profile, f"{name}_fr") != getattr(profile, f"{name}_en"), name


def test_remove_demo_removes_the_translations_unless_the_clinic_edited_one():
    run("load_demo")
    original, french = pairs()[0]
    french.summary = "Réécrit par notre propre équipe."
    french.save()

    out = run("remove_demo")

    assert set(Article.objects.all()) == {original, french}  # the original shows its studies
    assert original.studies.exists()
    assert f"“{original.title}” (the original of a translation you keep)" in out

    run("remove_demo")
    assert Article.objects.count() == 2


def test_a_translation_joins_its_original_as_the_site_has_it_and_not_a_removed_one():
    run("load_demo")
    fr_keys = [k for k in DemoRecord.objects.values_list("key", flat=True) if k.endswith(".fr")]
    DemoRecord.objects.filter(key__in=fr_keys).delete()  # as loaded before the French existed
    Article.objects.filter(language="fr").delete()
    kept, gone = Article.objects.filter(language="en").order_by("pk")[:2]
    new_key = uuid.uuid4()  # a key of its own, as rows loaded before the files had keys
    Article.objects.filter(pk=kept.pk).update(translation_key=new_key)
    gone.delete()  # the clinic deleted this original: its translation is not made

    out = run("load_demo")

    assert "translations: 5 new, 0 already there, 1 removed earlier" in out
    assert Article.objects.get(language="fr", translation_key=new_key).original().pk == kept.pk
    assert not Article.objects.filter(language="fr", translation_key=gone.translation_key)
    assert all(french for _original, french in pairs())
