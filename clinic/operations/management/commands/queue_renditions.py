from django.core.management.base import BaseCommand

from clinic.authoring.tasks import queue_missing_renditions


class Command(BaseCommand):
    help = (
        "Queue the AVIF/WebP renditions of every hero image and photo that lacks some (after "
        "restoring media from elsewhere, or once the cause of a task that failed for good is "
        "fixed). The background worker makes them."
    )

    def handle(self, **options):
        queued = queue_missing_renditions()
        self.stdout.write(f"{queued} picture(s) queued for renditions.")
