"""Comparing two saves of an article: word by word, field by field, studies included."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.editorial.compare import word_diff
from tests.factories import ArticleFactory, StudyFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_word_diff_marks_whole_words_and_escapes_html():
    html = word_diff("Symptoms eased <b>fast</b>.", "Symptoms increased <b>fast</b>.")
    assert html == "Symptoms <del>eased</del><ins>increased</ins> &lt;b&gt;fast&lt;/b&gt;."


def _save(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, form_data(client.get(url), **changes))
    assert response.status_code == 302


def _compare(client, article):
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    return client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": newer.pk, "version_id2": older.pk},  # either order works
    )


def test_a_changed_study_shows_only_its_changed_fields(admin_client):
    study = StudyFactory(participants=34, population="Adults with PTSD")
    article = study.article
    _save(admin_client, article, **{"studies-0-participants": "40"})
    html = _compare(admin_client, article).text
    assert "Study “Ketamine and psychotherapy for PTSD" in html and ": changed" in html
    assert "<del>34</del><ins>40</ins>" in html
    assert "Adults with PTSD" not in html  # unchanged fields are left out
    assert "<del>Ketamine" not in html  # the study is not removed and added again


def test_breadcrumb_and_wording_are_plain(admin_client):
    article = ArticleFactory(title="Sleep and ketamine", body="Symptoms eased.")
    _save(admin_client, article, body="Symptoms increased.")
    response = _compare(admin_client, article)
    assert response.status_code == 200
    crumbs = response.text.split('class="breadcrumbs"')[1].split("</div>")[0]
    assert "Articles" in crumbs and crumbs.count("Articles") == 1
    assert "Sleep and ketamine" in crumbs and "History" in crumbs and "Compare two saves" in crumbs
    assert "<del>eased.</del><ins>increased.</ins>" in response.text
    for jargon in ("Revert", "version_id", "object", "Compare articles"):
        assert jargon not in response.text.split("</header>")[-1].replace("version_id1=", "")


def test_compare_with_unknown_saves_is_404(admin_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert admin_client.get(url, {"version_id1": 998, "version_id2": 999}).status_code == 404
    assert admin_client.get(url, {"version_id1": "x"}).status_code == 404
    other = reverse("admin:articles_article_compare", args=["not-a-number"])
    assert admin_client.get(other, {"version_id1": 1, "version_id2": 2}).status_code == 404


def test_line_endings_and_spacing_alone_are_not_changes():
    assert word_diff("One line.\nTwo  lines.", "One line.\r\nTwo lines.") == "One line.\nTwo lines."
