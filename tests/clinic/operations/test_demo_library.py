"""The demo library is an export folder: it loads through the import, and exports back the same."""

import io
from datetime import timedelta

import pytest
import yaml
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Study, Topic
from articles.transfer.markdown.articles import read_article_file
from articles.transfer.markdown.files import file_stem
from clinic.domain.models import ClinicProfile, Location, LocationException, OpeningHours, Person
from clinic.operations.demo import LIBRARY
from clinic.operations.demo.loader import article_language, demo_articles, demo_site, load_demo

pytestmark = pytest.mark.django_db

# Written by the export, moved by the loader: compared apart.
DATED = {"publish_at", "reviewed_on", "date"}


def comparable(value):
    """Front matter or site rows without numbers, dates and empty values (the library leaves
    those out: a new row takes its field's default)."""
    if isinstance(value, dict):
        return {
            key: comparable(item)
            for key, item in value.items()
            if key not in {"id", *DATED} and item not in (None, "", [])
        }
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return value


def test_the_demo_loads_with_its_people_studies_states_and_bodies():
    load_demo()

    for language in ("en", "fr"):  # the originals, and their French translations
        in_language = Article.objects.filter(language=language)
        assert in_language.count() == 6, language
        assert in_language.filter(status=Article.Status.PUBLISHED).count() == 5, language
        assert in_language.filter(status=Article.Status.DRAFT).count() == 1, language
    assert (Study.objects.count(), Topic.objects.count(), Person.objects.count()) == (6, 5, 5)
    assert Location.objects.count() == 3
    assert (OpeningHours.objects.count(), LocationException.objects.count()) == (21, 10)
    assert Study.objects.exclude(doi="").count() == 5
    assert Study.objects.exclude(pmid="").count() == 3
    assert Topic.objects.filter(is_clinic_service=True).count() == 2
    assert ClinicProfile.objects.get().name == "Harbourlight Clinic"
    front, body = read_article_file(LIBRARY / "repeated-ketamine-infusions-for-chronic-ptsd.md")
    article = Article.objects.get(slug=front["slug"])
    assert article.body == body
    assert article.author.slug == "miriam-okafor" and article.reviewer is None
    assert sorted(article.topics.values_list("slug", flat=True)) == ["ketamine", "ptsd"]
    assert article.studies.get().doi == "10.1176/appi.ajp.2020.20050596"


def test_demo_dates_follow_the_calendar():
    load_demo()

    newest = Article.objects.published().order_by("-publish_at").first()
    local = timezone.localtime(newest.publish_at)
    assert local.date() == timezone.localdate() - timedelta(days=9)
    assert (local.hour, local.minute) == (9, 30)
    assert newest.reviewed_on == local.date() + timedelta(days=3)
    for draft in Article.objects.filter(status=Article.Status.DRAFT):  # in each language
        assert abs(draft.publish_at - timezone.now()) < timedelta(minutes=5)


def test_exporting_the_loaded_demo_gives_back_the_library(tmp_path):
    load_demo()
    call_command("export_markdown", str(tmp_path), stdout=io.StringIO())

    for front, body in demo_articles():
        language = article_language(front)
        stem = file_stem(front["slug"], language)
        exported, exported_body = read_article_file(tmp_path / f"{stem}.md")
        exported.pop("changes")
        # Originals in English and their French translations, each pair sharing the key
        # their files give them; an original's file need not name its language.
        assert exported["fields"].pop("language") == language
        front = front | {"fields": {k: v for k, v in front["fields"].items() if k != "language"}}
        assert exported["translation_key"] == front["translation_key"], stem
        assert comparable(exported) == comparable(front), stem
        assert exported_body == body
    site = yaml.safe_load((tmp_path / "site.yaml").read_text(encoding="utf-8"))
    library = demo_site()
    for name in ("people", "topics", "locations"):
        assert comparable(site[name]) == comparable(library[name]), name
    profile = library["clinic_profile"]
    assert {name: site["clinic_profile"][name] for name in profile} == profile


def test_the_library_reads_back_with_import_markdown_as_any_export_does():
    out = io.StringIO()
    call_command("import_markdown", str(LIBRARY), stdout=out)

    assert Article.objects.filter(language="en").count() == 6
    assert Article.objects.filter(language="en", status=Article.Status.PUBLISHED).count() == 5
    for translation in Article.objects.filter(language="fr"):  # linked by the files' keys
        assert translation.original().language == "en", translation.slug
    assert Article.objects.filter(language="fr", status=Article.Status.PUBLISHED).count() == 5
    assert Location.objects.get(slug="downtown").hours.count() == 11
