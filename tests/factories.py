"""Small factories for test data, made in each test."""

import importlib
from datetime import UTC, datetime, timedelta

import factory

from articles.models import Article, Study, Topic
from clinic.domain.models import DEFAULT_DISCLAIMER, Location, OpeningHours, Person

FIRST_PUBLISHED = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role_title = "Psychiatrist"
    credentials = "MD"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live article by default; `draft=True` or a future `publish_at` hides it."""

    class Meta:
        model = Article

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "What a study found, in plain language."
    body = "## Key findings\n\n1. One\n2. Two\n"
    author = factory.SubFactory(PersonFactory)
    status = Article.Status.PUBLISHED
    # A fixed past date, one minute apart: always live and in creation order, however many.
    publish_at = factory.Sequence(lambda n: FIRST_PUBLISHED + timedelta(minutes=n))
    disclaimer = DEFAULT_DISCLAIMER


class StudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Study

    article = factory.SubFactory(ArticleFactory)
    title = "Ketamine and psychotherapy for PTSD: a systematic review and meta-analysis"
    journal = "The Journal of Clinical Psychiatry"
    year = 2023
    authors = "Philipp-Muller A, Stephenson C, Moghimi E, Vazquez G, Alavi N, Milev R"
    design = Study.Design.META_ANALYSIS
    studies_pooled = 4
    participants = 34
    measures = "CAPS-5, PCL-5"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Location {n}")
    slug = factory.Sequence(lambda n: f"location-{n}")
    street_address = "100 Queen Street West"
    city = "Toronto"
    region = "ON"
    postal_code = "M5H 2N2"
    phone = "+14165550100"


def weekly_hours(location, days=range(5), intervals=(("09:00", "17:00"),)):
    """Give `location` the same intervals on each weekday in `days` (Monday is 0)."""
    return [
        OpeningHours.objects.create(location=location, weekday=day, opens=opens, closes=closes)
        for day in days
        for opens, closes in intervals
    ]


def seed_crisis_lines():
    """The crisis lines a new site starts with (a data migration), again after a live-server
    test has emptied the tables."""
    from django.apps import apps

    migration = importlib.import_module("clinic.domain.migrations.0014_seed_crisis_lines")
    migration.add_lines(apps, None)
