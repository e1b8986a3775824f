"""CHECK constraints validated in Python say what the database query said, without a query."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from articles.models import Article, Study
from clinic.domain.models import DEFAULT_DISCLAIMER

pytestmark = pytest.mark.django_db


def errors_in_python(instance, exclude=None):
    try:
        instance.validate_constraints(exclude)
    except ValidationError as error:
        return error.message_dict
    return {}


def errors_from_the_database(instance, exclude=None):
    try:
        models.Model.validate_constraints(instance, exclude)  # Django's own: a query each
    except ValidationError as error:
        return error.message_dict
    return {}


STUDIES = [
    {"year": 2024},
    {"year": 1800},
    {"year": 2101},
    {"year": None},
    {"year": 2024, "month": 13},
    {"year": 2024, "month": 0},
    {"year": 2024, "month": None},
    {"year": 2024, "follow_up_weeks": 0},
    {"year": 2024, "follow_up_weeks": 12},
]
ARTICLES = [
    {},
    {"disclaimer": ""},
    {"disclaimer": " \u00a0\t\n\u3000"},
    {"hero_image": "hero.jpg", "hero_alt": ""},
    {"hero_image": "hero.jpg", "hero_alt": "\u2007"},
    {"hero_image": "hero.jpg", "hero_alt": "A quiet room"},
]


@pytest.mark.parametrize("values", STUDIES)
def test_a_study_is_judged_as_the_database_judges_it(values):
    study = Study(article_id=1, title="A trial", journal="J", **values)
    assert errors_in_python(study) == errors_from_the_database(study)


@pytest.mark.parametrize("values", ARTICLES)
def test_an_article_is_judged_as_the_database_judges_it(values):
    values = {"disclaimer": DEFAULT_DISCLAIMER, **values}
    article = Article(title="T", slug="t", summary="S", body="B", author_id=1, **values)
    assert errors_in_python(article) == errors_from_the_database(article)


def test_the_messages_reach_the_form_and_no_query_is_made(django_assert_num_queries):
    study = Study(article_id=1, title="A trial", journal="J", year=2024, month=13)
    article = Article(title="T", slug="t", disclaimer=" ", hero_image="x.jpg", hero_alt="")
    with django_assert_num_queries(0):
        assert errors_in_python(study) == {"__all__": ["A month is a number from 1 to 12."]}
        # The address and translation key are unique per language: a query each, as any
        # unique check. Left out here, the CHECK constraints alone cost no query.
        assert errors_in_python(article, exclude={"slug", "translation_key"}) == {
            "__all__": [
                "Every article needs the medical disclaimer.",
                "A hero image needs alt text.",
            ]
        }


def test_a_constraint_on_an_excluded_field_is_not_checked():
    study = Study(article_id=1, title="A trial", journal="J", year=1800)
    assert errors_in_python(study, exclude={"year"}) == {}
