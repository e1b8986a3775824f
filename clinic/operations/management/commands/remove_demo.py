"""`manage.py remove_demo`: the demo content and demo admin, but nothing the clinic made."""

from django.core.management.base import BaseCommand

from clinic.operations.demo.removal import remove_demo


class Command(BaseCommand):
    help = (
        "Remove the demo content (articles, studies, topics, team, locations, the profile's "
        "demo wording) and the demo admin account. Anything the clinic created, or edited "
        "since the demo was loaded, stays. load_demo will not bring the removed rows back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would be removed."
        )

    def handle(self, *args, dry_run=False, **options):
        result = remove_demo(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        if not (result.removed or result.profile_fields or result.admin_removed):
            self.stdout.write("No demo content is left to remove.")
        for label, names in result.removed.items():
            self.stdout.write(f"{verb} {len(names)} {label}: {', '.join(names)}")
        if result.profile_fields:
            fields = ", ".join(result.profile_fields)
            self.stdout.write(f"{verb} the demo's wording from the clinic profile: {fields}")
        if result.admin_removed:
            self.stdout.write(f"{verb} the demo admin account.")
        if result.no_superuser_left:
            self.stdout.write(
                "No superuser is left: create your own account with "
                "`python manage.py createsuperuser`."
            )
        for line in result.kept:
            self.stdout.write(f"Kept {line}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
        else:
            self.stdout.write(self.style.SUCCESS("The demo content is gone."))
