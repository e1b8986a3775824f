"""`manage.py load_demo`: the demo clinic, its team, locations, topics and research summaries.

The content is `clinic/operations/demo/library/`, in the site's Markdown export format; the
loading rules are in `clinic.operations.demo.loader`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from clinic.operations.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from clinic.operations.demo.loader import demo_admin_exists, load_demo


class Command(BaseCommand):
    help = (
        "Load demo content: the clinic profile, team, locations with opening hours and "
        "upcoming holiday closures, topics and research summaries (five published, one "
        "draft, each with its French translation), plus an admin@example.org superuser "
        "when DEBUG is on. Safe to run again: existing rows are never changed, and rows "
        "removed since are not made again. "
        "`manage.py remove_demo` takes it all away."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="",
            help="The address the site is served at (http://127.0.0.1:8000), for the admin "
            "link printed at the end. Default: SITE_URL.",
        )
        parser.add_argument(
            "--include-removed",
            action="store_true",
            help="Also make again the demo rows that were removed (by remove_demo or staff).",
        )

    def handle(self, *args, include_removed=False, address="", **options):
        loaded = load_demo(include_removed=include_removed, with_admin=settings.DEBUG)
        changed = loaded.profile_fields
        filled = f"filled in {', '.join(changed)}" if changed else "unchanged"
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded for {loaded.profile.name}."))
        self.stdout.write(f"  clinic profile: {filled}")
        for line in [*loaded.tally.lines(), *loaded.notes]:
            self.stdout.write(line)
        self.report_admin(loaded.admin_created, address)

    def report_admin(self, admin_created, address):
        if admin_created is None:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off, so the demo admin user was NOT created (its password is "
                    "public). Create real accounts with `manage.py createsuperuser`."
                )
            )
            return
        admin_url = f"{(address or settings.SITE_URL).rstrip('/')}{reverse('admin:index')}"
        if not admin_created and not demo_admin_exists():
            self.stdout.write(f"Admin: {admin_url}  (the demo account was removed)")
            return
        password = ADMIN_PASSWORD if admin_created else "(existing account, not changed)"
        self.stdout.write(
            f"Admin: {admin_url}  email address: {ADMIN_USERNAME}  password: {password}"
        )
        self.stdout.write(
            "When you are ready to start on your own content: python manage.py remove_demo"
        )
