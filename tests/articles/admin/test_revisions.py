"""Every admin save keeps a revision; Marketing compares revisions and restores one, and
restoring never changes whether or when the article is public."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Study
from tests.factories import ArticleFactory, PersonFactory, StudyFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_in_admin(client, article, **changes):
    """Open the article's change form, change what is given, save; the saved article."""
    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), **changes)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


def versions_of(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def study_fields(number, title):
    prefix = f"studies-{number}-"
    fields = {"title": title, "journal": "JAMA Psychiatry", "year": "2024",
              "authors": "Lee A, Chan B", "design": "rct", "position": str(number)}  # fmt: skip
    return {prefix + name: value for name, value in fields.items()}


def test_adding_an_article_in_the_admin_stores_a_revision_with_its_studies(marketing_client):
    author = PersonFactory()
    add_url = reverse("admin:articles_article_add")
    data = form_data(
        marketing_client.get(add_url),
        title="Ketamine for PTSD", slug="ketamine-for-ptsd", summary="A review.",
        author=str(author.pk), body="## Key findings\n\nSymptoms fell.", **{
            "studies-TOTAL_FORMS": "1", **study_fields(0, "A trial of ketamine")},
    )  # fmt: skip
    response = marketing_client.post(add_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    article = Article.objects.get(slug="ketamine-for-ptsd")
    version = versions_of(article).get()
    assert version.revision.user.username == "marketing@example.org"
    study = article.studies.get()
    assert version.revision.version_set.get_for_object(study).exists()


def test_changing_an_article_stores_a_revision_with_the_editor_and_what_changed(editor_client):
    study = StudyFactory(article=ArticleFactory(body="Symptoms fell by half."))
    article = save_in_admin(editor_client, study.article, body="Symptoms fell by a third.")

    first, version = versions_of(article).order_by("pk")
    assert first.field_dict["body"] == "Symptoms fell by half."  # the original, kept
    assert version.revision.user.username == "editor"
    assert "Body" in version.revision.get_comment()
    assert version.field_dict["body"] == "Symptoms fell by a third."
    assert version.revision.version_set.get_for_object(study).get().field_dict["title"]


def test_publish_and_unpublish_actions_store_one_revision_per_article(editor_client):
    first, second = ArticleFactory(draft=True), ArticleFactory(draft=True)
    changelist = reverse("admin:articles_article_changelist")
    editor_client.post(
        changelist, {"action": "publish_selected", "_selected_action": [first.pk, second.pk]}
    )
    editor_client.post(changelist, {"action": "unpublish_selected", "_selected_action": [first.pk]})

    original, published, unpublished = versions_of(first).order_by("pk")
    assert original.field_dict["status"] == "draft"
    assert published.field_dict["status"] == "published"
    assert unpublished.field_dict["status"] == "draft"
    assert unpublished.revision.comment == "Unpublished from the list of articles."
    assert unpublished.revision.user.username == "editor"
    _, only = versions_of(second).order_by("pk")
    assert only.revision.comment == "Published from the list of articles."
    # Restoring one article's revision must never touch another article.
    for version in (published, only):
        assert version.revision.version_set.filter(content_type=version.content_type).count() == 1


def test_history_lists_each_revision_with_who_saved_it(marketing_client):
    article = save_in_admin(marketing_client, ArticleFactory(), body="First words.")
    save_in_admin(marketing_client, article, body="Second words.")
    response = marketing_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert response.status_code == 200
    actions = response.context["action_list"]
    users = [getattr(action["revision"].user, "username", None) for action in actions]
    assert users == ["marketing@example.org"] * 2 + [None]  # newest first; the original last
    assert all(action["url"] in response.text for action in actions)


def test_compare_shows_the_markdown_diff_to_marketing(marketing_client):
    article = ArticleFactory(body="## Key findings\n\nSymptoms fell by half after six weeks.")
    save_in_admin(marketing_client, article, title="Ketamine and PTSD")
    save_in_admin(
        marketing_client,
        article,
        body="## Key findings\n\nSymptoms fell by a third after six weeks.",
    )
    *_, older, newer = versions_of(article).order_by("pk")
    response = marketing_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert response.status_code == 200
    html = response.text
    assert "by <del>half</del><ins>a third</ins> after" in html
    assert "Symptoms fell by" in html
    assert "search document" not in html.lower()  # derived fields are left out of the diff


def test_compare_is_refused_to_staff_without_article_permissions(front_desk_client):
    article = ArticleFactory()
    response = front_desk_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": 1, "version_id2": 2},
    )
    assert response.status_code == 403


@pytest.fixture
def republished(marketing_client):
    """A draft saved once (body “Old”, study Alpha), then rewritten (body “New”, study Beta
    instead of Alpha) and published with a new publish time: (article, old version)."""
    article = ArticleFactory(draft=True, body="Old words about the study.")
    StudyFactory(article=article, title="Alpha")
    save_in_admin(marketing_client, article)
    new_time = timezone.localtime(timezone.now() - timedelta(days=2)).replace(
        second=0, microsecond=0
    )
    save_in_admin(
        marketing_client, article, body="New words about the study.", status="published",
        publish_at_0=f"{new_time:%Y-%m-%d}", publish_at_1=f"{new_time:%H:%M:%S}",
        **{"studies-0-DELETE": "on", "studies-TOTAL_FORMS": "2", **study_fields(1, "Beta")},
    )  # fmt: skip
    assert article.publish_at == new_time and article.status == "published"
    return article, versions_of(article).order_by("pk").first()


def revision_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


def test_restore_form_shows_the_old_content_with_the_current_publish_state(
    marketing_client, republished
):
    article, old = republished
    response = marketing_client.get(revision_url(article, old))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["body"].value() == "Old words about the study."
    assert form["status"].value() == "published"
    assert form["publish_at"].value() == article.publish_at
    assert "stay as they are now" in response.text
    # Only looking at the old revision changes nothing.
    article.refresh_from_db()
    assert article.body == "New words about the study." and article.status == "published"
    assert list(article.studies.values_list("title", flat=True)) == ["Beta"]


def test_restoring_keeps_the_publish_state_and_adds_a_revision(marketing_client, republished):
    article, old = republished
    published_at = article.publish_at
    url = revision_url(article, old)
    response = marketing_client.post(url, form_data(marketing_client.get(url)), follow=True)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == "Old words about the study."
    assert article.status == "published" and article.publish_at == published_at
    assert list(article.studies.values_list("title", flat=True)) == ["Alpha"]
    assert Study.objects.filter(title="Beta").count() == 0
    assert versions_of(article).count() == 4  # original, saved, republished, restored
    when = timezone.localtime(old.revision.date_created)
    assert (
        f"Restored the content of the revision from {when:%-d %B %Y, %H:%M}. "
        "Publish state unchanged: Published." in response.text
    )


def test_restoring_says_so_when_the_editor_changed_the_status_in_the_form(
    marketing_client, republished
):
    article, old = republished
    url = revision_url(article, old)
    data = form_data(marketing_client.get(url), status="draft")
    response = marketing_client.post(url, data, follow=True)
    article.refresh_from_db()
    assert article.status == "draft"
    assert "Publish state changed, as set in the form: Draft." in response.text


def test_marketing_cannot_bring_back_deleted_articles(marketing_client):
    assert marketing_client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
    changelist = marketing_client.get(reverse("admin:articles_article_changelist"))
    assert "Recover deleted" not in changelist.text


def test_restoring_a_promise_onto_a_published_article_is_stopped_by_the_checks(
    marketing_client,
):
    article = ArticleFactory(draft=True, body="Relief is guaranteed.")
    save_in_admin(marketing_client, article)  # a draft may say it; the checks only warn
    save_in_admin(marketing_client, article, body="Most people slept better.", status="published")
    old = versions_of(article).order_by("pk")[1]
    url = revision_url(article, old)

    refused = marketing_client.post(url, form_data(marketing_client.get(url)))

    assert refused.status_code == 200
    assert (
        "“guaranteed” is promotional wording" in refused.context["adminform"].form.errors["body"][0]
    )
    article.refresh_from_db()
    assert article.body == "Most people slept better."
    data = form_data(marketing_client.get(url), publish_reason="Restoring the reviewed text.")
    assert marketing_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.body == "Relief is guaranteed." and article.is_live
