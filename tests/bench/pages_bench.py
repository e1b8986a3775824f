"""Cold page times at two library sizes, side by side: does a page cost more with more articles?

`python -m tests.bench.pages_bench --articles 20000` (`make bench` runs it with BENCH_ARTICLES)
seeds two databases, the small one (100 articles) and the large one, on SQLite in .bench/ or on
the PostgreSQL server DATABASE_URL names, and keeps them: a later run with the same size reuses
them (`--fresh` seeds again). Then, for each, a fresh process with the page cache off
(PAGE_CACHE_SECONDS=0, as every page is just after an edit) times through Django's test client:

* the first request of the fresh process (what a new worker costs its first reader);
* every page below, interleaved over several rounds after one warm-up: median wall-clock and
  CPU milliseconds (the CPU time is this process's own, which other work on a shared machine
  inflates less), and the number of SQL queries;
* the search page's p50/p99 over the search benchmark's queries.

Every figure is printed with the machine's load average beside it.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.search_bench import QUERIES, ROOT, WORK, percentile

SMALL = 100


def pages(count, last_list_page, sitemap_pages):
    """(name, path, logged in) of every page measured, for a library of `count` articles."""
    middle = f"/articles/study-{count // 2}/"
    found = [
        ("home", "/", False),
        ("list, first page", "/articles/", False),
        ("list, last page", f"/articles/?page={last_list_page}", False),
        ("RSS feed", "/feed/", False),
        ("article", middle, False),
        ("article in a topic", middle + "?topic=topic-3", False),
        ("topic", "/topics/topic-3/", False),
        ("topic, last page", "/topics/topic-3/?page={topic_last}", False),
        ("person (author)", "/team/clinician-7/", False),
        ("person (reviews all)", "/team/clinician-0/", False),
        ("search", "/search/?q=ketamine+trial", False),
    ]
    found += [(name, path, False) for name, path in sitemap_pages]
    found += [
        ("admin article list", "/admin/articles/article/", True),
        ("admin list, searched", "/admin/articles/article/?q=ketamine", True),
        ("admin list, filtered", "/admin/articles/article/?topics__id__exact=4", True),
        ("admin change form", "/admin/articles/article/{pk}/change/", True),
        ("admin home (review worklist)", "/admin/", True),
    ]
    return found


def settle_env(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "PAGE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
        "SITE_URL": "http://localhost",
        "STATIC_ROOT": str(WORK / "static"),
    }


def collect_static():
    """The static files in .bench/static, where the measured processes' STATIC_ROOT is."""
    WORK.mkdir(exist_ok=True)
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=settle_env("sqlite://:memory:"), check=True)  # noqa: S603


def database_for(count, fresh, language="en"):
    """The URL of a database seeded with `count` articles (in `language`), seeding it when
    missing."""
    suffix = "" if language == "en" else f"_{language}"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        from urllib.parse import urlsplit

        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/')}_pages_{count}{suffix}"
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and fresh:
                conn.execute(f'DROP DATABASE "{name}"')
            if fresh or not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        target, seeded = parts._replace(path="/" + name).geturl(), exists and not fresh
    else:
        WORK.mkdir(exist_ok=True)
        path = WORK / f"pages-{count}{suffix}.sqlite3"
        if fresh:
            path.unlink(missing_ok=True)
        target, seeded = f"sqlite:///{path}", path.exists()
    env = settle_env(target)
    manage = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True)  # noqa: S603 - also brings an old copy up to date
    if not seeded:
        start = time.perf_counter()
        seed = [sys.executable, "-m", "tests.bench.seed", "--articles", str(count),
                "--language", language]  # fmt: skip
        subprocess.run(seed, cwd=ROOT, env=env, check=True)  # noqa: S603
        print(f"  seeded {count} articles in {time.perf_counter() - start:.0f} s "
              f"(load {os.getloadavg()[0]:.1f})")  # fmt: skip
    return target


def first_request(database_url, path):
    """Milliseconds of the first request of a fresh process, as gunicorn makes one: the WSGI
    module imported (the application built, and warmed up where it does), then one request."""
    script = (
        "import time, io\n"
        "from wsgiref.util import setup_testing_defaults\n"
        "from clinic.config.wsgi import application\n"
        f"environ = {{'PATH_INFO': {path!r}, 'HTTP_HOST': 'localhost'}}\n"
        "setup_testing_defaults(environ)\n"
        "status = []\n"
        "start = time.perf_counter()\n"
        "body = b''.join(application(environ, lambda s, h, e=None: status.append(s)))\n"
        "assert status[0].startswith('200'), status\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    env = {**settle_env(database_url), "DJANGO_SETTINGS_MODULE": "clinic.config.settings"}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def sitemap_pages(client):
    """The sitemap index and its first and last pages (or the one sitemap, before indexes)."""
    response = client.get("/sitemap.xml")
    found = [("sitemap.xml", "/sitemap.xml")]
    if b"<sitemapindex" in response.content:
        locations = re.findall(rb"<loc>https?://[^/<]+([^<]+)</loc>", response.content)
        articles = [loc.decode().replace("&amp;", "&") for loc in locations if b"articles" in loc]
        found.append(("sitemap, first article page", articles[0]))
        found.append(("sitemap, last article page", articles[-1]))
        found.append(("sitemap, topics", "/sitemap-topics.xml"))
        found.append(("sitemap, people", "/sitemap-people.xml"))
    return found


def measure(rounds, skip):
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article

    count = Article.objects.published().count()
    last = min(-(-count // settings.ARTICLES_PER_PAGE), getattr(settings, "MAX_LIST_PAGES", 10**9))
    client = Client()
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    staff = Client()
    staff.force_login(user)
    found = sitemap_pages(client) if "sitemap" not in skip else []
    listed = pages(count, last, found)
    pk = Article.objects.get(slug=f"study-{count // 2}").pk
    pages_of_topic = re.search(rb"Page 1 of (\d+)", client.get("/topics/topic-3/").content)
    topic_last = int(pages_of_topic.group(1)) if pages_of_topic else 1
    listed = [(name, path.replace("{pk}", str(pk)).replace("{topic_last}", str(topic_last)), admin)
              for name, path, admin in listed]  # fmt: skip
    listed = [page for page in listed if not any(word in page[0] for word in skip)]
    results = {}
    for name, path, admin in listed:  # warm-up, status and query count
        with CaptureQueriesContext(connection) as captured:
            response = (staff if admin else client).get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        results[name] = {"path": path, "queries": len(captured), "wall": [], "cpu": []}
    for _ in range(rounds):
        for name, path, admin in listed:
            start, start_cpu = time.perf_counter(), time.process_time()
            (staff if admin else client).get(path)
            results[name]["wall"].append((time.perf_counter() - start) * 1000)
            results[name]["cpu"].append((time.process_time() - start_cpu) * 1000)
    search = []
    for _ in range(int(os.environ.get("SEARCH_ROUNDS", 10))):
        for query in QUERIES:
            start = time.perf_counter()
            client.get("/search/", {"q": query})
            search.append((time.perf_counter() - start) * 1000)
    summary = {
        name: {"path": row["path"], "queries": row["queries"],
               "ms": statistics.median(row["wall"]), "cpu": statistics.median(row["cpu"])}
        for name, row in results.items()
    }  # fmt: skip
    return {
        "vendor": connection.vendor,
        "articles": count,
        "pages": summary,
        "search": {"p50": percentile(search, 50), "p99": percentile(search, 99), "n": len(search)},
        "load": os.getloadavg()[0],
    }


def run_one(database_url, rounds, skip):
    env = {**settle_env(database_url), "DJANGO_SETTINGS_MODULE": "clinic.config.settings"}
    command = [sys.executable, "-m", "tests.bench.pages_bench", "--measure", "--rounds",
               str(rounds), "--skip", ",".join(skip)]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"The measurement failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["first"] = {path: first_request(database_url, path) for path in FIRST}
    return result


FIRST = ["/", "/articles/study-50/", "/feed/"]


def report(small, large):
    load = f"load {small['load']:.1f} / {large['load']:.1f} on {os.cpu_count()} CPUs"
    print(f"\n{large['vendor']}: cold pages (PAGE_CACHE_SECONDS=0), median ms wall (CPU), "
          f"queries; {small['articles']} vs {large['articles']} articles; {load}")  # fmt: skip
    head = f"{'page':<30} {small['articles']:>16} {large['articles']:>16} {'growth':>7}  queries"
    print(head)
    for name, row in large["pages"].items():
        before = small["pages"].get(name)
        if before is None:
            continue
        cells = [f"{before['ms']:.1f} ({before['cpu']:.1f})", f"{row['ms']:.1f} ({row['cpu']:.1f})"]
        growth = f"×{row['ms'] / before['ms']:.1f}"
        queries = f"{before['queries']} / {row['queries']}"
        print(f"{name:<30} {cells[0]:>16} {cells[1]:>16} {growth:>7}  {queries}")
    for result in (small, large):
        search = result["search"]
        first = ", ".join(f"{path} {ms:.0f} ms" for path, ms in result["first"].items())
        print(f"{result['articles']:>6} articles: search p50 {search['p50']:.1f} ms, p99 "
              f"{search['p99']:.1f} ms ({search['n']} requests, {len(QUERIES)} queries); "
              f"first request of a fresh process: {first}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 2000)))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("PAGES_ROUNDS", 5)))
    parser.add_argument("--fresh", action="store_true", help="seed the databases again")
    parser.add_argument("--skip", default="", help="leave out pages whose name has these words")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--small", help="the URL of an already seeded small database")
    parser.add_argument("--large", help="the URL of an already seeded large database")
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    skip = [word for word in args.skip.split(",") if word]
    if args.measure:
        print(json.dumps(measure(args.rounds, skip)))
        return
    print(f"Seeding or reusing the databases (load {os.getloadavg()[0]:.1f})")
    collect_static()
    small_url = args.small or database_for(SMALL, args.fresh)
    large_url = args.large or database_for(args.articles, args.fresh)
    small = run_one(small_url, args.rounds, skip)
    large = run_one(large_url, args.rounds, skip)
    report(small, large)
    if args.json:
        Path(args.json).write_text(json.dumps({"small": small, "large": large}, indent=1))


if __name__ == "__main__":
    main()
