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


@pytest.mark.django_db
def test_articles_published_despite_the_checks_are_on_the_worklist_until_fixed(admin_user, capsys):
    from django.core.management import call_command

    from articles.editorial.review import open_publishing_overrides
    from articles.services import publish_article, save_article
    from tests.factories import ArticleFactory

    article = ArticleFactory(draft=True, title="Promise", body="Relief is guaranteed.")
    publish_article(article=article, user=admin_user, reason="The trial's own words.")
    (override,) = open_publishing_overrides()
    assert override.article == article and override.created_by == admin_user
    call_command("review_report")
    out = capsys.readouterr().out
    assert "Published despite the content checks: 1" in out
    assert "Promise (admin, " in out and "The trial's own words." in out

    article.body = "Most people slept better."
    save_article(article=article, user=admin_user)
    assert open_publishing_overrides() == []


def test_the_admin_home_shows_the_first_of_each_list_and_links_to_the_rest(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.editorial.review import SHORTLIST_ROWS
    from articles.models import Article

    today = timezone.localdate()
    reviewer = PersonFactory()

    def add(count):
        for _ in range(count):
            ArticleFactory(reviewer=reviewer, reviewed_on=today - timedelta(days=400))
            ArticleFactory()  # never reviewed

    add(SHORTLIST_ROWS + 5)
    admin_client.get(reverse("admin:index"))  # the session and site-wide parts, read once
    with CaptureQueriesContext(connection) as few:
        index = admin_client.get(reverse("admin:index")).text
    assert index.count("<strong>Overdue since") == SHORTLIST_ROWS
    assert index.count("<strong>Never reviewed</strong>") == SHORTLIST_ROWS
    assert '?review=overdue">5 more overdue</a>' in index
    assert '?review=never&amp;status__exact=published">5 more never reviewed</a>' in index
    oldest = Article.objects.filter(reviewed_on__isnull=True).order_by("publish_at").first()
    assert index.index(oldest.title) < index.index("Overdue since")
    add(20)
    with CaptureQueriesContext(connection) as more:
        index = admin_client.get(reverse("admin:index")).text
    assert "25 more overdue" in index
    assert len(more) == len(few)
