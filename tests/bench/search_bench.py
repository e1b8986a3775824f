"""Search, measured: latency of the search page at 100 and 20,000 articles, and relevance.

`python -m tests.bench.search_bench [--articles 100 20000]` (or `make bench-search`; `make bench`
runs it too) on the database DATABASE_URL names (SQLite by default, or PostgreSQL):

* latency: for each size, a database seeded like `make bench` (kept and reused, as
  `pages_bench` keeps them: .bench/pages-<N>.sqlite3 or `<name>_pages_<N>`; `--fresh` seeds
  again), then every query below through the whole search view (parse, synonyms, count, page,
  snippets, suggestions, template) with the page cache off, several rounds: p50 and p99 of
  wall-clock and of this process's CPU milliseconds (less inflated by other work on a shared
  machine), and the most SQL queries a search took, with the machine's load beside them; then
  p50, p95 and p99 of wall-clock per query;
* relevance: another throwaway database with the demo content; recall at 3 and mean reciprocal
  rank over the relevance set (`tests/articles/search/relevance_set.py`).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
QUERIES = [
    "ketamine trial", "sleep anxiety", "ketamine", '"side effects"', "ketamine OR placebo",
    "trauma -ketamine", "what is CAPS-5", "talk therapy", "PTSD", "depression treatment",
    "ketamin", "psychoterapy", "suicidal thoughts", "Clinician 7", "zzzz nothing here",
    "cant sleep", "nightmares after car accident", "Zoloft", "ptsd theraphy",
]  # fmt: skip


def throwaway_database(suffix):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/')}_{suffix}"
        with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return parts._replace(path="/" + name).geturl()
    WORK.mkdir(exist_ok=True)
    path = WORK / f"search-{suffix}.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def child(env, *args):
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare(suffix, *setup):
    env = {**os.environ, "DEBUG": "1", "PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "ERROR",
           "DATABASE_URL": throwaway_database(suffix)}  # fmt: skip
    child(env, "manage.py", "migrate", "--noinput", "-v0")
    for command in setup:
        child(env, *command)
    return env


def latency(rounds):
    """{query: [(wall ms, CPU ms), ...]} for the search page, page cache off, and the most SQL
    queries a search took."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, timings = Client(HTTP_HOST="localhost"), {query: [] for query in QUERIES}
    queries = 0
    for query in QUERIES:  # warm-up: connections, templates, compiled SQL; queries counted
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", {"q": query})
        queries = max(queries, len(captured.captured_queries))
    for _ in range(rounds):
        for query in QUERIES:
            start, cpu = time.perf_counter(), time.process_time()
            response = client.get("/search/", {"q": query})
            timings[query].append(
                ((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
            )
            assert response.status_code == 200, (query, response.status_code)
    return timings, queries


def percentile(samples, percent):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def measure(mode, rounds):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    django.setup()
    from django.db import connection

    if mode == "relevance":
        from tests.articles.search.relevance_set import RELEVANCE, measure

        recall, mrr, _ = measure()
        print(f"{connection.vendor:<11} relevance: {len(RELEVANCE)} lay queries on the demo "
              f"content, recall@3 {recall:.3f}, MRR {mrr:.3f}")  # fmt: skip
        return
    from articles.models import Article

    timings, queries = latency(rounds)
    wall = [ms for samples in timings.values() for ms, _ in samples]
    cpu = [ms for samples in timings.values() for _, ms in samples]
    count = Article.objects.published().count()
    print(f"{connection.vendor:<11} search page at {count} articles, {len(QUERIES)} queries x "
          f"{rounds}: p50 {percentile(wall, 50):.1f} ms, p99 {percentile(wall, 99):.1f} ms; "
          f"CPU p50 {percentile(cpu, 50):.1f} ms, p99 {percentile(cpu, 99):.1f} ms; at most "
          f"{queries} SQL queries (load {os.getloadavg()[0]:.1f})")  # fmt: skip
    slowest = sorted(timings, key=lambda q: -statistics.median(ms for _, ms in timings[q]))[:3]
    print("            slowest (median CPU ms): " + ", ".join(
        f"{q!r} {statistics.median(ms for _, ms in timings[q]):.1f}" for q in slowest
    ))  # fmt: skip
    print("            per query, wall ms p50 / p95 / p99:")
    for query, samples in timings.items():
        walls = [ms for ms, _ in samples]
        print(f"            {query!r:<32} {percentile(walls, 50):7.1f} "
              f"{percentile(walls, 95):7.1f} {percentile(walls, 99):7.1f}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 20000])
    parser.add_argument("--fresh", action="store_true", help="seed the databases again")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("SEARCH_ROUNDS", 10)))
    parser.add_argument("--measure", choices=["latency", "relevance"])
    parser.add_argument("--relevance-only", action="store_true", help="no latency (make bench "
                        "times search in pages_bench)")  # fmt: skip
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure, args.rounds)
    me = ["-m", "tests.bench.search_bench", "--rounds", str(args.rounds)]
    if not args.relevance_only:
        from tests.bench.pages_bench import database_for, settle_env

        for number, size in enumerate(args.articles):
            env = {**settle_env(database_for(size, args.fresh)), "REQUEST_LOG_LEVEL": "WARNING"}
            if not number:  # the pages name their static files, as DEBUG off serves them
                child(env, "manage.py", "collectstatic", "--noinput", "-v0")
            child(env, *me, "--measure", "latency")
    # The demo's publishing queued the spelling vocabulary's refresh: the worker runs it.
    env = prepare("relevance", ["manage.py", "load_demo", "-v0"],
                  ["manage.py", "db_worker", "--batch", "--no-startup-delay", "-v0"])  # fmt: skip
    child(env, *me, "--measure", "relevance")


if __name__ == "__main__":
    main()
