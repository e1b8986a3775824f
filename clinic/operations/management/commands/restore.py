from django.core.management.base import BaseCommand, CommandError

from clinic.operations.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a folder written by `manage.py backup` into the configured database and "
        "MEDIA_ROOT. The database must be empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A backup folder, e.g. backups/20250101T020000Z")
        parser.add_argument(
            "--force", action="store_true", help="Replace the contents of a non-empty database."
        )

    def handle(self, *, folder, force, **options):
        try:
            manifest = restore_backup(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['database']} backup made at {manifest['created_at']} "
            f"and {manifest['media_files']} media file(s)."
        )
