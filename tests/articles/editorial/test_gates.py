"""What stops publishing: promotional wording in context, reading grade, alt text and a
disclaimer without its core message, each problem placed on its field with how to fix it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from articles.editorial.content_checks import wording_warnings
from articles.editorial.disclaimers import missing_disclaimer_points
from articles.editorial.gates import content_problems, may_publish_despite_checks
from articles.models import Article
from clinic.domain.models import DEFAULT_DISCLAIMER, ClinicProfile
from clinic.domain.roles import FRONT_DESK
from tests.helpers import staff_in_role

PLAIN = "## Key findings\n\nPeople felt better. Most slept well."
EVERY_POINT = [
    "that the summary is for education only",
    "that it is not medical advice",
    "to talk to your own clinician",
    "what to do in an emergency",
]


def problems_of(**fields):
    values = {"title": "Ketamine and PTSD", "summary": "What a study found.", "body": PLAIN,
              "disclaimer": DEFAULT_DISCLAIMER, **fields}  # fmt: skip
    return content_problems(Article(**values), ClinicProfile(max_reading_grade=9))


def test_a_plain_article_with_the_default_disclaimer_passes():
    assert problems_of() == []


def test_the_built_in_default_disclaimer_says_everything():
    assert missing_disclaimer_points(DEFAULT_DISCLAIMER) == []


def test_book_now_says_none_of_what_a_disclaimer_must():
    assert missing_disclaimer_points("Book now!") == EVERY_POINT
    (problem,) = problems_of(disclaimer="Book now!")
    assert problem.field == "disclaimer"
    assert problem.message.startswith(
        "The medical disclaimer does not say that the summary is for education only, that it "
        "is not medical advice, to talk to your own clinician or what to do in an emergency."
    )
    assert "Tick “Use the clinic's default disclaimer”" in problem.message


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Educational only, not medical advice.", EVERY_POINT[2:]),
        ("For information only. This is not medical advice. Ask your doctor. If you are in "
         "crisis, call 988.", []),
        ("General information, which does not replace professional advice. Speak with your "
         "health care provider. In an emergency call 911.", []),
    ],
)  # fmt: skip
def test_each_point_a_disclaimer_lacks_is_named(text, missing):
    assert missing_disclaimer_points(text) == missing


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Ketamine is guaranteed to help.", "guaranteed to help"),
        ("It brings guaranteed relief.", "guaranteed"),
        ("The treatment is highly effective.", "highly effective"),
        ("It was a life-changing experience.", "life-changing"),
        ("A life changing treatment.", "life changing"),
        ("This is the best news for PTSD in years.", "best news for PTSD in years"),
        ("The best news in decades.", "best news in decades"),
        ("Ketamine is now the gold standard for depression.", "gold standard"),
        ("Our gold-standard care.", "gold-standard"),
    ],
)
def test_the_seeds_promotional_phrasing_is_caught_in_context(text, phrase):
    (warning,) = wording_warnings("Body", text)
    assert f"“{phrase}”" in warning


@pytest.mark.parametrize(
    "text",
    [
        "Relief is not guaranteed.",
        "There is no guarantee that it will help.",
        "A randomised trial is the gold standard for testing a treatment.",
        "The researchers used the gold-standard trial design.",
        "Scores were compared with the gold standard diagnostic interview.",
        "The drug was not highly effective in older adults.",
        "The best news came later. In years to come we will know more.",
    ],
)
def test_neutral_scientific_language_is_not_flagged(text):
    assert wording_warnings("Body", text) == []


def test_each_problem_sits_on_its_field_and_says_how_to_fix_it():
    hard = (
        "Ketamine-assisted psychotherapeutic interventions demonstrated statistically "
        "significant amelioration of posttraumatic symptomatology among treatment-resistant "
        "participants experiencing comorbid depressive psychopathology."
    )
    problems = problems_of(
        title="Guaranteed relief",
        summary="A life-changing treatment.",
        body=f"{hard}\n\n![](scan.jpg)",
        hero_image="hero.jpg",
        hero_alt="",
    )
    fields = [problem.field for problem in problems]
    assert fields == ["title", "summary", "body", "body", "hero_alt"]
    assert "Say what the studies found instead" in problems[0].message
    assert problems[2].message.startswith("Reading level: grade ")
    assert "![What it shows](scan.jpg)" in problems[3].message
    assert all(problem.may_be_overridden for problem in problems)


@pytest.mark.django_db
def test_marketing_editors_and_superusers_may_publish_past_the_checks(
    django_user_model, marketing_user, admin_user
):
    assert may_publish_despite_checks(marketing_user)
    assert may_publish_despite_checks(admin_user)
    assert not may_publish_despite_checks(staff_in_role(django_user_model, FRONT_DESK))
    assert not may_publish_despite_checks(AnonymousUser())
    assert not may_publish_despite_checks(None)
