"""A translation comes across the Markdown export: its own file, its language and its link."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.factories import ArticleFactory, StudyFactory

FRENCH_DISCLAIMER = (
    "Ce résumé est offert à titre informatif et ne remplace pas un avis médical. Parlez à "
    "votre médecin. En cas d'urgence, composez le 911."
)


@pytest.mark.django_db(transaction=True)  # a real flush: PostgreSQL cannot TRUNCATE mid-transaction
def test_an_original_and_its_translation_with_one_address_round_trip(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    original = ArticleFactory(slug="ketamine", title="Ketamine for PTSD")
    StudyFactory(article=original)
    ArticleFactory(
        slug="ketamine", title="La kétamine et le TSPT", language="fr",
        translation_key=original.translation_key, disclaimer=FRENCH_DISCLAIMER,
    )  # fmt: skip
    out = tmp_path / "export"
    call_command("export_markdown", str(out), stdout=StringIO())
    assert {"ketamine.md", "ketamine.fr.md"} <= {path.name for path in out.glob("*.md")}
    call_command("flush", "--no-input", verbosity=0)
    call_command("import_markdown", str(out), stdout=StringIO())
    english = Article.objects.get(slug="ketamine", language="en")
    french = Article.objects.get(slug="ketamine", language="fr")
    assert french.title == "La kétamine et le TSPT"
    assert french.translation_key == english.translation_key == original.translation_key
    assert [study.title for study in french.shared_studies()] == [
        study.title for study in english.studies.all()
    ]
    call_command("import_markdown", str(out), stdout=StringIO())  # again: updates, no copies
    assert Article.objects.count() == 2
