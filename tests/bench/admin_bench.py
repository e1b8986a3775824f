"""The article admin's server time at 2,000 articles: the change form and the change list.

`python -m tests.bench.admin_bench` (`make bench` and `make bench-admin` run it) in a throwaway
database (SQLite in .bench/, or `<name>_admin` on the PostgreSQL server DATABASE_URL names),
seeded with 2,000 articles, each with a study and two topics. A superuser opens an article's
change form and the list of articles (its first page, then a search and a filter), N rounds,
through Django's test client: the time is the server's own, with no network or browser in it.
A few untimed requests first warm templates and connections. It is a benchmark, not a test:
the target, 150 ms, is printed beside the numbers and fails nothing.
"""

import argparse
import os
import statistics
import sys
import time

from tests.bench.search_bench import child, percentile, prepare

TARGET_MS = 150


def pages():
    """(label, address) of each admin page measured."""
    from django.urls import reverse

    from articles.models import Article

    article = Article.objects.order_by("pk")[Article.objects.count() // 2]
    changelist = reverse("admin:articles_article_changelist")
    return [
        ("change form", reverse("admin:articles_article_change", args=[article.pk])),
        ("change list", changelist),
        ("list, search", f"{changelist}?q=ketamine"),
        ("list, filtered", f"{changelist}?status__exact=published&o=-4"),
    ]


def server_times(rounds):
    """{label: ([milliseconds, ...], [CPU milliseconds, ...])} for each admin page. The CPU
    time is this process's own, which other work on a shared machine does not inflate."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    measured = pages()
    for _, url in measured:  # warm-up
        assert client.get(url).status_code == 200, url
    timings = {label: ([], []) for label, _ in measured}
    for _ in range(rounds):
        for label, url in measured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings[label][0].append((time.perf_counter() - start) * 1000)
            timings[label][1].append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return timings


def measure(rounds):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    django.setup()
    from django.db import connection

    from articles.models import Article

    count = Article.objects.count()
    for label, (samples, cpu) in server_times(rounds).items():
        p50, p95 = statistics.median(samples), percentile(samples, 95)
        verdict = "within" if p95 <= TARGET_MS else "over"
        print(f"{connection.vendor:<11} admin {label:<15} at {count} articles, {rounds} rounds: "
              f"p50 {p50:.0f} ms, p95 {p95:.0f} ms ({verdict} the {TARGET_MS} ms target); "
              f"CPU p50 {statistics.median(cpu):.0f} ms")  # fmt: skip
    print(f"{'':<11} load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ADMIN_ROUNDS", 20)))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    if args.measure:
        return measure(args.rounds)
    env = prepare("admin", ["-m", "tests.bench.seed", "--articles", str(args.articles)])
    child(env, "-m", "tests.bench.admin_bench", "--rounds", str(args.rounds), "--measure")


if __name__ == "__main__":
    sys.exit(main())
