"""`manage.py import_export FILE`: bring in a blog from its export, whatever the platform."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.transfer.apply import ImportOptions, import_file
from articles.transfer.posts import ExportError


class Command(BaseCommand):
    help = (
        "Import a blog's posts as draft articles from its export: WordPress or Squarespace "
        "(.xml), Wix (.csv), Blogger (.xml), Ghost (.json) or Medium (.zip, or its folder). "
        "The file is recognised by its content. Authors, categories and tags come across, "
        "old addresses redirect, and pictures are copied to this site. Safe to run again: "
        "posts already imported are updated, not duplicated."
    )
    wxr_only = False

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The export file (or Medium's folder).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--pages", action="store_true", help="Import pages too, not only posts."
        )
        parser.add_argument(
            "--publish-published",
            action="store_true",
            help="Publish the posts that were published on the old site (the publishing "
            "checks still apply); otherwise every post arrives as a draft.",
        )
        parser.add_argument(
            "--leave-images",
            action="store_true",
            help="Do not copy pictures; leave them as links to the old site.",
        )
        parser.add_argument(
            "--fetch-images", action="store_true", help="(The default: pictures are copied.)"
        )

    def handle(self, *args, export, dry_run, pages, publish_published, leave_images, **options):
        if not export.exists():
            raise CommandError(f"{export}: no such file.")
        options = ImportOptions(
            dry_run=dry_run,
            include_pages=pages,
            fetch_images=not leave_images,
            publish_published=publish_published,
        )
        try:
            report = import_file(export, options, wxr_only=self.wxr_only)
        except ExportError as error:
            raise CommandError(f"{export}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
        if report.empty_reason:
            raise CommandError(report.empty_reason)
