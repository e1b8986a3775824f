"""When a draft goes live: the publish time it gets, and what the editor is told."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import publish_time_on_publishing
from tests.factories import ArticleFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def _publish_from_the_form(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), status="published", **changes)
    return client.post(url, data, follow=True)


def test_rule_past_time_becomes_now_unless_the_editor_chose_it():
    now = timezone.now()
    week_ago, tomorrow = now - timedelta(days=7), now + timedelta(days=1)
    assert publish_time_on_publishing(week_ago, now=now) == now
    assert publish_time_on_publishing(week_ago, chosen_by_editor=True, now=now) == week_ago
    assert publish_time_on_publishing(tomorrow, now=now) == tomorrow


def test_publishing_an_old_draft_from_the_form_publishes_it_now(admin_client):
    draft = ArticleFactory(draft=True, publish_at=timezone.now() - timedelta(days=5))
    before = timezone.now()
    response = _publish_from_the_form(admin_client, draft)
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.publish_at >= before
    assert f"“{draft.title}” is live for everyone now." in response.text


def test_publishing_from_the_list_publishes_it_now(admin_client):
    draft = ArticleFactory(draft=True, publish_at=timezone.now() - timedelta(days=5))
    before = timezone.now()
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.publish_at >= before


def test_a_publish_time_set_in_the_same_form_is_kept_so_backdating_works(admin_client):
    draft = ArticleFactory(draft=True, publish_at=timezone.now() - timedelta(days=5))
    _publish_from_the_form(admin_client, draft, publish_at_0="2024-03-01", publish_at_1="10:00")
    draft.refresh_from_db()
    assert f"{timezone.localtime(draft.publish_at):%Y-%m-%d %H:%M}" == "2024-03-01 10:00"


def test_saving_a_live_article_keeps_its_publish_time(admin_client):
    article = ArticleFactory(
        publish_at=(timezone.now() - timedelta(days=30)).replace(microsecond=0)
    )
    url = reverse("admin:articles_article_change", args=[article.pk])
    admin_client.post(url, form_data(admin_client.get(url), title="Retitled"))
    assert Article.objects.get(pk=article.pk).publish_at == article.publish_at


def test_scheduling_says_it_is_scheduled_and_for_when(admin_client):
    draft = ArticleFactory(draft=True)
    future = timezone.localtime(timezone.now() + timedelta(days=10)).replace(hour=9, minute=0)
    response = _publish_from_the_form(
        admin_client, draft, publish_at_0=f"{future:%Y-%m-%d}", publish_at_1="09:00"
    )
    expected = f"is scheduled: it goes live on {future:%-d %B %Y}, 09:00 (Toronto time)"
    assert expected in response.text


def test_scheduling_from_the_list_says_when(admin_client):
    future = timezone.now() + timedelta(days=2)
    draft = ArticleFactory(draft=True, publish_at=future)
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert f"“{draft.title}” is scheduled: it goes live on" in response.text


def test_the_publication_rules_compose_from_one_status_filter():
    live = ArticleFactory()
    scheduled = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))
    draft = ArticleFactory(draft=True)
    old_draft = ArticleFactory(draft=True, publish_at=timezone.now() - timedelta(days=30))
    articles = Article.objects.order_by("pk")
    assert list(articles.marked_published()) == [live, scheduled]
    assert list(articles.published()) == [live]
    assert list(articles.scheduled()) == [scheduled]
    assert list(articles.drafts()) == [draft, old_draft]
