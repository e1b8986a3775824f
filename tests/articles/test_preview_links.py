"""Signed preview links: who sees a draft through one, and when they stop working."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.previews import preview_link_token
from articles.services import publish_article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_preview_link_action_gives_a_working_signed_link(admin_client, client):
    draft = ArticleFactory(draft=True, title="Draft for the clinician")
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "copy_preview_links", "_selected_action": [draft.pk]},
        follow=True,
    )
    draft.refresh_from_db()  # the action gave it its preview key
    link = reverse("articles:preview", kwargs={"token": preview_link_token(draft)})
    assert "Draft for the clinician" in response.text
    # In a read-only field, to select and copy (the “Copy” button needs JavaScript; this not).
    signed_data = link.split(":")[0]  # the signature's timestamp may differ by a second
    assert f'value="http://testserver{signed_data}:' in response.text
    assert '" readonly spellcheck="false"' in response.text
    assert 'data-copy-field="preview-link-' in response.text and "js/copy-link.js" in response.text
    page = client.get(link)
    assert page.status_code == 200
    assert "Draft preview — not yet published" in page.text
    assert "shared with you" in page.text and "Only signed-in editors" not in page.text
    assert "Draft for the clinician" in page.text
    assert page["X-Robots-Tag"] == "noindex, nofollow" and "no-store" in page["Cache-Control"]
    assert "sessionid" not in page.cookies


def test_expired_preview_link_is_410(client):
    draft = ArticleFactory(draft=True)
    link = reverse("articles:preview", kwargs={"token": preview_link_token(draft)})
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(link)
    assert response.status_code == 410 and "This preview link has expired" in response.text


def test_tampered_preview_link_is_403(client):
    draft = ArticleFactory(draft=True)
    token = preview_link_token(draft)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("articles:preview", kwargs={"token": tampered}))
    assert response.status_code == 403 and "not valid" in response.text
    assert "copied only in part" in response.text


def test_staff_preview_says_who_can_see_it_and_the_draft_is_not_published(editor_client):
    draft = ArticleFactory(draft=True)
    page = editor_client.get(draft.get_absolute_url())
    assert "Only signed-in editors, and anyone you send a preview link" in page.text
    assert "Not published yet (draft)" in page.text and "· Published" not in page.text


def test_scheduled_preview_says_when_it_will_be_published(editor_client):
    soon = timezone.now() + timedelta(days=3)
    article = ArticleFactory(publish_at=soon)
    page = editor_client.get(article.get_absolute_url())
    local = timezone.localtime(soon)
    assert f'scheduled for <time datetime="{local:%Y-%m-%dT%H:%M}' in page.text


def test_preview_link_to_a_published_article_redirects_to_the_public_page(client):
    article = ArticleFactory()
    link = reverse("articles:preview", kwargs={"token": preview_link_token(article)})
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()


# Concurrent edits and deleting ---------------------------------------------------------


def test_revoked_preview_link_stops_working_and_a_new_one_works(admin_client, client):
    draft = ArticleFactory(draft=True)
    old = reverse("articles:preview", kwargs={"token": preview_link_token(draft)})
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "revoke_previews", "_selected_action": [draft.pk]},
    )
    revoked = client.get(old)
    assert revoked.status_code == 403 and "has been turned off" in revoked.text
    assert "copied only in part" not in revoked.text
    draft.refresh_from_db()
    new = reverse("articles:preview", kwargs={"token": preview_link_token(draft)})
    assert client.get(new).status_code == 200


def test_unpublishing_revokes_links_made_before(client):
    from articles.services import unpublish_article

    article = ArticleFactory(draft=True)
    link = reverse("articles:preview", kwargs={"token": preview_link_token(article)})
    publish_article(article=article)
    assert client.get(link).status_code == 302  # published: the public page
    unpublish_article(article=article)
    assert client.get(link).status_code == 403
