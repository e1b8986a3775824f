"""Seed a benchmark database: a reproducible clinic with 2,000 articles.

Run with the benchmark's DATABASE_URL: `python -m tests.bench.seed [--articles 2000]`.
"""

import argparse
import os
import random
from datetime import time, timedelta

import django

WORDS = (
    "ketamine psychotherapy trauma memory sleep anxiety depression symptoms trial participants "
    "review measured clinician questionnaire therapy recovery session improvement placebo dose "
    "infusion weeks months results evidence careful small large group people adults treatment "
    "changes brain signal learning safety side effects follow-up research patients clinic"
).split()


def paragraph(rng, sentences=5):
    return " ".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(9, 18))).capitalize() + "."
        for _ in range(sentences)
    )


def body(rng):
    sections = ["Key findings", "How might this work?", "Why this study matters"]
    parts = [paragraph(rng)]
    for heading in sections:
        parts += [f"## {heading}", paragraph(rng), paragraph(rng)]
    parts.insert(2, "\n".join(f"{n}. {paragraph(rng, 1)}" for n in range(1, 5)))
    return "\n\n".join(parts)


def seed(count):
    from django.utils import timezone

    from articles.models import Article, Study, Topic
    from articles.search.documents import refresh_search_documents
    from clinic.authoring.markdown import render_markdown
    from clinic.domain.models import (
        DEFAULT_DISCLAIMER,
        ClinicProfile,
        Location,
        OpeningHours,
        Person,
    )

    rng = random.Random(2026)  # noqa: S311 - reproducible test data, not security
    now = timezone.now()
    profile = ClinicProfile.load()
    profile.name, profile.about = "Benchmark Clinic", paragraph(rng, 3)
    # The seed's random words are not prose: its reading grade would stop every save of a
    # published article that the benchmarks make.
    profile.max_reading_grade = 40
    profile.save()
    people = Person.objects.bulk_create(
        Person(name=f"Clinician {n}", slug=f"clinician-{n}", role_title="Psychiatrist",
               credentials="MD", bio=paragraph(rng), bio_html=f"<p>{paragraph(rng)}</p>")
        for n in range(30)
    )  # fmt: skip
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}", description=paragraph(rng, 2))
        for n in range(40)
    )
    articles = []
    for n in range(count):
        text = body(rng)
        articles.append(Article(
            title=f"{rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}: study {n}",
            slug=f"study-{n}", summary=paragraph(rng, 2), body=text,
            body_html=render_markdown(text),
            reading_minutes=3, author=rng.choice(people), reviewer=people[0],
            reviewed_on=(now - timedelta(days=n % 300)).date(), status="published",
            publish_at=now - timedelta(hours=3 * n + 1), disclaimer=DEFAULT_DISCLAIMER,
        ))  # fmt: skip
    articles = Article.objects.bulk_create(articles, batch_size=500)
    Study.objects.bulk_create(
        (Study(article=a, title=f"A trial of {rng.choice(WORDS)}", journal="Journal of Psychiatry",
               year=2015 + n % 10, authors="Smith A, Jones B, Lee C, Park D", design="rct",
               participants=20 + n % 200, measures="CAPS-5, PCL-5")
         for n, a in enumerate(articles)),
        batch_size=500,
    )  # fmt: skip
    Article.topics.through.objects.bulk_create(
        (Article.topics.through(article=a, topic=t)
         for a in articles for t in rng.sample(topics, 2)), batch_size=1000,
    )  # fmt: skip
    refresh_search_documents([a.pk for a in articles])
    for n in range(6):
        location = Location.objects.create(
            name=f"Site {n}", slug=f"site-{n}", street_address=f"{n + 1} Main Street",
            city="Toronto", region="ON", postal_code="M5V 1A1", phone=f"+1416555010{n}",
        )  # fmt: skip
        OpeningHours.objects.bulk_create(
            OpeningHours(location=location, weekday=d, opens=time(9), closes=time(17))
            for d in range(5)
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    django.setup()
    from articles.models import Article

    if Article.objects.exists():
        print("The benchmark database already has articles; keeping them.")
        return
    seed(args.articles)
    print(f"Seeded {Article.objects.count()} articles.")


if __name__ == "__main__":
    main()
