"""Scheduling, medical review, honest dates, preview links, and edits that never collide."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, add_months
from articles.services import PublishRefused, publish_article
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, LocationFactory, PersonFactory
from tests.helpers import article_change_form, article_form, location_form
from tests.sitemaps import all_locs

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


# Scheduling -------------------------------------------------------------------


def test_scheduled_article_appears_by_itself_at_its_publish_time(client):
    go_live = datetime(2026, 12, 1, 9, 0, tzinfo=TORONTO)
    article = ArticleFactory(title="Scheduled summary", publish_at=go_live)
    pages = [reverse("articles:list"), reverse("articles:feed"), "/sitemap.xml"]
    with time_machine.travel(go_live - timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert all(b"Scheduled summary" not in client.get(p).content for p in pages[:2])
        assert all(article.get_absolute_url() not in loc for loc in all_locs(client))
    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert all(b"Scheduled summary" in client.get(p).content for p in pages[:2])
        assert any(loc.endswith(article.get_absolute_url()) for loc in all_locs(client))


# Medical review ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 15), 12, date(2027, 3, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start, months, due):
    assert add_months(start, months) == due


def test_article_shows_reviewer_and_next_review_due(client):
    reviewer = PersonFactory(name="Dr Ana Ruiz", credentials="MD")
    article = ArticleFactory(
        reviewer=reviewer, reviewed_on=date(2026, 3, 2), review_interval_months=6
    )
    assert article.review_due_on == date(2026, 9, 2)
    html = client.get(article.get_absolute_url()).text
    assert "Medically reviewed by" in html and "Dr Ana Ruiz, MD" in html
    assert "Next review due" in html and "September 2026" in html


def test_new_article_form_prefills_the_clinic_review_interval(admin_client):
    profile = ClinicProfile.load()
    profile.review_interval_months = 18
    profile.save()
    response = admin_client.get(reverse("admin:articles_article_add"))
    assert response.context["adminform"].form.initial["review_interval_months"] == 18


@pytest.fixture
def review_required():
    profile = ClinicProfile.load()
    profile.require_review_before_publishing = True
    profile.save()
    return profile


def test_publishing_without_review_is_refused_when_the_clinic_requires_it(review_required):
    article = ArticleFactory(draft=True)
    with pytest.raises(PublishRefused, match="requires a medical review"):
        publish_article(article=article)
    article.reviewer, article.reviewed_on = PersonFactory(), date(2026, 1, 5)
    publish_article(article=article)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_admin_form_refuses_publishing_without_review(admin_client, review_required):
    author = PersonFactory()
    data = article_form(author, status="published", title="Kept title")
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "requires a medical review" in response.text and 'value="Kept title"' in response.text
    assert not Article.objects.exists()


def test_publish_action_reports_refusals(admin_client, review_required):
    article = ArticleFactory(draft=True, title="Unreviewed")
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "“Unreviewed” was not published" in response.text
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_overdue_filter_dashboard_and_review_report(admin_client, django_user_model, capsys):
    from django.contrib.auth.models import Group

    today = timezone.localdate()
    overdue = ArticleFactory(
        title="Old review",
        reviewer=PersonFactory(),
        reviewed_on=today - timedelta(days=400),
        review_interval_months=12,
    )
    soon = ArticleFactory(
        title="Soon review",
        reviewer=PersonFactory(),
        reviewed_on=add_months(today, -12) + timedelta(days=10),
        review_interval_months=12,
    )
    ArticleFactory(title="Fresh review", reviewer=PersonFactory(), reviewed_on=today)
    changelist = admin_client.get(
        reverse("admin:articles_article_changelist"), {"review": "overdue"}
    )
    assert [a.title for a in changelist.context["cl"].result_list] == ["Old review"]
    index = admin_client.get(reverse("admin:index")).text
    assert "Overdue since" in index and "Old review" in index and "Soon review" in index
    assert "Fresh review" not in index

    marketer = django_user_model.objects.create_user("m", "m@example.org", "x" * 14)
    marketer.groups.add(Group.objects.get(name="Marketing"))
    call_command("review_report", "--email")
    out = capsys.readouterr().out
    assert "Overdue for medical review: 1" in out and overdue.title in out and soon.title in out
    assert mail.outbox[0].to == ["m@example.org"] and "Old review" in mail.outbox[0].body


# Honest dates -------------------------------------------------------------------


def test_ordinary_save_keeps_the_updated_date(admin_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, article_change_form(article, body="Typo fixed."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.body == "Typo fixed." and article.updated_at is None
    assert not article.changes.exists()


def test_substantive_update_moves_the_date_and_publishes_a_change_note(admin_client, client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_change_form(
        article, is_substantive_update="on", change_note="Added results of the 2024 follow-up"
    )
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.updated_at is not None
    html = client.get(article.get_absolute_url()).text
    assert "What changed" in html and "Added results of the 2024 follow-up" in html
    assert f'"dateModified": "{article.updated_at.isoformat()}"' in html


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"is_substantive_update": "on"}, "change_note"),
        ({"change_note": "x"}, "is_substantive_update"),
    ],
)
def test_substantive_update_needs_both_the_box_and_the_note(admin_client, fields, error_field):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, article_change_form(article, **fields))
    assert error_field in response.context["adminform"].form.errors


# Preview links --------------------------------------------------------------------


def test_a_later_save_never_silently_overwrites_an_earlier_one(
    admin_client, client, django_user_model
):
    article = ArticleFactory(body="Original")
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened_by_both = article_change_form(article)
    other = django_user_model.objects.create_superuser("colleague", "c@example.org", "x" * 14)
    client.force_login(other)
    assert client.post(url, {**opened_by_both, "body": "Colleague's text"}).status_code == 302
    response = admin_client.post(url, {**opened_by_both, "body": "My text"})
    assert response.status_code == 200
    assert "colleague changed this article at" in response.text
    assert "My text" in response.text
    assert Article.objects.get(pk=article.pk).body == "Colleague's text"


def test_location_edits_are_protected_the_same_way(admin_client):

    location = LocationFactory()
    url = reverse("admin:clinic_location_change", args=[location.pk])
    stale = location_form(location, opened_version=str(location.edit_version))
    assert admin_client.post(url, {**stale, "phone": "416-555-0111"}).status_code == 302
    response = admin_client.post(url, {**stale, "phone": "416-555-0122"})
    assert "changed this location at" in response.text


def test_marketing_cannot_delete_a_published_article_but_a_superuser_can(
    admin_client, client, django_user_model
):
    from django.contrib.auth.models import Group

    article = ArticleFactory()
    url = reverse("admin:articles_article_delete", args=[article.pk])
    marketer = django_user_model.objects.create_user("mk", password="x" * 14, is_staff=True)
    marketer.groups.add(Group.objects.get(name="Marketing"))
    client.force_login(marketer)
    assert client.get(url).status_code == 403
    assert b"Are you sure" in admin_client.get(url).content
    admin_client.post(url, {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()
