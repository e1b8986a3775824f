"""The change form and list actions save through articles.services: a few queries per add,
one search refresh, and checks that stop publishing inside the form, with the text kept."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, PublishingOverride
from articles.search import documents
from tests.factories import ArticleFactory, PersonFactory, TopicFactory
from tests.helpers import article_change_form, article_form, form_data

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")
PROMISE = "## Key findings\n\nKetamine is guaranteed to help."
REASON_FIELD = "Publish despite these checks — reason"


def with_studies(data, count):
    """The posted form with `count` copies of its first study."""
    first = {key: value for key, value in data.items() if key.startswith("studies-0-")}
    for number in range(1, count):
        for key, value in first.items():
            data[key.replace("studies-0-", f"studies-{number}-")] = value
        data[f"studies-{number}-position"] = str(number)
    data["studies-TOTAL_FORMS"] = str(count)
    return data


def test_adding_an_article_with_three_studies_and_two_topics_takes_at_most_35_queries(
    admin_client, django_assert_max_num_queries, monkeypatch
):
    refreshes = []
    refresh = documents.refresh_search_documents
    monkeypatch.setattr(
        documents, "refresh_search_documents", lambda ids: refreshes.append(ids) or refresh(ids)
    )
    topics = [TopicFactory(name="PTSD"), TopicFactory(name="Ketamine")]
    data = with_studies(article_form(PersonFactory(), topics=[t.pk for t in topics]), 3)
    admin_client.get(ADD)  # the editor opens the form first

    # 30, and the unique address and translation key in the article's language, checked
    # before the save as every unique constraint is
    with django_assert_max_num_queries(35):
        response = admin_client.post(ADD, data)

    assert response.status_code == 302
    article = Article.objects.get()
    assert refreshes == [[article.pk]]  # 5 refreshes before, one per study and topic change
    assert article.studies.count() == 3 and article.topics.count() == 2
    assert "PTSD" in article.search_document and "Philipp-Muller" in article.search_document
    (version,) = Version.objects.get_for_object(article)
    assert version.revision.version_set.filter(content_type__model="study").count() == 3


def test_publishing_a_promise_is_refused_in_the_form_with_the_text_kept(editor_client):
    data = article_form(PersonFactory(), status="published", body=PROMISE, title="Kept title")
    response = editor_client.post(ADD, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "“guaranteed to help” is promotional wording" in form.errors["body"][0]
    assert "Say what the studies found instead" in form.errors["body"][0]
    assert form.non_field_errors()[-1].startswith("Not published: 1 problem, shown at each")
    assert (
        'value="Kept title"' in response.text and "Ketamine is guaranteed to help." in response.text
    )
    assert REASON_FIELD not in response.text  # not a Marketing editor
    assert not Article.objects.exists()


def test_scheduling_is_stopped_the_same_way_and_a_draft_still_saves(editor_client):
    later = timezone.localtime(timezone.now() + timedelta(days=5))
    data = article_form(
        PersonFactory(), status="published", disclaimer="Book now!",
        publish_at_0=f"{later:%Y-%m-%d}", publish_at_1="09:00:00",
    )  # fmt: skip
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert (
        "does not say that the summary is for education only"
        in (response.context["adminform"].form.errors["disclaimer"][0])
    )
    data["status"] = "draft"
    assert editor_client.post(ADD, data).status_code == 302
    assert Article.objects.get().status == Article.Status.DRAFT


def test_a_marketing_editor_publishes_anyway_with_a_reason_kept_in_history_and_the_worklist(
    marketing_client, marketing_user
):
    data = article_form(PersonFactory(), status="published", body=PROMISE, title="Promise")
    refused = marketing_client.post(ADD, data)
    assert REASON_FIELD in refused.text
    form = refused.context["adminform"].form
    assert form.errors["publish_reason"] == ["Give a reason to publish despite the checks."]
    assert "give your reason under “Publish despite these checks”" in form.non_field_errors()[-1]

    data["publish_reason"] = "The trial's own conclusion, quoted and attributed."
    response = marketing_client.post(ADD, data)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_live
    comment = Version.objects.get_for_object(article).get().revision.comment
    assert comment.endswith(
        "Published despite the checks. Reason: The trial's own conclusion, quoted and attributed."
    )
    override = PublishingOverride.objects.get()
    assert override.created_by == marketing_user and "guaranteed to help" in override.problems
    worklist = marketing_client.get(reverse("admin:index")).text
    assert "Published despite the content checks" in worklist
    assert "The trial&#x27;s own conclusion, quoted and attributed." in worklist


def test_a_superuser_may_publish_anyway_and_a_fix_clears_the_worklist(admin_client):
    article = ArticleFactory(draft=True, body=PROMISE, title="Promise")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_change_form(article, status="published", publish_reason="Approved by legal.")
    assert admin_client.post(url, data).status_code == 302
    assert "Approved by legal." in admin_client.get(reverse("admin:index")).text

    article.refresh_from_db()
    fixed = article_change_form(article, body="## Key findings\n\nMost people felt better.")
    assert admin_client.post(url, fixed).status_code == 302
    assert "Approved by legal." not in admin_client.get(reverse("admin:index")).text


def test_saving_a_published_article_without_touching_what_is_checked_is_not_stopped(
    admin_client,
):
    article = ArticleFactory(disclaimer="Book now!")  # from before the checks existed
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, form_data(admin_client.get(url), hero_credit="Photo: Jo"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = admin_client.post(url, form_data(admin_client.get(url), body=PROMISE))
    assert response.status_code == 200


def test_the_publish_action_names_each_problem_and_where_to_fix_it(admin_client):
    article = ArticleFactory(draft=True, title="Promise", body=PROMISE)
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith(
        "“Promise” was not published: Body, paragraph 1 (in “Key findings”): “guaranteed to help”"
    )
    assert message.endswith(
        "Open it to fix them (a Marketing editor may publish it anyway there, giving a reason)."
    )
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT
