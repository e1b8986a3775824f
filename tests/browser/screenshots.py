"""`make screenshots`: every public page type at 375 and 1280 px, and an article in dark mode and
in print, saved as PNG files in screenshots/ (git-ignored) to look at before calling a design done.

The script brings its own site: demo content in a throwaway SQLite database, served by Django's
live-server thread with DEBUG off (so the 404 page is the site's own), stopped at the end.

    .venv/bin/python -m tests.browser.screenshots [--out DIR]
"""

import argparse
import io
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

WIDTHS = (375, 1280)
PRINT_WIDTH = 794  # an A4 page at 96 px per inch


def prepare_site(folder):
    """Configure Django on a new database in `folder`, migrate it and load the demo content."""
    os.environ["DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ["CACHE_URL"] = "dummy://"
    os.environ["LOG_LEVEL"] = "ERROR"  # the 404 page is wanted here, not worth a warning
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())


def public_pages():
    """(name, path) for one page of every public type (tests/public_pages.py), from the demo."""
    from articles.models import Article, Topic
    from clinic.domain.models import Location, Person
    from tests.public_pages import html_pages, page_url

    live = list(Article.objects.published().order_by("publish_at", "id"))
    content = {
        "article": live[len(live) // 2],  # one with both a previous and a next summary
        "topic": Topic.objects.filter(articles__in=live).order_by("name").first(),
        "person": Person.objects.active().filter(articles__in=live).order_by("position").first(),
        "location": Location.objects.active().first(),
    }
    return [(page.name.replace(" ", "-"), page_url(page, content)) for page in html_pages()]


def shoot(base_url, pages, out):
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import launch

    article_path = dict(pages)["article"]
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in pages:
                save(page, base_url + path, out / f"{name}-{width}.png")
            context.close()
            dark = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme="dark"
            )
            save(dark.new_page(), base_url + article_path, out / f"article-dark-{width}.png")
            dark.close()
        printed = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1123})
        page = printed.new_page()
        page.emulate_media(media="print")
        save(page, base_url + article_path, out / "article-print.png")
        printed.close()
        browser.close()


def save(page, url, path):
    page.goto(url)
    page.screenshot(path=path, full_page=True)
    print(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()

    from tests.browser.chromium import missing_reason

    if reason := missing_reason():
        sys.exit(f"screenshots need a browser: {reason}")
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # no collectstatic here
    folder = Path(tempfile.mkdtemp(prefix="clinic-screenshots-"))
    try:
        prepare_site(folder)
        from django.conf import settings
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.test.testcases import LiveServerThread

        pages = public_pages()
        settings.DEBUG = False  # the site's own 404 page, as visitors see it
        server = LiveServerThread("127.0.0.1", StaticFilesHandler)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            shoot(f"http://127.0.0.1:{server.port}", pages, args.out)
        finally:
            server.terminate()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
