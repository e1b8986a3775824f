"""`manage.py import_site`: a local WordPress blog comes in as drafts with its old addresses
redirected; the dry run writes nothing; a second run updates instead of duplicating."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ImportedPost
from clinic.domain.models import Person, Redirect
from tests.articles.transfer.local_server import LocalServer, redirect, text
from tests.articles.transfer.site import sites

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    settings.IMPORT_SITE_DELAY_SECONDS = 0
    server = LocalServer()
    root = f"http://127.0.0.1:{server.port}"
    server.routes.update(sites.wordpress_site(root))
    server.routes["/2020/04/bougainvillea/"] = redirect(
        "/how-to-grow-and-care-for-bougainvillea.html"
    )
    server.routes["/wp-sitemap-posts-post-1.xml"] = sites.urlset(
        root, ["/2020/04/bougainvillea/", *list(sites.WORDPRESS_POSTS)[1:], sites.WORDPRESS_PRIVATE]
    )
    with server:
        yield server, root


def run(*args):
    out = StringIO()
    call_command("import_site", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_reports_what_would_come_and_writes_nothing(blog):
    _, root = blog
    output = run(root, "--dry-run")
    assert output.startswith("Dry run: nothing was written.")
    assert (
        f"Read from {root} (WordPress): 6 post(s) found, 4 read, 1 could not be read, "
        "1 listed twice." in output
    )
    assert "4 would be created" in output
    assert "robots.txt does not allow" in output
    assert Article.objects.count() == 0 and Redirect.objects.count() == 0


def test_posts_come_in_as_drafts_with_their_old_addresses_redirected(blog):
    _, root = blog
    output = run(root)
    assert "4 created" in output
    articles = Article.objects.order_by("title")
    assert articles.count() == 4
    assert {article.status for article in articles} == {Article.Status.DRAFT}
    lemire = Article.objects.get(title="JSON parsing: simdjson vs. JSON for Modern C++")
    assert lemire.body.startswith("JSON is the ubiquitous data format on the Internet.")
    assert lemire.author.name == "Daniel Lemire" and not lemire.author.is_active
    assert lemire.publish_at.isoformat() == "2019-08-02T15:57:41+00:00"
    bougainvillea = Article.objects.get(title="How To Grow and Care For Bougainvillea")
    target = bougainvillea.get_absolute_url()
    old_paths = set(Redirect.objects.filter(new_path=target).values_list("old_path", flat=True))
    assert old_paths == {"/2020/04/bougainvillea/", "/how-to-grow-and-care-for-bougainvillea.html"}
    record = ImportedPost.objects.get(article=bougainvillea)
    assert record.old_url == root + "/2020/04/bougainvillea/"
    assert Person.objects.filter(name="Gary Antosh").exists()


def test_a_second_run_updates_nothing_and_duplicates_nothing(blog):
    _, root = blog
    run(root)
    output = run(root)
    assert "0 created, 0 updated, 4 unchanged" in output
    assert Article.objects.count() == 4


def test_a_site_that_cannot_be_read_is_a_clear_error_not_a_traceback(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    with LocalServer({"/robots.txt": text("oops", "text/plain", status=500)}) as server:
        with pytest.raises(CommandError, match="answered HTTP 500; RFC 9309"):
            run(f"http://127.0.0.1:{server.port}/")
    with pytest.raises(CommandError, match="is not a site's address"):
        run("ftp://example.org/")
    assert Article.objects.count() == 0
