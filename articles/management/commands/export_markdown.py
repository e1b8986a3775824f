"""`manage.py export_markdown DIR`: every article as Markdown with YAML front matter."""

from pathlib import Path

from django.core.management.base import BaseCommand

from articles.transfer.markdown.export import export_articles


class Command(BaseCommand):
    help = (
        "Write every article (drafts too) to DIR as <slug>.md with YAML front matter, and "
        "its images to DIR/images/. `import_markdown DIR` reads the folder back."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="The folder to write (created if new).")

    def handle(self, *args, directory, **options):
        paths = export_articles(directory)
        self.stdout.write(f"Exported {len(paths)} article(s) to {directory}.")
