"""`manage.py import_site ADDRESS`: bring in a blog's posts from its live address."""

from django.core.management.base import BaseCommand, CommandError

from articles.transfer.apply import ImportOptions
from articles.transfer.site.apply import import_site
from articles.transfer.site.reader import SiteError, SiteReader


class Command(BaseCommand):
    help = (
        "Import a blog's posts from its live address (Wix, Squarespace, WordPress or any site "
        "with a sitemap or feed) as draft articles, and redirect their old addresses. Reads one "
        "page at a time, as the site's robots.txt allows. Safe to run again: posts already "
        "imported are updated, not duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "address", help="The site's or the blog's address, e.g. https://www.example.org/blog"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help="Download the posts' images into the media storage.",
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=None,
            help="Seconds between two requests to the site (default: IMPORT_SITE_DELAY_SECONDS).",
        )

    def handle(self, *args, address, dry_run, fetch_images, delay, **options):
        self.verbosity = options.get("verbosity", 1)
        if delay is not None and delay < 0:
            raise CommandError("--delay cannot be negative.")
        try:
            reader = SiteReader(address, delay=delay, on_progress=self._progress)
            report = import_site(
                address, ImportOptions(dry_run=dry_run, fetch_images=fetch_images), reader=reader
            )
        except SiteError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)

    def _progress(self, progress):
        if self.verbosity > 1:
            self.stderr.write(
                f"{progress.found} found, {progress.fetched} read, {progress.failed} failed"
            )
