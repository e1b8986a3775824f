from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clinic.operations.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or SQLite's online backup) and the "
        "uploaded media into a new timestamped folder under BACKUP_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", default=settings.BACKUP_ROOT, help="Where backup folders go."
        )

    def handle(self, *, output_dir, **options):
        try:
            folder = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
        self.stdout.write(f"Restore it into an empty database with: make restore BACKUP={folder}")
