"""Content checks before publishing: alt text blocks a save; the rest are warnings that say
what is wrong and where."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.editorial.content_checks import content_warnings, image_alt_problems
from articles.models import Article, Study
from clinic.authoring.markdown import render_markdown
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, StudyFactory
from tests.helpers import form_data

PLAIN = "## Key findings\n\nPeople felt better. Most slept well."
HARD = (
    "Ketamine-assisted psychotherapeutic interventions demonstrated statistically significant "
    "amelioration of posttraumatic symptomatology among treatment-resistant participants "
    "experiencing comorbid depressive psychopathology."
)


def warnings_for(body=PLAIN, title="Ketamine and PTSD", summary="What a study found.", studies=1,
                 limit=9):  # fmt: skip
    article = Article(title=title, summary=summary, body=body)
    return content_warnings(article, [Study(url="")] * studies, max_reading_grade=limit)


@pytest.mark.parametrize(
    "body",
    ["![](scan.jpg)", "![   ](scan.jpg)", '<img src="scan.jpg">',
     '<p><img src="scan.jpg" alt=""></p>', "Text\n\n![][scan]\n\n[scan]: scan.jpg"],
)  # fmt: skip
def test_an_image_without_alt_text_is_a_problem_naming_the_image(body):
    (problem,) = image_alt_problems(body)
    assert "“scan.jpg” has no alt text" in problem
    assert problem.startswith("Body, paragraph")


@pytest.mark.parametrize(
    "body", ["![A brain scan](scan.jpg)", '<img src="scan.jpg" alt="A brain scan">', "No images."]
)
def test_images_with_alt_text_are_fine(body):
    assert image_alt_problems(body) == []


def test_a_plain_article_with_a_study_has_no_warnings():
    assert warnings_for() == []


def test_an_article_without_a_study_is_flagged():
    assert warnings_for(studies=0) == [
        "No study is attached. Add the research this summary describes under “Studies”."
    ]


def test_writing_above_the_reading_grade_limit_is_flagged_with_where_to_start():
    body = f"## Key findings\n\nPeople felt better.\n\n## Mechanisms\n\n{HARD}"
    (warning,) = warnings_for(body)
    assert warning.startswith("Reading level: grade ")
    assert "above the clinic's limit of grade 9 (Flesch-Kincaid)" in warning
    assert warning.endswith("Start with paragraph 2 (in “Mechanisms”).")
    assert warnings_for(body, limit=60) == []


@pytest.mark.django_db
def test_the_reading_grade_limit_comes_from_the_clinic_profile():
    article = Article(title="T", summary="D", body=HARD)
    profile = ClinicProfile.load()
    assert any(w.startswith("Reading level") for w in content_warnings(article, [Study()]))
    profile.max_reading_grade = 60
    profile.save()
    assert content_warnings(article, [Study()]) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Relief is guaranteed.", "guaranteed"),
        ("This treatment cures PTSD.", "cures"),
        ("Many were cured.", "cured"),
        ("It works 100% of the time.", "100%"),
        ("A miracle drug.", "miracle"),
        ("The best care in town.", "The best care"),
        ("Our finest therapists.", "Our finest therapists"),
        ("You will feel better in a week.", "You will feel better"),
        ("We are the leading clinic for PTSD.", "leading clinic"),
        ("An industry-leading team.", "industry-leading"),
        ("Rated #1 in Toronto.", "#1"),
        ("Completely risk-free.", "risk-free"),
        ("Read our patient testimonials.", "testimonials"),
        ("Our patients say it changed their lives.", "patients say"),
    ],
)
def test_promotional_wording_is_flagged_with_the_place_it_appears(text, phrase):
    body = f"## Key findings\n\nPeople felt better.\n\n## Why it matters\n\nFirst.\n\n{text}"
    (warning,) = warnings_for(body, limit=30)
    assert warning.startswith(f"Body, paragraph 3 (in “Why it matters”): “{phrase}”")
    assert "advertising rules for clinics forbid" in warning


@pytest.mark.parametrize(
    "text",
    ["Secure care, obscured vision and a procured sample.", "Symptoms eased, leading to sleep.",
     "Bestow 1000 participants with 10% fewer visits.", "The trial had 3 arms, #12 and #10.",
     "These results are best read as preliminary.", "CBT is the best-studied therapy.",
     "There is no cure for PTSD yet.", "The authors cannot guarantee it will help everyone.",
     "100% of participants finished.", "Ketamine is not a cure.", "It is best taken with food.",
     "The best evidence comes from trials."],
)  # fmt: skip
def test_ordinary_words_that_contain_promotional_ones_are_not_flagged(text):
    assert warnings_for(f"People felt better.\n\n{text}") == []


def test_promotional_wording_in_the_title_summary_and_headings_is_flagged():
    warnings = warnings_for(
        "## Guaranteed results\n\nPeople felt better.",
        title="The best PTSD care",
        summary="A miracle?",
    )
    assert [w.split(":")[0] for w in warnings] == [
        "Title",
        "Summary",
        "Body, heading “Guaranteed results”",
    ]


def test_each_phrase_is_reported_once_per_place_in_the_order_it_appears():
    warnings = warnings_for("Guaranteed, the best clinic, guaranteed and the BEST clinic.")
    assert [w.split("“")[1].split("”")[0] for w in warnings] == ["Guaranteed", "the best clinic"]


def test_links_that_are_not_https_are_flagged_in_the_body_and_the_studies():
    article = Article(
        title="T",
        summary="D",
        body="See [the trial](http://example.org/trial) and [this](https://ok.org).",
    )
    studies = [Study(url="https://doi.org/10.1/x"), Study(url="http://journal.example/paper")]
    warnings = content_warnings(article, studies, max_reading_grade=20)
    assert warnings == [
        "Body, paragraph 1: the link http://example.org/trial is not secure (http://). Use its "
        "https:// address if it has one.",
        "Study 2: the link http://journal.example/paper is not secure (http://). Use its "
        "https:// address if it has one.",
    ]


# In the admin ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_saving_a_draft_shows_each_warning_and_still_saves(editor_client):
    article = ArticleFactory(body=PLAIN, draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), body="Results are guaranteed. See http://x.org.")
    response = editor_client.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body.startswith("Results are guaranteed.")
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "No study is attached. Add the research this summary describes under “Studies”.",
        "Body, paragraph 1: “guaranteed” is promotional wording that advertising rules for "
        "clinics forbid.",
        "Body, paragraph 1: the link http://x.org is not secure (http://). Use its https:// "
        "address if it has one.",
    ]


@pytest.mark.django_db
def test_the_same_edit_to_a_published_article_is_refused_with_the_text_kept(editor_client):
    article = ArticleFactory(body=PLAIN)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), body="Results are guaranteed. See http://x.org.")
    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Results are guaranteed. See http://x.org." in response.text
    errors = response.context["adminform"].form.errors
    assert "“guaranteed” is promotional wording" in errors["body"][0]
    article.refresh_from_db()
    assert article.body == PLAIN


@pytest.mark.django_db
def test_warnings_count_the_studies_saved_with_the_article(editor_client):
    article = StudyFactory(article=ArticleFactory(body=PLAIN)).article
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


@pytest.mark.django_db
def test_an_image_without_alt_text_blocks_the_save_and_keeps_what_was_typed(editor_client):
    article = StudyFactory(article=ArticleFactory(body=PLAIN)).article
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = "## Key findings\n\nA new paragraph I typed.\n\n![](brain-scan.jpg)"
    data = form_data(editor_client.get(url), title="A title I typed", body=body,
                     **{"studies-0-title": "A study title I typed"})  # fmt: skip
    response = editor_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["body"] == [
        "Body, paragraph 2 (in “Key findings”): the image “brain-scan.jpg” has no alt text. "
        "Describe it for people who cannot see it, between the square brackets: "
        "![What it shows](brain-scan.jpg)"
    ]
    assert form["title"].value() == "A title I typed" and form["body"].value() == body
    assert "A study title I typed" in response.text
    article.refresh_from_db()
    assert article.body == PLAIN


@pytest.mark.parametrize("body", [HARD, PLAIN])
def test_the_reading_grade_message_agrees_with_its_own_rule(body):
    from articles.editorial.content_checks import body_blocks, reading_grade, reading_warnings

    blocks = body_blocks(render_markdown(body))
    grade = round(reading_grade(blocks), 1)
    for limit in (int(grade) - 1, int(grade), int(grade) + 1):
        warnings = reading_warnings(blocks, limit)
        assert bool(warnings) == (grade > limit)
        if warnings:
            shown = float(warnings[0].split("grade ")[1].split(",")[0])
            assert shown > limit
