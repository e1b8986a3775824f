"""The admin's "Import from the site's address", end to end: the address, the reading in the
background (run here by the worker's own code), its progress page, the dry-run report, the
confirm, against the saved Wix, Squarespace and WordPress pages served on 127.0.0.1."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.admin import site_imports
from articles.models import Article, ImportedPost, SiteImport
from articles.transfer.site import crawl
from clinic.domain.models import Redirect
from tests.articles.transfer.local_server import LocalServer, text
from tests.articles.transfer.site import sites

pytestmark = pytest.mark.django_db

START_URL = reverse("admin:articles_siteimport_add")
LIST_URL = reverse("admin:articles_siteimport_changelist")
State = SiteImport.State


@pytest.fixture(autouse=True)
def local_sites_allowed(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    settings.IMPORT_SITE_DELAY_SECONDS = 0


def serve(build):
    server = LocalServer()
    root = f"http://127.0.0.1:{server.port}"
    server.routes.update(build(root))
    return server, root


@pytest.fixture
def wordpress():
    server, root = serve(sites.wordpress_site)
    with server:
        yield server, root


def start(client, address, *, follow=False):
    return client.post(START_URL, {"address": address, "fetch_images": "on"}, follow=follow)


def page_of(row):
    return reverse("admin:articles_siteimport_change", args=[row.pk])


def standing_of(response):
    match = re.search(r'id="standing"[^>]*data-state="([^"]+)"><strong>(.*?)</strong>',
                      response.content.decode(), re.DOTALL)  # fmt: skip
    return match.groups() if match else (None, None)


def refreshes(response):
    return '<meta http-equiv="refresh"' in response.content.decode()


def test_marketing_reads_a_wordpress_blog_in_the_background_then_confirms(
    marketing_client, wordpress, run_tasks
):
    server, root = wordpress
    response = start(marketing_client, root)
    row = SiteImport.objects.get()
    assert response.status_code == 302 and response["Location"] == page_of(row)
    assert server.seen == []  # nothing read in the request

    queued = marketing_client.get(page_of(row))
    assert standing_of(queued) == ("queued", "Queued: waiting for the background worker.")
    assert refreshes(queued) and "refresh now" in queued.content.decode()

    assert run_tasks() == 1
    row.refresh_from_db()
    assert row.state == State.READ and (row.found, row.fetched, row.not_read) == (5, 4, 1)
    read = marketing_client.get(page_of(row))
    page = read.content.decode()
    assert not refreshes(read)
    assert "Preview: nothing has been imported yet." in page
    assert "The site lists 5 post(s)." in page
    assert f"Read from {root} (WordPress): 5 post(s) found, 4 read, 1 could not be read." in page
    assert "4 would be created" in page
    assert "robots.txt does not allow" in page  # the members-only post, listed as skipped
    assert 'value="Confirm import"' in page and "Publish what was published" in page
    assert not Article.objects.exists()

    requests_so_far = len(server.seen)
    done = marketing_client.post(page_of(row), {"token": read.context["token"]})
    assert done.status_code == 200
    assert "Import finished." in done.content.decode() and "4 created" in done.content.decode()
    assert len(server.seen) == requests_so_far  # the confirm reads nothing from the site
    assert Article.objects.count() == 4
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    assert ImportedPost.objects.count() == 4
    lemire = Article.objects.get(title="JSON parsing: simdjson vs. JSON for Modern C++")
    assert lemire.publish_at.isoformat() == "2019-08-02T15:57:41+00:00"  # kept with the pages
    assert lemire.author.name == "Daniel Lemire"
    old = "/how-to-grow-and-care-for-bougainvillea.html"
    target = Article.objects.get(title="How To Grow and Care For Bougainvillea")
    assert Redirect.objects.get(old_path=old).new_path == target.get_absolute_url()
    row.refresh_from_db()
    assert row.state == State.IMPORTED and row.pages is None
    again = marketing_client.get(page_of(row))
    assert standing_of(again)[0] == "imported" and "4 created" in standing_of(again)[1]
    assert marketing_client.post(page_of(row), {"token": read.context["token"]}).status_code == 302
    assert Article.objects.count() == 4


def test_publish_what_was_published_is_chosen_on_the_report(marketing_client, wordpress, run_tasks):
    _, root = wordpress
    start(marketing_client, root)
    run_tasks()
    row = SiteImport.objects.get()
    token = marketing_client.get(page_of(row)).context["token"]
    step = marketing_client.post(page_of(row), {"token": token, "publish_published": "on"})
    row.refresh_from_db()
    while row.state == State.IMPORTING:  # a batch stops at its time limit on a busy machine
        step = marketing_client.post(page_of(row), {"token": step.context["token"]})
        row.refresh_from_db()
    assert row.publish_published is True and row.state == State.IMPORTED
    assert Article.objects.filter(status=Article.Status.PUBLISHED).exists()


@pytest.mark.parametrize(
    ("build", "platform", "found", "read"),
    [(sites.wix_site, "Wix", 2, 1), (sites.squarespace_site, "Squarespace", 3, 3)],
)
def test_wix_and_squarespace_blogs_through_the_same_flow(
    admin_client, run_tasks, build, platform, found, read
):
    server, root = serve(build)
    with server:
        start(admin_client, root)
        run_tasks()
    row = SiteImport.objects.get()
    page = admin_client.get(page_of(row))
    assert f"({platform}): {found} post(s) found, {read} read" in page.content.decode()
    done = admin_client.post(page_of(row), {"token": page.context["token"]})
    assert f"{read} created" in done.content.decode()
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == read


def test_a_long_import_continues_in_steps(marketing_client, wordpress, run_tasks, monkeypatch):
    monkeypatch.setattr(site_imports, "BATCH_SIZE", 3)
    start(marketing_client, wordpress[1])
    run_tasks()
    row = SiteImport.objects.get()
    first = marketing_client.post(
        page_of(row), {"token": marketing_client.get(page_of(row)).context["token"]}
    )
    assert "Imported posts and pages 1 to 3 of 5." in first.content.decode()
    assert Article.objects.count() == 3
    later = marketing_client.get(page_of(row))  # left and came back
    assert standing_of(later)[0] == "importing"
    assert 'value="Continue importing"' in later.content.decode()
    finished = marketing_client.post(page_of(row), {"token": later.context["token"]})
    assert "Import finished." in finished.content.decode()
    assert Article.objects.count() == 4
    assert SiteImport.objects.get().state == State.IMPORTED


def test_progress_counts_while_running_and_a_stalled_reading_shown_as_such(
    marketing_client, marketing_user
):
    now = timezone.now()
    row = SiteImport.objects.create(
        address="https://blog.example.org/", typed_address="blog.example.org",
        state=State.RUNNING, found=6, fetched=2, not_read=1, started_by=marketing_user,
        started_at=now, heartbeat_at=now,
    )  # fmt: skip
    running = marketing_client.get(page_of(row))
    assert standing_of(running) == (
        "running",
        "Reading the site: 6 post(s) found, 2 read, 1 could not be read.",
    )
    assert refreshes(running)
    SiteImport.objects.filter(pk=row.pk).update(heartbeat_at=now - timedelta(minutes=25))
    stalled = marketing_client.get(page_of(row))
    state, line = standing_of(stalled)
    assert state == "stalled" and "no sign of life for 25 minutes" in line
    assert "background worker reading it probably stopped" in line
    assert not refreshes(stalled)
    assert 'value="blog.example.org"' in stalled.content.decode()  # to start it again
    assert "Stalled: no sign of life" in marketing_client.get(LIST_URL).content.decode()


def test_a_queue_nobody_works_on_says_the_worker_may_not_be_running(marketing_client, wordpress):
    start(marketing_client, wordpress[1])
    row = SiteImport.objects.get()
    SiteImport.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=7))
    state, line = standing_of(marketing_client.get(page_of(row)))
    assert state == "waiting" and "background worker after 7 minutes" in line


def test_one_reading_of_an_address_at_a_time(marketing_client, wordpress, run_tasks):
    _, root = wordpress
    week_old = SiteImport.objects.create(
        address="https://old.example/", typed_address="old.example", state=State.READ,
        expires_at=timezone.now() - timedelta(minutes=1),
    )  # fmt: skip
    start(marketing_client, root)
    second = start(marketing_client, root + "/", follow=True)
    assert not SiteImport.objects.filter(pk=week_old.pk).exists()  # forgotten once expired
    assert SiteImport.objects.count() == 1
    assert "is already being read" in second.content.decode()
    assert second.redirect_chain[-1][0] == page_of(SiteImport.objects.get())
    # A stalled reading does not block the address: it is closed and a new one starts.
    SiteImport.objects.update(state=State.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=1))
    start(marketing_client, root)
    old, new = SiteImport.objects.order_by("pk")
    assert old.state == State.FAILED and "stopped making progress" in old.reason
    assert new.state == State.QUEUED
    assert run_tasks() == 2  # the old task finds its row closed and stops
    new.refresh_from_db()
    assert new.state == State.READ


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ftp://example.org/blog", "only http and https addresses are fetched"),
        ("http://localhost/blog", "is not a public address (127.0.0.1)"),
        ("http://10.1.2.3/", "the host 10.1.2.3 is not a public address"),
        ("http://[::1]/", "is not a public address"),
        ("https://user:secret@example.org/", "carries a user name or password"),
        ("https://no-such-host.invalid/", "The host no-such-host.invalid cannot be found"),
        ("http://", "“http://” names no host"),
        ("example.org:99999", "“https://example.org:99999” is not a valid address"),
        ("http://[::1", "is not a valid address"),
    ],
)
def test_bad_addresses_are_refused_at_once_with_the_address_kept(
    marketing_client, settings, monkeypatch, address, message
):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []

    def resolver(host, port):
        if host == "localhost":
            return ["127.0.0.1"]
        raise OSError("no such host")

    monkeypatch.setattr(site_imports.addresses, "system_resolver", resolver)
    response = start(marketing_client, address)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page.replace("&quot;", '"').replace("&#x27;", "'")
    assert f'value="{address}"' in page
    assert not SiteImport.objects.exists()


def test_an_empty_address_is_asked_for(marketing_client):
    response = start(marketing_client, "  ")
    assert response.status_code == 200 and "This field is required." in response.content.decode()


def failed_reading(client, run_tasks, routes=None, address=None):
    server = LocalServer(routes or {})
    with server:
        address = address or f"http://127.0.0.1:{server.port}/"
        assert start(client, address).status_code == 302
        run_tasks()
    row = SiteImport.objects.get()
    response = client.get(page_of(row))
    assert response.status_code == 200
    return row, response


def test_a_site_that_does_not_answer_fails_with_the_reason_and_the_address_kept(
    marketing_client, run_tasks
):
    server = LocalServer()
    closed_port = server.port
    server.httpd.server_close()  # nothing listens there any more
    address = f"http://127.0.0.1:{closed_port}/blog"
    assert start(marketing_client, address).status_code == 302
    run_tasks()
    row = SiteImport.objects.get()
    state, line = standing_of(marketing_client.get(page_of(row)))
    assert state == "failed" and "robots.txt could not be read" in line
    assert "Try again when the site answers." in line
    page = marketing_client.get(page_of(row)).content.decode()
    assert f'value="{address}"' in page and "Read the site again" in page


def test_robots_txt_forbidding_everything_is_a_clear_failure(marketing_client, run_tasks):
    _, response = failed_reading(
        marketing_client,
        run_tasks,
        {"/robots.txt": text("User-agent: *\nDisallow: /\n", "text/plain")},
    )
    state, line = standing_of(response)
    assert state == "failed" and "robots.txt does not let this importer read" in line


def test_a_site_with_no_posts_is_a_clear_failure(marketing_client, run_tasks):
    _, response = failed_reading(
        marketing_client, run_tasks,
        {"/": text("<html><body><p>Welcome</p></body></html>")},
    )  # fmt: skip
    state, line = standing_of(response)
    assert state == "failed" and "No posts were found on 127.0.0.1" in line


def test_an_unexpected_error_is_shown_and_kept_in_the_task_result(
    marketing_client, wordpress, run_tasks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(crawl, "import_site", broken)
    start(marketing_client, wordpress[1])
    run_tasks()
    row = SiteImport.objects.get()
    state, line = standing_of(marketing_client.get(page_of(row)))
    assert state == "failed" and "unexpected error (RuntimeError: the disk is full)" in line
    result = DBTaskResult.objects.get()
    assert result.status == TaskResultStatus.FAILED and "the disk is full" in result.traceback


def test_a_task_that_failed_before_saying_so_is_shown_failed(marketing_client, wordpress):
    start(marketing_client, wordpress[1])
    row = SiteImport.objects.get()
    DBTaskResult.objects.update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now(),
        exception_class_path="builtins.MemoryError",
        traceback="Traceback (most recent call last):\nMemoryError: out of memory\n",
    )  # fmt: skip
    response = marketing_client.get(page_of(row))
    state, line = standing_of(response)
    assert state == "failed" and "The background task failed: MemoryError: out of memory" in line
    assert not refreshes(response)
    start(marketing_client, wordpress[1])  # the address may be read again
    assert SiteImport.objects.filter(state=State.QUEUED).count() == 1


def test_only_those_who_may_import_see_or_start_a_reading(
    client, front_desk_client, editor_client, wordpress
):
    row = SiteImport.objects.create(address="https://a.example/", typed_address="a.example")
    for other in (front_desk_client, editor_client):
        assert other.get(START_URL).status_code == 403
        assert start(other, wordpress[1]).status_code == 403
        assert other.get(page_of(row)).status_code == 403
        assert other.post(page_of(row), {"token": "x"}).status_code == 403
        assert b"site&#x27;s address" not in other.get(reverse("admin:index")).content
    client.logout()
    assert client.get(START_URL).status_code == 302  # to the sign-in page
    assert SiteImport.objects.count() == 1 and wordpress[0].seen == []


def test_marketing_finds_the_page_in_the_admin(marketing_client, admin_client):
    index = marketing_client.get(reverse("admin:index")).content.decode()
    assert "Imports from a site&#x27;s address" in index
    listing = marketing_client.get(LIST_URL).content.decode()
    assert "Import from the site's address" in listing
    files = admin_client.get(reverse("admin:articles_importedpost_changelist")).content.decode()
    assert "Import from the site's address" in files and "Import a blog's export" in files
    # Marketing follows what was imported (and its pictures), but uploads no export file.
    imported = marketing_client.get(reverse("admin:articles_importedpost_changelist"))
    assert imported.status_code == 200 and "Import a blog's export" not in imported.content.decode()
    assert marketing_client.get(reverse("admin:articles_importedpost_add")).status_code == 403


def test_a_confirm_token_is_the_users_own_and_cannot_be_altered(
    marketing_client, admin_client, wordpress, run_tasks
):
    start(marketing_client, wordpress[1])
    run_tasks()
    row = SiteImport.objects.get()
    token = marketing_client.get(page_of(row)).context["token"]
    assert admin_client.post(page_of(row), {"token": token}).status_code == 403
    altered = marketing_client.post(page_of(row), {"token": token + "x"}, follow=True)
    assert "its form was altered" in altered.content.decode()
    other = signing.dumps({"id": row.pk + 1, "user": 0, "start": 0}, salt="elsewhere")
    assert marketing_client.post(page_of(row), {"token": other}, follow=True).status_code == 200
    assert not Article.objects.exists()


def test_unknown_readings_are_not_found(marketing_client):
    assert marketing_client.get(
        reverse("admin:articles_siteimport_change", args=["9"])
    ).status_code in {302, 404}
    assert marketing_client.get("/admin/articles/siteimport/nope/change/").status_code in {302, 404}
