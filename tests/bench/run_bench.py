"""`make bench`: load-test the site under gunicorn with wrk and print a table, on each database.

Then every page's cold time at 100 articles and at BENCH_ARTICLES side by side, with the search
page's p50/p99 (`pages_bench`), search relevance on the demo content (`search_bench`), the
admin's save time with a phone photo (`save_bench`) and the article admin at BENCH_ARTICLES:
its list with each filter and a search, the change form and the review worklist (`admin_bench`).

On SQLite, and on PostgreSQL as well when DATABASE_URL names a PostgreSQL server (or
`--databases sqlite,postgresql`, BENCH_DATABASES, with BENCH_POSTGRES_URL or a server on
127.0.0.1 and a database name of `clinic_bench`): each gets the whole run, one after the other.
Seeds a database of BENCH_ARTICLES articles, or reuses the one a previous run seeded (SQLite in
.bench/, or `<name>_pages_<N>` on the PostgreSQL server; `--fresh` seeds
again), collects static files, then for the page cache off ("cold") and on ("warm")
starts gunicorn on 127.0.0.1 with DEBUG off and drives each page with wrk for a fixed time at a
fixed number of connections. A static file served by WhiteNoise is the ceiling. Everything it
starts, it stops.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.bench.pages_bench import database_for

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
PAGES = {
    "home": "/",
    "list": "/articles/",
    "article": "/articles/study-{middle}/",
    "topic": "/topics/topic-3/",
    "search": "/search/?q=ketamine+trial",
    "team": "/team/",
    "locations": "/locations/",
}
# sync workers, as gunicorn recommends behind a buffering proxy (nginx): each worker takes one
# connection at a time, so the two share the load evenly and tail latency stays low. (gthread
# allowed keep-alive but often left most connections on one worker: a bimodal, noisier result.)
GUNICORN = ["-w", "2", "-k", "sync", "--log-level", "warning"]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/clinic_bench"


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def start_gunicorn(env, port):
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "clinic.config.wsgi", "-b", f"127.0.0.1:{port}",
         *GUNICORN],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit("gunicorn did not start")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def wrk(url, duration, connections):
    threads = str(min(2, connections))
    command = [shutil.which("wrk"), "-t", threads, "-c", str(connections), "-d", f"{duration}s"]
    command += ["--latency", "-H", "Accept-Encoding: gzip", url]
    output = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, check=True
    ).stdout  # fmt: skip

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50), "p99": latency(99),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }  # fmt: skip


def static_path(name="css/components.css"):
    import json

    manifest = json.loads((WORK / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"][name]


def page_weight(port, article):
    import gzip

    def fetch(path):
        return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()  # noqa: S310

    html = fetch(article)
    stylesheets = re.findall(rb'<link rel="stylesheet" href="(/static/[^"]+)"', html)
    css = sum(len(gzip.compress(fetch(path.decode()))) for path in stylesheets)  # each on its own
    return len(gzip.compress(html)), css


def run(args):
    WORK.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(WORK / "static"),
        "LOG_LEVEL": "ERROR",
        "SITE_URL": "http://127.0.0.1",
    }
    env["DATABASE_URL"] = database_for(args.articles, args.fresh)
    cache_url = env.get("CACHE_URL") or env.get("REDIS_URL") or "locmem"
    print(f"\n=== Database: {env['DATABASE_URL']}  cache: {cache_url}")
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = {name: path.format(middle=args.articles // 2) for name, path in PAGES.items()}
    results = {}
    for mode, seconds in [("cold", "0"), ("warm", "600")]:
        server = start_gunicorn({**env, "PAGE_CACHE_SECONDS": seconds}, args.port)
        try:
            for name, path in pages.items():
                url = f"http://127.0.0.1:{args.port}{path}"
                urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 - warms the cache
                results[(name, mode)] = wrk(url, args.duration, args.connections)
            if mode == "cold":  # latency of one reader's search, without queueing behind others
                url = f"http://127.0.0.1:{args.port}{pages['search']}"
                results[("search", "cold, 1 connection")] = wrk(url, args.duration, 1)
            if mode == "warm":
                url = f"http://127.0.0.1:{args.port}{static_path()}"
                results[("static file", "ceiling")] = wrk(url, args.duration, args.connections)
                weight = page_weight(args.port, pages["article"])
        finally:
            stop(server)
    report(results, weight, args)
    print(
        f"\nEvery page cold, 100 vs {args.articles} articles (python -m tests.bench.pages_bench):"
    )
    every = [sys.executable, "-m", "tests.bench.pages_bench", "--articles", str(args.articles)]
    subprocess.run(every, cwd=ROOT, check=True)  # noqa: S603
    print("\nSearch relevance (python -m tests.bench.search_bench):")
    search = [sys.executable, "-m", "tests.bench.search_bench", "--relevance-only"]
    subprocess.run(search, cwd=ROOT, check=True)  # noqa: S603
    print("\nAdmin save with a phone photo (python -m tests.bench.save_bench):")
    save = [sys.executable, "-m", "tests.bench.save_bench"]
    subprocess.run(save, cwd=ROOT, check=True)  # noqa: S603
    print("\nArticle admin: list, filters, search, change form, worklist (admin_bench):")
    admin = [sys.executable, "-m", "tests.bench.admin_bench", "--articles", str(args.articles)]
    subprocess.run(admin, cwd=ROOT, check=True)  # noqa: S603


def databases(names):
    """{name: server URL} of each database to run on: "" for SQLite, a PostgreSQL server's URL
    (its database name is the stem of the benchmark's own databases, `<name>_pages_<N>`)."""
    given = os.environ.get("DATABASE_URL", "")
    postgres = given if given.startswith(("postgres://", "postgresql://")) else ""
    chosen = [name.strip() for name in names.split(",") if name.strip()] or (
        ["sqlite", "postgresql"] if postgres else ["sqlite"]
    )
    unknown = set(chosen) - {"sqlite", "postgresql"}
    if unknown:
        raise SystemExit(f"Unknown database(s): {', '.join(sorted(unknown))}")
    server = postgres or os.environ.get("BENCH_POSTGRES_URL", POSTGRES_URL)
    return {name: server if name == "postgresql" else "" for name in chosen}


def report(results, weight, args):
    ceiling = results[("static file", "ceiling")]["rps"]
    print(f"\n{args.connections} connections, {args.duration} s per row, gunicorn", *GUNICORN)
    columns = ["req/s", "p50 ms", "p99 ms", "errors", "vs static"]
    print(f"{'page':<12} {'mode':<20}", *(f"{column:>9}" for column in columns))
    for (name, mode), row in results.items():
        cells = [f"{row['rps']:.0f}", f"{row['p50']:.2f}", f"{row['p99']:.2f}", row["errors"]]
        cells.append(f"{row['rps'] / ceiling:.0%}")
        print(f"{name:<12} {mode:<20}", *(f"{cell:>9}" for cell in cells))
    html, css = (size / 1024 for size in weight)
    print(
        f"\nArticle page, gzip: HTML {html:.1f} KB + CSS {css:.1f} KB = {html + css:.1f} KB, no JS"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 2000)))
    parser.add_argument("--fresh", action="store_true", help="seed the database again")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--databases", default=os.environ.get("BENCH_DATABASES", ""),
                        help="sqlite, postgresql or both, comma-separated")  # fmt: skip
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    started = time.perf_counter()
    for url in databases(args.databases).values():
        if url:  # every step below, and each process it starts, reads the server from here
            os.environ["DATABASE_URL"] = url
        else:
            os.environ.pop("DATABASE_URL", None)
        run(args)
    print(f"\nThe whole benchmark took {(time.perf_counter() - started) / 60:.0f} minutes.")


if __name__ == "__main__":
    main()
