"""Live articles no clinician has reviewed come first on the admin home and in the report."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_never_reviewed_live_articles_are_listed_first_on_the_admin_home(admin_client):
    today = timezone.localdate()
    ArticleFactory(title="Overdue one", reviewer=PersonFactory(),
                   reviewed_on=today - timedelta(days=400))  # fmt: skip
    ArticleFactory(title="Nobody checked this")
    ArticleFactory(title="Unreviewed draft", draft=True)
    index = admin_client.get(reverse("admin:index")).text
    assert "Never reviewed" in index
    assert index.index("Nobody checked this") < index.index("Overdue one")
    assert "Unreviewed draft" not in index
    assert "Every published article has been reviewed" not in index


def test_the_all_clear_needs_every_live_article_reviewed(admin_client):
    ArticleFactory(reviewer=PersonFactory(), reviewed_on=timezone.localdate())
    index = admin_client.get(reverse("admin:index")).text
    assert "Every published article has been reviewed, and none is overdue" in index


def test_review_report_counts_never_reviewed_articles(capsys):
    ArticleFactory(title="Nobody checked this")
    call_command("review_report")
    out = capsys.readouterr().out
    assert "\nPublished but never medically reviewed: 1\n" in out
    assert "Nobody checked this" in out
