"""`manage.py import_wxr EXPORT.xml`: bring in posts from a WordPress or Squarespace export."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.transfer.apply import ImportOptions, import_wxr
from articles.transfer.posts import ExportError


class Command(BaseCommand):
    help = (
        "Import posts from a WordPress or Squarespace export (WXR) as articles, with their "
        "authors, categories and tags, and redirect their old addresses. Safe to run again: "
        "posts already imported are updated, not duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The export file (.xml).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--pages", action="store_true", help="Import pages too, not only posts."
        )
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help="Download the posts' http(s) images into the media storage.",
        )

    def handle(self, *args, export, dry_run, pages, fetch_images, **options):
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        options = ImportOptions(dry_run=dry_run, include_pages=pages, fetch_images=fetch_images)
        try:
            report = import_wxr(export, options)
        except ExportError as error:
            raise CommandError(f"{export}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
