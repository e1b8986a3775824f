"""Open citation notices come first on the admin home; a reviewer's note resolves them."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleChange, CitationNotice
from tests.factories import PersonFactory, StudyFactory

pytestmark = pytest.mark.django_db


def retraction(**study):
    """The Lancet's 2010 retraction of Wakefield 1998, as the nightly check records it."""
    return CitationNotice.objects.create(
        study=StudyFactory(title="Ileal-lymphoid-nodular hyperplasia", **study),
        kind=CitationNotice.Kind.RETRACTION,
        notice_key="retraction",
        published_on=date(2010, 2, 6),
        notice_doi="10.1016/s0140-6736(10)60175-4",
        source="Crossref (Retraction Watch)",
    )


def test_open_notices_head_the_admin_homes_review_list(admin_client):
    notice = retraction(article__title="Gut and autism")
    html = admin_client.get(reverse("admin:index")).text
    assert "review these articles first" in html
    assert html.index("Gut and autism") < html.index("Never reviewed")
    assert "<strong>Retraction</strong>, 6 February 2010" in html
    assert 'href="https://doi.org/10.1016/s0140-6736(10)60175-4"' in html
    assert reverse("admin:articles_citationnotice_change", args=[notice.pk]) in html


def test_the_review_filter_finds_articles_with_open_notices(admin_client):
    notice = retraction(article__title="Gut and autism")
    StudyFactory(article__title="Nothing wrong here")
    html = admin_client.get(reverse("admin:articles_article_changelist"), {"review": "notice"}).text
    assert notice.study.article.title in html and "Nothing wrong here" not in html


def test_the_review_report_lists_open_notices_first(capsys):
    retraction(article__title="Gut and autism")
    call_command("review_report")
    out = capsys.readouterr().out
    assert out.startswith("Cited studies retracted, corrected or questioned: 1\n")
    assert "Gut and autism: retraction, 6 February 2010 of “Ileal-lymphoid-nodular" in out


def test_a_reviewer_resolves_a_notice_with_a_note_for_readers(admin_client):
    notice = retraction()
    reviewer = PersonFactory(name="Dr Ana Ruiz")
    url = reverse("admin:articles_citationnotice_change", args=[notice.pk])
    note = "We removed this study's findings; the summary now rests on the 2021 trial."
    response = admin_client.post(url, {"reviewer": reviewer.pk, "resolution_note": note})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert not notice.is_open and notice.reviewer == reviewer
    change = notice.change
    assert (change.kind, change.note) == (ArticleChange.Kind.STUDY_NOTICE, note)
    article = notice.study.article
    article.refresh_from_db()
    assert (article.reviewer, article.reviewed_on) == (reviewer, timezone.localdate())
    assert article.updated_at == change.changed_at
    assert "review these articles first" not in admin_client.get(reverse("admin:index")).text


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"resolution_note": "Checked."}, "Name the clinician who re-checked the summary."),
        ({"reviewer": "reviewer"}, "Tell readers what the reviewer found or changed."),
    ],
)
def test_resolving_needs_both_the_reviewer_and_the_note(admin_client, fields, error):
    notice = retraction()
    reviewer = PersonFactory()
    data = {name: reviewer.pk if value == "reviewer" else value for name, value in fields.items()}
    url = reverse("admin:articles_citationnotice_change", args=[notice.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert error in response.text
    notice.refresh_from_db()
    assert notice.is_open


def test_notices_are_never_added_by_hand_and_resolved_ones_stay_as_they_were(admin_client):
    assert admin_client.get(reverse("admin:articles_citationnotice_add")).status_code == 403
    notice = retraction()
    url = reverse("admin:articles_citationnotice_change", args=[notice.pk])
    admin_client.post(url, {"reviewer": PersonFactory().pk, "resolution_note": "Checked."})
    html = admin_client.get(url).text
    assert 'name="resolution_note"' not in html  # read-only once resolved


def test_a_resolved_notice_needs_its_note_in_the_database():
    from django.db import IntegrityError, transaction

    notice = retraction()
    with pytest.raises(IntegrityError), transaction.atomic():
        CitationNotice.objects.filter(pk=notice.pk).update(resolved_at=timezone.now())
