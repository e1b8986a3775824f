"""`manage.py import_markdown DIR`: read back a folder written by `export_markdown`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.transfer.markdown.articles import PortabilityError, import_articles


class Command(BaseCommand):
    help = (
        "Create or update articles from the Markdown files in DIR (as written by "
        "export_markdown), matched by slug; one transaction per file."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="The folder export_markdown wrote.")

    def handle(self, *args, directory, **options):
        try:
            report = import_articles(directory)
        except PortabilityError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.skipped:
            raise CommandError(
                f"{len(report.skipped)} file(s) or redirect(s) could not be imported; see above."
            )
