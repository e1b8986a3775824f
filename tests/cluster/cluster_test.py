"""`make cluster-test`: the multi-server deployment of clinic/config/deploy/, on loopback.

Two gunicorn app servers (each with its own, empty MEDIA_ROOT, standing for two machines)
behind nginx (clinic/config/deploy/nginx-clinic.conf), sharing PostgreSQL, a Redis started
here, and the local object store (tests/cluster/objectstore.py: Ceph's RADOS Gateway when Ceph
is installed). Then, as an operator would:

1. an edit saved on server A is seen on server B at once, in English and in French, and the
   French pages (home, article, topic, feed) answer on A, B and through nginx;
2. a picture uploaded on A is served through nginx on every request;
3. an export uploaded on A's admin import page is confirmed on B;
4. under load through nginx (16 connections, half of them staff signed in), Redis is killed,
   restarted, frozen and thawed: no 5xx, and the slowest decile of requests while Redis is
   down stays under 500 ms (tests/cluster/outage_load.py; every percentile is printed).

Prints the figures and exits non-zero when a check fails. nginx comes from Debian's packages
(installed here when missing). PostgreSQL: CLUSTER_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/clinic_cluster), dropped and made afresh.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.cluster import objectstore, outage_load
from tests.cluster.cluster_client import Browser, form_fields, jpeg

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
ADMIN = ("operator", "a-long-cluster-password")


def log(message):
    print(message, flush=True)


def ensure_nginx():
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.path.exists(candidate):
            return candidate
    log("Installing nginx from Debian's packages")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "nginx"]
    if subprocess.run(install, env=env, check=False).returncode != 0:  # noqa: S603
        subprocess.run(["apt-get", "update"], env=env, check=True)  # noqa: S607
        subprocess.run(install, env=env, check=True)  # noqa: S603
    return "/usr/sbin/nginx"


def fresh_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Cluster:
    def __init__(self, work):
        self.work = work
        self.processes = {}
        self.redis_port = objectstore.free_port()
        self.ports = {"a": objectstore.free_port(), "b": objectstore.free_port()}
        self.nginx_port = objectstore.free_port()
        self.database = os.environ.get(
            "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_cluster"
        )

    def spawn(self, name, command, env=None, **kwargs):
        out = open(self.work / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
            **kwargs,
        )
        return self.processes[name]

    def redis(self, action):
        process = self.processes.get("redis")
        if action == "start":
            self.spawn(
                "redis",
                [
                    "redis-server",
                    "--port",
                    str(self.redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
            )
            wait_for_port(self.redis_port)
        elif action == "kill":
            process.send_signal(signal.SIGKILL)
            process.wait()
        elif action == "stop":
            process.send_signal(signal.SIGSTOP)
        elif action == "cont":
            process.send_signal(signal.SIGCONT)

    def app_env(self, server):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIA_", "PYTEST"))}
        origin = f"http://127.0.0.1:{self.nginx_port}"
        env.update(
            DEBUG="0",
            SECRET_KEY="cluster-test-" + "k" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            CSRF_TRUSTED_ORIGINS=origin,
            SITE_URL=origin,
            SECURE_SSL_REDIRECT="0",
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
            SECURE_HSTS_SECONDS="0",
            TRUSTED_PROXY_COUNT="1",
            DATABASE_URL=self.database,
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            LOG_FORMAT="json",
            MEDIA_ROOT=str(self.work / f"media-{server}"),
            STATIC_ROOT=str(self.work / "static"),
            GUNICORN_BIND=f"127.0.0.1:{self.ports.get(server, 0)}",
            WEB_CONCURRENCY="2",
            GUNICORN_NAME=f"clinic-{server}",
            LOGIN_FAILURE_LIMIT="50",
            **objectstore.settings_for(self.store_endpoint),
        )
        env["MEDIA_PUBLIC_URL"] = "/media/"  # nginx forwards it to the bucket
        return env

    def manage(self, *args):
        subprocess.run(  # noqa: S603 - this interpreter, our own manage.py
            [PY, "manage.py", *args],
            env=self.app_env("setup"),
            cwd=ROOT,  # noqa: S603
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        nginx = ensure_nginx()
        self.redis("start")
        kind = objectstore.server_kind()
        store, self.store_endpoint = objectstore.start_server(kind=kind)
        log(f"Object store: {objectstore.SERVERS[kind]} on {self.store_endpoint}")
        self.processes["objectstore"] = store
        objectstore.create_bucket(self.store_endpoint)
        fresh_database(self.database)
        log("Migrating, collecting static files, loading the demo content")
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")  # first, as a deployment does: pages name them
        self.manage("load_demo")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            f"User.objects.create_superuser('{ADMIN[0]}', 'op@example.org', '{ADMIN[1]}')",
        )
        for server in self.ports:
            self.spawn(
                f"app-{server}",
                [GUNICORN, "-c", "python:clinic.config.gunicorn", "clinic.config.wsgi"],
                env=self.app_env(server),
            )
        # The background worker (clinic-worker.service): renditions of the pictures saved on A or B.
        self.spawn(
            "worker",
            [PY, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
            env=self.app_env("worker"),
        )
        self.write_nginx_conf()
        self.spawn("nginx", [nginx, "-p", str(self.work), "-c", str(self.work / "nginx.conf")])
        for port in [*self.ports.values(), self.nginx_port]:
            wait_for_port(port)

    def write_nginx_conf(self):
        site = (ROOT / "clinic" / "config" / "deploy" / "nginx-clinic.conf").read_text()
        servers = "\n    ".join(
            f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in self.ports.values()
        )
        values = {
            "LISTEN": f"127.0.0.1:{self.nginx_port}",
            "SERVER_NAME": "127.0.0.1",
            "APP_SERVERS": servers,
            "ACCESS_LOG": str(self.work / "nginx-access.log"),
            "OBJECT_STORE": f"{self.store_endpoint}/{objectstore.BUCKET}",
        }
        for name, value in values.items():
            site = site.replace("{{" + name + "}}", value)
        (self.work / "site.conf").write_text(site)
        (self.work / "nginx.conf").write_text(
            "daemon off; user root; worker_processes 1; pid nginx.pid;\n"
            f"error_log {self.work / 'nginx-error.log'} warn;\n"
            "events { worker_connections 256; }\n"
            "http { include /etc/nginx/mime.types; "
            f"include {self.work / 'site.conf'}; }}\n"
        )

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGCONT)
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def renditions_listed(url, seconds=90):
    """(the page once it lists the hero's renditions, seconds waited), or ("", seconds)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = Browser().get(url)[1]
        if "<source" in page:
            return page, time.monotonic() - start
        time.sleep(0.5)
    return "", time.monotonic() - start


def wait_for_port(port, seconds=60):
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


# The demo's French pages besides an article: its home, a topic and the feed.
FRENCH_PAGES = ["/fr/", "/fr/sujets/tspt/", "/fr/fil/", "/fr/fil/atom/"]


def french_pages(editor, public, a, b, lb, check):
    """A French translation edited on A is seen on B and through nginx, and the French pages
    answer on every server; returns the French article's address."""
    change, french_url = editor.live_article(a, "fr")
    public.get(b + french_url)  # in the shared page cache now
    _, page, _ = editor.get(a + change)
    fields = form_fields(page, "article_form")
    fields["title"] = "Modifié sur le serveur A " + str(int(time.time()))
    status, _, _ = editor.post(a + change, fields, referer=a + change)
    check(status == 302, f"French translation saved on A (HTTP {status})")
    seen = [fields["title"] in public.get(b + french_url)[1] for _ in range(5)]
    seen += [fields["title"] in public.get(lb + french_url)[1] for _ in range(20)]
    check(all(seen), f"the French edit is seen on B and through nginx: {sum(seen)}/{len(seen)}")
    answers = {
        (server, path): public.get(server + path)
        for server in (a, b, lb)
        for path in [french_url, *FRENCH_PAGES]
    }
    ok = [
        status == 200
        and ('lang="fr-CA"' in body or 'xml:lang="fr"' in body or "<language>fr<" in body)
        for status, body, _ in answers.values()
    ]
    check(all(ok), f"French pages in French on A, B and through nginx: {sum(ok)}/{len(ok)}")
    return french_url


def main():
    failures = []

    def check(ok, message):
        log(("ok    " if ok else "FAIL  ") + message)
        if not ok:
            failures.append(message)

    work = Path(tempfile.mkdtemp(prefix="clinic-cluster-"))
    cluster = Cluster(work)
    finished = False
    try:
        cluster.start()
        a, b = (f"http://127.0.0.1:{port}" for port in cluster.ports.values())
        lb = f"http://127.0.0.1:{cluster.nginx_port}"
        check(
            all(Browser().get(f"{url}/readyz")[0] == 200 for url in (a, b, lb)),
            "/readyz answers 200 on A, B and through nginx",
        )
        editor = Browser()
        editor.log_in(a, *ADMIN)

        # 1. An edit on A is seen on B.
        change, article_url = editor.live_article(a)
        public = Browser()
        public.get(b + article_url)  # B has it in the shared page cache now
        status, page, _ = editor.get(a + change)
        fields = form_fields(page, "article_form")
        fields["title"] = "Edited on server A " + str(int(time.time()))
        fields.update(hero_alt="A teal test picture", hero_credit="Cluster test")
        hero = {"hero_image": ("hero.jpg", "image/jpeg", jpeg(1000, 500))}
        status, _, _ = editor.post_multipart(a + change, fields, hero, referer=a + change)
        check(status == 302, f"article saved on A with a new hero image (HTTP {status})")
        seen = [fields["title"] in public.get(b + article_url)[1] for _ in range(5)]
        seen += [fields["title"] in public.get(lb + article_url)[1] for _ in range(20)]
        check(all(seen), f"the edit is seen on B and through nginx: {sum(seen)}/{len(seen)}")
        french_url = french_pages(editor, public, a, b, lb, check)

        # 2. A picture uploaded on A is served through nginx every time.
        picture = editor.upload_picture(a)
        _, _, headers = Browser().get(lb + picture, raw=True)
        check(
            headers["Cache-Control"] == "public, max-age=31536000, immutable"
            and headers["X-Content-Type-Options"] == "nosniff",
            "pictures are sent with immutable caching and nosniff",
        )
        statuses = [Browser().get(lb + picture, raw=True)[0] for _ in range(100)]
        check(
            statuses.count(200) == 100,
            f"uploaded picture through nginx: {statuses.count(200)}/100 fetches 200 ({picture})",
        )
        page, waited = renditions_listed(b + article_url)  # B never saw the upload
        check(
            bool(page),
            f"the worker made the hero image's renditions ({waited:.1f} s after the save)",
        )
        media = sorted(set(Browser.media_urls(page or "")))
        served = [Browser().get(lb + url, raw=True)[0] == 200 for url in media for _ in range(5)]
        check(
            len(media) >= 4 and all(served),
            f"the hero image and its renditions, linked by "
            f"B, through nginx: {sum(served)}/{len(served)} fetches of {len(media)} files",
        )

        # 3. The admin import: uploaded on A, confirmed on B.
        token = editor.preview_import(
            a, ROOT / "tests/articles/transfer/wordpress/fixtures/wordpress.xml"
        )
        status, page, _ = editor.post(
            b + "/admin/articles/importedpost/add/",
            {"token": token},
            referer=b + "/admin/articles/importedpost/add/",
        )
        check(
            status == 200 and "Import finished." in page,
            f"export uploaded on A, confirmed on B (HTTP {status})",
        )

        # 4. Redis faults under load: 16 connections, half of them staff.
        paths = ["/", article_url, "/articles/", "/team/", "/locations/", "/fr/", french_url]
        urls = [lb + path for path in paths]
        staff = [Browser() for _ in range(outage_load.CONNECTIONS // 2)]
        for browser in staff:
            browser.log_in(lb, *ADMIN)
        connections = outage_load.clients(urls, staff, lb + "/admin/articles/article/")
        results = outage_load.hammer(connections, cluster.redis)
        problems = outage_load.report(results, log)
        check(
            not problems,
            f"Redis killed and frozen under load: no failed request, p90 under "
            f"{outage_load.OUTAGE_P90_LIMIT_MS} ms" + "".join(f"; {p}" for p in problems),
        )
        check(Browser().get(lb + "/readyz")[0] == 200, "ready again after the faults")
        finished = True
    finally:
        cluster.stop()
        if failures or not finished:
            log(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise SystemExit(f"{len(failures)} check(s) failed")
    log("\nAll cluster checks passed.")


if __name__ == "__main__":
    main()
