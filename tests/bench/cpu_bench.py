"""CPU per cold page: what one request costs the server's processor, with the page cache off.

`python -m tests.bench.cpu_bench` (or `make bench-cpu`) loads the demo content into a throwaway
SQLite database (.bench/cpu-demo.sqlite3, or the PostgreSQL database `<name>_cpu_demo` when
DATABASE_URL names a server), then, in a fresh process with DEBUG off and PAGE_CACHE_SECONDS=0,
requests each page below through Django's test client, interleaved, REQUESTS times after a
warm-up. It prints each page's CPU milliseconds (minimum and median: this process's own time,
which other work on a shared machine inflates less than wall time), its median wall time and
the requests a second one process serves at that median, and the number of SQL queries.

`--articles 100,20000` measures the seeded libraries of `make bench` instead of the demo (kept
in .bench/ and reused; seeded when missing). `--profile PAGE` prints a pyinstrument profile of
that page (`pip install pyinstrument`; not a dependency of the site).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from tests.bench.pages_bench import database_for, settle_env
from tests.bench.search_bench import ROOT, WORK, percentile, throwaway_database

DEMO_PAGES = {
    "article": "/articles/ketamine-and-psychotherapy-for-ptsd-2023-review/",
    "home": "/",
    "list": "/articles/",
    "search": "/search/?q=ketamine+trial",
}


def seeded_pages(count):
    return {**DEMO_PAGES, "article": f"/articles/study-{count // 2}/"}


def demo_database(fresh):
    """A database holding the demo content, loaded when missing (or `fresh`)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        target, loaded = throwaway_database("cpu_demo"), False
    else:
        WORK.mkdir(exist_ok=True)
        path = WORK / "cpu-demo.sqlite3"
        if fresh:
            path.unlink(missing_ok=True)
        target, loaded = f"sqlite:///{path}", path.exists()
    env = {**settle_env(target), "DEBUG": "1"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    if not loaded:
        subprocess.run([*manage, "load_demo", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    return target


def measure(pages, requests):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, found = Client(), {}
    for name, path in pages.items():  # warm-up: connection, templates, URL resolver
        queries = []
        for _ in range(2):  # the first request makes what later ones find kept
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            assert response.status_code == 200, (name, path, response.status_code)
            queries.append(len(captured))
        found[name] = {"path": path, "queries": queries, "cpu": [], "wall": []}
    for _ in range(requests):
        for name, path in pages.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            found[name]["cpu"].append((time.process_time() - start_cpu) * 1000)
            found[name]["wall"].append((time.perf_counter() - start) * 1000)
    return {
        "vendor": connection.vendor,
        "pages": {
            name: {
                "path": row["path"], "queries": row["queries"], "cpu_min": min(row["cpu"]),
                "cpu_p50": statistics.median(row["cpu"]), "cpu_p99": percentile(row["cpu"], 99),
                "wall_p50": statistics.median(row["wall"]),
            }
            for name, row in found.items()
        },
    }  # fmt: skip


def profile(path, requests):
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    client.get(path)
    # A sample every 0.5 ms over at most 100 requests: enough to rank the costs, and the
    # profiler's own record stays small (a finer interval over 400 requests grew to gigabytes).
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(min(requests, 100)):
            client.get(path)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def run_child(database_url, *args):
    env = {**settle_env(database_url), "DJANGO_SETTINGS_MODULE": "clinic.config.settings"}
    command = [sys.executable, "-m", "tests.bench.cpu_bench", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"The measurement failed:\n{done.stderr[-3000:]}")
    return done.stdout


def report(label, result, requests):
    load = f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    print(f"\n{result['vendor']}, {label}: cold pages (PAGE_CACHE_SECONDS=0), {requests} requests "
          f"each, Django's test client, {load}")  # fmt: skip
    columns = ["CPU min", "CPU p50", "CPU p99", "wall p50", "req/s", "SQL 1st/next"]
    print(f"{'page':<10}", *(f"{column:>12}" for column in columns))
    for name, row in result["pages"].items():
        cells = [f"{row[key]:.2f}" for key in ("cpu_min", "cpu_p50", "cpu_p99", "wall_p50")]
        cells += [f"{1000 / row['wall_p50']:.0f}", "/".join(map(str, row["queries"]))]
        print(f"{name:<10}", *(f"{cell:>12}" for cell in cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=int(os.environ.get("CPU_REQUESTS", 400)))
    parser.add_argument("--articles", default="", help="seeded libraries instead of the demo, "
                        "e.g. 100,20000")  # fmt: skip
    parser.add_argument("--fresh", action="store_true", help="load or seed the databases again")
    parser.add_argument("--profile", choices=sorted(DEMO_PAGES), help="profile this page")
    parser.add_argument("--measure", help="(internal) pages to measure, as JSON")
    args = parser.parse_args()
    if args.measure:
        pages = json.loads(args.measure)
        if args.profile:
            return profile(pages[args.profile], args.requests)
        return print(json.dumps(measure(pages, args.requests)))
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=settle_env("sqlite://:memory:"), check=True)  # noqa: S603
    libraries = [("demo", DEMO_PAGES, lambda: demo_database(args.fresh))]
    for count in filter(None, args.articles.split(",")):
        libraries.append((f"{int(count)} articles", seeded_pages(int(count)),
                          lambda count=int(count): database_for(count, args.fresh)))  # fmt: skip
    if args.articles:
        libraries = libraries[1:]
    for label, pages, database in libraries:
        options = ["--measure", json.dumps(pages), "--requests", str(args.requests)]
        if args.profile:
            print(run_child(database(), *options, "--profile", args.profile))
            continue
        output = run_child(database(), *options)
        report(label, json.loads(output.strip().splitlines()[-1]), args.requests)


if __name__ == "__main__":
    main()
