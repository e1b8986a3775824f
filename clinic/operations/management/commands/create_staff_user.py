from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from clinic.domain.roles import ROLE_SLUGS


class Command(BaseCommand):
    help = "Create a staff user in a role (marketing or front-desk) with no password yet."

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, choices=sorted(ROLE_SLUGS))
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="First and last name, optional.")

    def handle(self, *, role, email, name, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not a valid email address.") from error
        user_model = get_user_model()
        if user_model.objects.filter(username__iexact=email).exists():
            raise CommandError(f"A user {email} already exists; nothing was changed.")
        first, _, last = name.partition(" ")
        with transaction.atomic():
            user = user_model.objects.create_user(
                username=email, email=email, first_name=first, last_name=last, is_staff=True
            )
            user.groups.add(Group.objects.get(name=ROLE_SLUGS[role]))
        self.stdout.write(
            f"Created staff user {email} in the {ROLE_SLUGS[role]} role. It has no password yet:\n"
            f"  set one with:  python manage.py changepassword {email}\n"
            "  or, as a superuser, use “Change password” on the user's admin page."
        )
