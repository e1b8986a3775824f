"""The evidence box on article pages and in the admin: from the record, with an editor's note."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.models import Article, Study
from tests.factories import ArticleFactory, PersonFactory, StudyFactory
from tests.helpers import article_form

pytestmark = pytest.mark.django_db


def _box(html, number=None):
    heading = "How strong is the evidence" + (f" from study {number}" if number else "") + "?"
    assert heading in html
    return html.split(heading)[1].split("</section>")[0]


def test_every_study_gets_its_own_box_next_to_its_glance(client):
    article = ArticleFactory()
    StudyFactory(article=article, design=Study.Design.RCT, participants=30, position=0)
    StudyFactory(article=article, design=Study.Design.COHORT, participants=None, position=1)
    html = client.get(article.get_absolute_url()).content.decode()
    first, second = _box(html, 1), _box(html, 2)
    assert "30 people took part, which is small" in first
    assert "The record does not say" not in second  # a point the record cannot fill is left out
    assert "How many people" not in second
    assert "<details" in html.split("Study 1 at a glance")[1].split("from study 1?")[0]
    assert html.index("Study 1 at a glance") < html.index("from study 1?")
    assert html.index("from study 1?") < html.index("Study 2 at a glance")


def test_the_box_shows_the_ladder_the_record_and_the_questions(client):
    article = ArticleFactory()
    StudyFactory(
        article=article,
        design=Study.Design.RCT,
        participants=227,
        comparison=Study.Comparison.PLACEBO,
        follow_up_weeks=4,
        funder=Study.Funder.INDUSTRY,
        evidence_note="Other trials looked at longer treatment.",
    )
    box = _box(client.get(article.get_absolute_url()).content.decode())
    assert (
        '<li class="evidence__step--this"><span class="evidence__step-name">Randomised '
        "controlled trials</span>"
    ) in box
    assert "This study</strong>" in box
    assert "227 people took part, which is moderate" in box
    assert "placebo (a dummy treatment)" in box
    assert "followed for 4 weeks" in box
    assert "more often report favourable results" in box
    assert "A note from our team</p><p>Other trials looked at longer treatment.</p>" in box
    assert "What to ask your care team" in box
    assert "Have independent researchers found the same?" in box


def test_an_article_without_a_study_has_no_box(client):
    html = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "How strong is the evidence" not in html


def test_the_note_is_escaped_not_trusted(client):
    article = ArticleFactory()
    StudyFactory(article=article, evidence_note="<script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_follow_up_must_be_positive_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        StudyFactory(follow_up_weeks=0)


def test_editors_fill_in_the_new_fields_and_see_the_box_but_cannot_edit_it(admin_client):
    data = article_form(
        PersonFactory(),
        **{
            "studies-0-comparison": "active",
            "studies-0-follow_up_weeks": "39",
            "studies-0-funder": "public",
            "studies-0-evidence_note": "A careful comparison.",
            "studies-0-evidence_box": "Proves it works!",  # read-only: ignored
        },
    )
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug=data["slug"])
    study = article.studies.get()
    assert (study.comparison, study.follow_up_weeks, study.funder) == ("active", 39, "public")
    assert study.evidence_note == "A careful comparison."

    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = page.content.decode()
    assert '<details class="evidence" open>' in html
    assert "Weighing the evidence" in html and "What readers see" in html
    assert "followed for about 9 months" in html and "Proves it works!" not in html
    assert 'name="studies-0-evidence_box"' not in html
    assert 'name="studies-0-evidence_note"' in html

    preview = admin_client.get(article.get_absolute_url()).content.decode()
    assert "Preview — not public." in preview and "followed for about 9 months" in _box(preview)


def test_a_blank_study_asks_for_its_design_before_showing_the_box(admin_client):
    html = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "design (or fill it from its identifier) to see the box." in html


def test_editors_see_the_points_readers_do_not(admin_client):
    article = ArticleFactory()
    StudyFactory(article=article, design=Study.Design.RCT, participants=None)
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "The record does not say how many people took part." in page.text
    assert "Readers do not see this line" in page.text
    public = admin_client.get(article.get_absolute_url()).text
    assert "The record does not say" not in public
