"""Seed a benchmark database: a reproducible clinic with 2,000 articles (or 20,000...).

Run with the benchmark's DATABASE_URL: `python -m tests.bench.seed [--articles 2000]`.

Fast enough for 20,000 articles in a minute or two: rows go in with bulk inserts, and rendering
Markdown (most of the time it took) happens for a pool of bodies only, each article taking one
of them after an opening paragraph of its own (whose HTML is a plain <p>, as Markdown makes it).
The search text is written with the rows, as `refresh_search_documents` would write it (which
then finds nothing to change), the spelling vocabulary is counted once, and the database's
statistics are brought up to date at the end.
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


BODY_POOL = 200  # distinct rendered bodies shared by the articles


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
    pool = []
    for _ in range(min(BODY_POOL, count)):
        text = body(rng)
        pool.append((text, render_markdown(text)))
    articles, links, documents = [], [], []
    for n in range(count):
        opening = paragraph(rng, 2)
        text, html = pool[n % len(pool)]
        author = rng.choice(people)
        chosen = rng.sample(topics, 2)
        study = Study(title=f"A trial of {rng.choice(WORDS)}", journal="Journal of Psychiatry",
                      year=2015 + n % 10, authors="Smith A, Jones B, Lee C, Park D", design="rct",
                      participants=20 + n % 200, measures="CAPS-5, PCL-5")  # fmt: skip
        document = [" ".join([study.title, study.journal, study.authors, study.population,
                              study.measures])]  # fmt: skip
        document += [topic.name for topic in chosen] + [author.name, people[0].name]
        articles.append(Article(
            title=f"{rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}: study {n}",
            slug=f"study-{n}", summary=paragraph(rng, 2), body=f"{opening}\n\n{text}",
            body_html=f"<p>{opening}</p>\n{html}", search_document="\n".join(document),
            reading_minutes=3, author=author, reviewer=people[0],
            reviewed_on=(now - timedelta(days=n % 300)).date(), status="published",
            publish_at=now - timedelta(hours=3 * n + 1), disclaimer=DEFAULT_DISCLAIMER,
        ))  # fmt: skip
        links.append(chosen)
        documents.append(study)
    articles = Article.objects.bulk_create(articles, batch_size=1000)
    for article, study in zip(articles, documents, strict=True):
        study.article = article
    Study.objects.bulk_create(documents, batch_size=1000)
    Article.topics.through.objects.bulk_create(
        (Article.topics.through(article=a, topic=t)
         for a, chosen in zip(articles, links, strict=True) for t in chosen), batch_size=2000,
    )  # fmt: skip
    refresh_search_documents([a.pk for a in articles])  # nothing to change, unless its text did
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
    from django.db import transaction

    with transaction.atomic():  # one commit: SQLite writes its journal once
        seed(args.articles)
    from articles.search.vocabulary import rebuild_search_words

    rebuild_search_words()  # the bulk inserts bypassed the saves that keep it current
    analyse()
    print(f"Seeded {Article.objects.count()} articles.")


def analyse():
    """Fresh statistics for the query planner (and, on PostgreSQL, a vacuumed table whose
    indexes answer without visiting rows), as a database that has been running would have."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


if __name__ == "__main__":
    main()
