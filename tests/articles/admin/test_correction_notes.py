"""A change note marked as a correction goes to the corrections, apart from updates."""

import pytest
from django.urls import reverse

from articles.models import ArticleChange
from tests.factories import ArticleFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def _change(admin_client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return admin_client.post(url, form_data(admin_client.get(url), **changes))


def test_a_correction_is_recorded_as_one(admin_client):
    article = ArticleFactory()
    response = _change(admin_client, article, is_substantive_update="on", is_correction="on",
                       change_note="The dose was 0.5 mg/kg, not 5 mg/kg.")  # fmt: skip
    assert response.status_code == 302
    (change,) = article.changes.all()
    assert change.kind == ArticleChange.Kind.CORRECTION


def test_an_ordinary_update_stays_an_update(admin_client):
    article = ArticleFactory()
    _change(admin_client, article, is_substantive_update="on", change_note="Added 2024 results.")
    assert article.changes.get().kind == ArticleChange.Kind.UPDATE


def test_a_correction_needs_the_substantive_update_box(admin_client):
    article = ArticleFactory()
    response = _change(admin_client, article, is_correction="on", change_note="Fixed the dose.")
    assert response.status_code == 200
    assert "Tick this box to publish the change note" in response.text
    assert not article.changes.exists()


def test_the_disclosure_setting_is_on_the_form(admin_client):
    article = ArticleFactory()
    _change(admin_client, article, service_disclosure="hidden")
    article.refresh_from_db()
    assert article.service_disclosure == "hidden"
