"""French text is measured with a French formula; its disclaimer is checked in French."""

import pytest

from articles.editorial.disclaimers import missing_disclaimer_points
from articles.editorial.gates import content_problems
from articles.editorial.reading_level import grade_from_ease, text_grade
from articles.models import Article
from clinic.domain.models import ClinicProfile
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR

EASY_FR = "Le sommeil aide. Les gens dorment mieux. Parlez à votre médecin."
HARD_FR = (
    "L'administration concomitante de kétamine et d'une psychothérapie structurée réduirait "
    "significativement la symptomatologie post-traumatique chez des participants adultes "
    "selon plusieurs évaluations cliniques standardisées et multidimensionnelles."
)
FRENCH_DISCLAIMER = (
    "Ce résumé est offert à titre informatif et ne remplace pas un avis médical. Parlez à "
    "votre médecin. En cas d'urgence, composez le 911."
)


@pytest.mark.parametrize(
    ("ease", "grade"), [(120, 4.0), (90, 5.0), (75, 6.5), (55, 10.5), (30, 16.0), (-20, 18.0)]
)
def test_a_reading_ease_becomes_a_school_grade_on_fleschs_table(ease, grade):
    assert grade_from_ease(ease) == pytest.approx(grade)


def test_french_text_is_graded_with_the_french_formula():
    assert text_grade(EASY_FR, "fr") <= 6
    assert text_grade(HARD_FR, "fr") > 12
    # The English formula counts French syllables wrongly: the grades differ.
    assert text_grade(HARD_FR, "fr") != pytest.approx(text_grade(HARD_FR, "en"))


def article(**values):
    defaults = {"title": "Le sommeil et le TSPT", "summary": "Ce que dit une étude.",
                "body": EASY_FR, "disclaimer": FRENCH_DISCLAIMER, "language": "fr"}  # fmt: skip
    return Article(**{**defaults, **values})


def test_a_plain_french_article_with_a_french_disclaimer_passes_the_checks():
    assert content_problems(article(), ClinicProfile(max_reading_grade=9)) == []


def test_hard_french_text_is_stopped_naming_the_french_formula():
    problems = content_problems(article(body=HARD_FR), ClinicProfile(max_reading_grade=9))
    assert any("Kandel-Moles" in str(problem) for problem in problems)


def test_a_french_disclaimer_is_checked_for_the_same_four_points():
    assert missing_disclaimer_points(FRENCH_DISCLAIMER, "fr") == []
    assert missing_disclaimer_points("Bonne lecture !", "fr") == [
        "that the summary is for education only", "that it is not medical advice",
        "to talk to your own clinician", "what to do in an emergency",
    ]  # fmt: skip
    # The English disclaimer on a French article misses its points in French.
    english = "Educational only, not medical advice. Talk to your doctor. Emergency: call 911."
    assert missing_disclaimer_points(english, "fr") != []


@pytest.mark.parametrize(
    "wording",
    [
        DEFAULT_DISCLAIMER_FR,  # “sert uniquement à informer”
        FRENCH_DISCLAIMER.replace("à titre informatif", "à titre d’information"),
        FRENCH_DISCLAIMER.replace("à titre informatif", "à des fins d’information"),
    ],
)
def test_the_french_default_disclaimer_and_typographic_apostrophes_say_the_four_points(wording):
    assert missing_disclaimer_points(wording, "fr") == []
