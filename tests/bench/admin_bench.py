"""The article admin's server time at N articles: the list with each filter and a search, the
change form and the home page's review worklist, for a superuser and a Marketing editor.

`python -m tests.bench.admin_bench --articles 20000` (`make bench-admin`; `make bench` runs it
at BENCH_ARTICLES) on the database `make bench` seeds for that size and keeps (SQLite in
.bench/, or `<name>_pages_<N>` on the PostgreSQL server DATABASE_URL names; `--fresh` seeds
again). Each page, after one untimed warm-up, is requested N rounds through Django's test
client with the page cache off: the time is the server's own, with no network or browser in
it. Printed: p50 and p95 wall-clock milliseconds, p50 CPU milliseconds of this process (which
other work on a shared machine inflates less) and the number of SQL queries. It is a
benchmark, not a test: the target, 300 ms, is printed beside the numbers and fails nothing.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from tests.bench.search_bench import ROOT, percentile

TARGET_MS = 300


def pages():
    """(label, address) of each admin page measured."""
    from django.urls import reverse
    from django.utils import timezone

    from articles.models import Article, Topic
    from clinic.domain.models import Person

    article = Article.objects.order_by("pk")[Article.objects.count() // 2]
    topic, person = Topic.objects.order_by("pk")[3], Person.objects.order_by("pk")[7]
    changelist = reverse("admin:articles_article_changelist")
    since = timezone.localdate().replace(day=1)
    found = [
        ("change form", reverse("admin:articles_article_change", args=[article.pk])),
        ("admin home, review worklist", reverse("admin:index")),
        ("list", changelist),
        ("list, page 200", f"{changelist}?p=200"),
        ("list, search 1 word", f"{changelist}?q=ketamine"),
        ("list, search 2 words", f"{changelist}?q=ketamine+trial"),
        ("list, sorted by views", f"{changelist}?o=-7"),
    ]
    filters = {
        "visibility": ["live", "scheduled", "draft"],
        "review": ["notice", "overdue", "soon", "never"],
        "alt": ["missing"],
        "status__exact": ["published"],
        "publish_at__gte": [f"{since:%Y-%m-%d}"],
        "topics__id__exact": [topic.pk],
        "author__id__exact": [person.pk],
    }
    for name, values in filters.items():
        found += [(f"list, {name}={value}", f"{changelist}?{name}={value}") for value in values]
    return found


def users():
    """(label, user) of the two kinds of editor measured."""
    from django.contrib.auth import get_user_model

    from clinic.domain.roles import MARKETING

    model = get_user_model()
    superuser, _ = model.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    editor, created = model.objects.get_or_create(
        username="bench-marketing", defaults={"is_staff": True}
    )
    if created:
        from django.contrib.auth.models import Group

        editor.groups.add(Group.objects.get(name=MARKETING))
    return [("superuser", superuser), ("Marketing", editor)]


def measure(rounds):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article

    measured, results = pages(), []
    for who, user in users():
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        rows = {}
        for label, url in measured:  # warm-up, status and query count
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (who, url, response.status_code)
            rows[label] = {"queries": len(captured), "wall": [], "cpu": []}
        for _ in range(rounds):
            for label, url in measured:
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                rows[label]["wall"].append((time.perf_counter() - start) * 1000)
                rows[label]["cpu"].append((time.process_time() - start_cpu) * 1000)
        rows.update(busy_worklist(client, rounds))
        for label, row in rows.items():
            results.append({
                "user": who, "page": label, "queries": row["queries"],
                "p50": statistics.median(row["wall"]), "p95": percentile(row["wall"], 95),
                "cpu": statistics.median(row["cpu"]),
            })  # fmt: skip
    return {
        "vendor": connection.vendor, "articles": Article.objects.count(), "rounds": rounds,
        "rows": results, "load": os.getloadavg()[0],
    }  # fmt: skip


def busy_worklist(client, rounds):
    """The admin home with a quarter of the library never reviewed and a quarter overdue, in a
    transaction rolled back afterwards (the seeded library has every article reviewed)."""
    from datetime import timedelta

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from articles.models import Article

    url, label = reverse("admin:index"), "admin home, half needing review"
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    quarter = len(ids) // 4
    row = {"wall": [], "cpu": []}
    with transaction.atomic():
        Article.objects.filter(pk__in=ids[:quarter]).update(reviewed_on=None, review_due_on=None)
        overdue = timezone.localdate() - timedelta(days=10)
        Article.objects.filter(pk__in=ids[quarter : 2 * quarter]).update(review_due_on=overdue)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        row["queries"] = len(captured)
        for _ in range(rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            row["wall"].append((time.perf_counter() - start) * 1000)
            row["cpu"].append((time.process_time() - start_cpu) * 1000)
        transaction.set_rollback(True)
    return {label: row}


def report(result):
    print(f"\n{result['vendor']}: article admin at {result['articles']} articles, "
          f"{result['rounds']} rounds, page cache off; ms wall p50 / p95 (CPU p50), queries; "
          f"target {TARGET_MS} ms; load {result['load']:.1f} on {os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'page':<38} {'user':<10} {'p50':>7} {'p95':>7} {'CPU':>7} {'queries':>7}")
    over = 0
    for row in result["rows"]:
        over += row["p95"] > TARGET_MS
        flag = "  over" if row["p95"] > TARGET_MS else ""
        print(f"{row['page']:<38} {row['user']:<10} {row['p50']:>7.1f} {row['p95']:>7.1f} "
              f"{row['cpu']:>7.1f} {row['queries']:>7}{flag}")  # fmt: skip
    print(f"{over} of {len(result['rows'])} pages over {TARGET_MS} ms at p95")


def run(database_url, rounds):
    from tests.bench.pages_bench import settle_env

    env = {**settle_env(database_url), "DJANGO_SETTINGS_MODULE": "clinic.config.settings"}
    command = [sys.executable, "-m", "tests.bench.admin_bench", "--measure", "--rounds",
               str(rounds)]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"The measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ADMIN_ROUNDS", 10)))
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 2000)))
    parser.add_argument("--fresh", action="store_true", help="seed the database again")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.rounds)))
        return
    from tests.bench.pages_bench import collect_static, database_for

    collect_static()
    result = run(database_for(args.articles, args.fresh), args.rounds)
    report(result)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=1)


if __name__ == "__main__":
    sys.exit(main())
