"""Every article has a first revision, whatever made it, so the original can come back."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.factories import ArticleFactory, StudyFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def versions_of(article):
    return Version.objects.get_for_object(article).order_by("revision__date_created", "pk")


def test_demo_articles_each_have_a_first_revision_with_their_studies(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    for article in Article.objects.all():
        first = versions_of(article).get()
        assert first.revision.comment == "Created with the demo content."
        studies = first.revision.version_set.filter(content_type__model="study")
        assert studies.count() == article.studies.count()
        assert (studies.count() > 0) == article.is_original  # a translation shows its original's
        assert first.field_dict["status"] == article.status
        assert (first.field_dict["source_synced_at"] is None) == article.is_original


def test_markdown_import_stores_a_first_revision(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    StudyFactory(article=ArticleFactory(slug="exported"))
    call_command("export_markdown", str(tmp_path / "out"), stdout=io.StringIO())
    Article.objects.all().delete()
    call_command("import_markdown", str(tmp_path / "out"), stdout=io.StringIO())
    first = versions_of(Article.objects.get(slug="exported")).get()
    assert first.revision.comment == "Imported from a Markdown file."
    assert first.revision.version_set.filter(content_type__model="study").count() == 1


def test_an_article_made_by_a_script_gets_one_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(title="Made in a shell")
        StudyFactory(article=article)
    first = versions_of(article).get()
    assert first.field_dict["title"] == "Made in a shell"
    assert first.revision.version_set.filter(content_type__model="study").count() == 1


def test_first_admin_edit_of_an_article_without_history_keeps_the_original(admin_client):
    article = ArticleFactory(title="Original title")  # as made before history was kept
    assert not versions_of(article).exists()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, form_data(admin_client.get(url), title="Edited title"))
    assert response.status_code == 302
    titles = [version.field_dict["title"] for version in versions_of(article)]
    assert titles == ["Original title", "Edited title"]
    history = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.text.count("/history/") >= 2  # both can be opened and restored


def test_history_of_an_untouched_article_shows_its_first_version(admin_client):
    article = ArticleFactory()
    history = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200 and "First version" in history.text
    assert versions_of(article).count() == 1


def test_list_actions_keep_the_original_before_publishing(admin_client):
    draft = ArticleFactory(draft=True)
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    states = [version.field_dict["status"] for version in versions_of(draft)]
    assert states == ["draft", "published"]
