"""`manage.py load_demo`: the demo clinic, its team, locations, topics and research summaries.

The data lives in `clinic.operations.demo`. Loading is idempotent and never overwrites: each
row the demo makes is recorded under a stable key from the demo data (`DemoRecord`), so a
second run finds it again even after staff renamed it or changed its slug, and changes
nothing. A row the clinic deleted (or `remove_demo` removed) is not made again unless
`--include-removed` is given. Studies and topic links are added only to an article created
in the same run, and opening hours and closures only to a location created in the same run.
The demo admin account is created only when settings.DEBUG is true.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.editorial.revisions import article_revision
from articles.models import Article, Study, Topic
from articles.services import publish_article
from clinic.authoring.uploads import clean_image_upload
from clinic.domain.models import ClinicProfile, Location, LocationException, OpeningHours, Person
from clinic.operations import demo
from clinic.operations.demo_records import DemoRows, recorded

PHOTOS = Path(demo.__file__).resolve().parent / "demo_photos"
PROFILE_KEY = "clinic.clinicprofile"
ADMIN_KEY = f"auth.user:{demo.ADMIN_USERNAME}"


class Tally:
    """Counts, per kind of row, how many were created and how many were already there."""

    def __init__(self):
        self.counts = {}

    def add(self, label, state):
        counts = self.counts.setdefault(label, {"new": 0, "kept": 0, "removed": 0})
        counts[{True: "new", False: "kept"}.get(state, state)] += 1

    def lines(self):
        return [
            f"  {label}: {counts['new']} new, {counts['kept']} already there"
            + (f", {counts['removed']} removed earlier" if counts["removed"] else "")
            for label, counts in self.counts.items()
        ]


def save_new(row, label, tally):
    """Validate and save a new child row, and count it."""
    row.full_clean()
    row.save()
    tally.add(label, True)


def load_profile(rows):
    """Fill in the clinic profile's fields that still hold their defaults; returns the changes.

    Only the first time: once the demo has filled the profile, it never does again."""
    profile = ClinicProfile.load()
    changed = []
    if recorded(PROFILE_KEY, ClinicProfile)[0] and not rows.include_removed:
        return profile, changed
    for name, value in demo.CLINIC.items():
        field = ClinicProfile._meta.get_field(name)
        if getattr(profile, name) == field.get_default() and value != field.get_default():
            setattr(profile, name, value)
            changed.append(name)
    if changed:
        profile.full_clean()
        profile.save(update_fields=changed)
    rows.own(PROFILE_KEY, profile)
    return profile, changed


def load_by_slug(rows, model, items, label, tally):
    """{demo slug: row or None} for people or topics, keyed "<app.model>:<demo slug>"."""
    found = {}
    for data in items:
        values = {key: value for key, value in data.items() if key != "slug"}
        key = f"{model._meta.label_lower}:{data['slug']}"
        found[data["slug"]], state = rows.find_or_create(model, key, {"slug": data["slug"]}, values)
        tally.add(label, state)
    return found


def publish_time(publish):
    """(days ago, "HH:MM") as an aware datetime in the site's time zone; now for a draft."""
    if publish is None:
        return timezone.now()
    days_ago, clock = publish
    day = timezone.localdate() - timedelta(days=days_ago)
    naive = datetime.combine(day, time.fromisoformat(clock))
    return timezone.make_aware(naive, timezone.get_current_timezone())


def review_values(data, people):
    """The reviewer and review date of a demo article: some days after publishing, never later
    than today. Empty for an article without a review."""
    if data.get("review") is None:
        return {}
    reviewer, days_after = data["review"]
    published_on = timezone.localtime(publish_time(data["publish"])).date()
    reviewed_on = min(published_on + timedelta(days=days_after), timezone.localdate())
    return {"reviewer": people[reviewer], "reviewed_on": reviewed_on}


def hero_values(hero):
    """An article's picture, checked and re-encoded as an editor's upload would be."""
    if not hero:
        return {}
    with open(PHOTOS / hero["file"], "rb") as photo:
        upload = clean_image_upload(File(photo, name=hero["file"]))
    return {"hero_image": upload, "hero_alt": hero["alt"], "hero_credit": hero["credit"]}


def add_studies(article, studies, tally):
    for position, data in enumerate(studies):
        save_new(Study(article=article, position=position, **data), "studies", tally)


def load_article(rows, data, people, topics, disclaimer, tally):
    """Create one demo article with its topics and studies, unless the demo made it before
    (found by its key, whatever its title and slug are now) or its slug is already taken."""
    if people.get(data["author"]) is None or (
        data.get("review") and people.get(data["review"][0]) is None
    ):
        tally.add("articles", "removed")  # its author was removed: so was the article
        return None
    values = {
        "title": data["title"],
        "summary": data["summary"],
        "body": data["body"],
        "author": people[data["author"]],
        "disclaimer": disclaimer,
        "status": Article.Status.DRAFT,
        "publish_at": publish_time(data["publish"]),
        **review_values(data, people),
        **hero_values(data.get("hero")),
    }
    key = f"articles.article:{data['slug']}"
    with article_revision(user=None, comment="Created with the demo content."):
        article, state = rows.find_or_create(Article, key, {"slug": data["slug"]}, values)
        tally.add("articles", state)
        if state != "new":
            return article
        article.topics.set([topics[slug] for slug in data["topics"] if topics.get(slug)])
        add_studies(article, data["studies"], tally)
        if data["status"] == demo.PUBLISHED:
            publish_article(article=article, user=None, keep_publish_time=True)
    return article


def next_occurrence(month, day, today=None):
    """The next date with this month and day: today if it is today, else this year or next."""
    today = today or timezone.localdate()
    this_year = date(today.year, month, day)
    return this_year if this_year >= today else date(today.year + 1, month, day)


def add_opening_hours(location, hours, tally):
    for weekdays, opens, closes in hours:
        for weekday in weekdays:
            row = OpeningHours(location=location, weekday=weekday, opens=opens, closes=closes)
            save_new(row, "opening hours", tally)


def add_exceptions(location, special_hours, tally):
    """The holiday closures every location shares, plus this location's special-hours days."""
    today = timezone.localdate()
    for data in [*demo.HOLIDAY_CLOSURES, *special_hours]:
        row = LocationException(
            location=location,
            date=next_occurrence(data["month"], data["day"], today),
            is_closed="opens" not in data,
            opens=data.get("opens"),
            closes=data.get("closes"),
            note=data["note"],
        )
        save_new(row, "closures and special hours", tally)


def load_locations(rows, tally):
    """Create each demo location that is missing, with its weekly hours and exceptions."""
    children = ("slug", "hours", "special_hours")
    for data in demo.LOCATIONS:
        values = {key: value for key, value in data.items() if key not in children}
        key = f"clinic.location:{data['slug']}"
        location, state = rows.find_or_create(Location, key, {"slug": data["slug"]}, values)
        tally.add("locations", state)
        if state == "new":
            add_opening_hours(location, data["hours"], tally)
            add_exceptions(location, data.get("special_hours", []), tally)


def create_demo_admin(rows):
    """Create the demo superuser unless it exists or was removed; True if created."""
    user_model = get_user_model()
    manager = user_model._default_manager
    lookup = {user_model.USERNAME_FIELD: demo.ADMIN_USERNAME}
    has_record, user = recorded(ADMIN_KEY, user_model)
    existing = user or manager.filter(**lookup).first()
    if existing is not None:
        if not has_record and existing.check_password(demo.ADMIN_PASSWORD):
            rows.own(ADMIN_KEY, existing)  # made by an earlier version of this command
        return False
    if has_record and not rows.include_removed:
        return False
    user = manager.create_superuser(**lookup, email=demo.ADMIN_EMAIL, password=demo.ADMIN_PASSWORD)
    rows.own(ADMIN_KEY, user)
    return True


class Command(BaseCommand):
    help = (
        "Load demo content: the clinic profile, team, locations with opening hours and "
        "upcoming holiday closures, topics and research summaries (five published, one "
        "draft), plus an admin@example.org superuser when DEBUG is on. Safe to run again: "
        "existing rows are never changed, and rows removed since are not made again. "
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
        tally = Tally()
        rows = DemoRows(include_removed=include_removed)
        with transaction.atomic():
            profile, changed = load_profile(rows)
            people = load_by_slug(rows, Person, demo.PEOPLE, "people", tally)
            load_locations(rows, tally)
            topics = load_by_slug(rows, Topic, demo.TOPICS, "topics", tally)
            for data in demo.ARTICLES:
                load_article(rows, data, people, topics, profile.default_disclaimer, tally)
            admin_created = create_demo_admin(rows) if settings.DEBUG else None
            rows.save_records()
        self.report(profile, changed, tally, admin_created, address)

    def report(self, profile, changed, tally, admin_created, address):
        filled = f"filled in {', '.join(changed)}" if changed else "unchanged"
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded for {profile.name}."))
        self.stdout.write(f"  clinic profile: {filled}")
        for line in tally.lines():
            self.stdout.write(line)
        if admin_created is None:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off, so the demo admin user was NOT created (its password is "
                    "public). Create real accounts with `manage.py createsuperuser`."
                )
            )
            return
        origin = (address or settings.SITE_URL).rstrip("/")
        admin_url = f"{origin}{reverse('admin:index')}"
        if (
            not admin_created
            and not get_user_model()
            ._default_manager.filter(**{get_user_model().USERNAME_FIELD: demo.ADMIN_USERNAME})
            .exists()
        ):
            self.stdout.write(f"Admin: {admin_url}  (the demo account was removed)")
            return
        password = demo.ADMIN_PASSWORD if admin_created else "(existing account, not changed)"
        self.stdout.write(
            f"Admin: {admin_url}  email address: {demo.ADMIN_USERNAME}  password: {password}"
        )
        self.stdout.write(
            "When you are ready to start on your own content: python manage.py remove_demo"
        )
