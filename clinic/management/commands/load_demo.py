"""`manage.py load_demo`: the demo clinic, its team, locations, topics and research summaries.

The data lives in `clinic.demo`. Loading is idempotent and never overwrites: every row is
looked up by its natural key (the profile's single row, slugs, the admin's username) and only
created when missing, so a second run changes nothing and an editor's changes to demo rows
survive. Studies and topic links are added only to an article created in the same run, and
opening hours and closures only to a location created in the same run. The demo admin account
is created only when settings.DEBUG is true.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Study, Topic
from articles.revisions import article_revision
from articles.services import publish_article
from clinic.models import ClinicProfile, Location, LocationException, OpeningHours, Person
from clinic.operations import demo


class Tally:
    """Counts, per kind of row, how many were created and how many were already there."""

    def __init__(self):
        self.counts = {}

    def add(self, label, created):
        new, kept = self.counts.get(label, (0, 0))
        self.counts[label] = (new + int(created), kept + int(not created))

    def lines(self):
        return [
            f"  {label}: {new} new, {kept} already there"
            for label, (new, kept) in self.counts.items()
        ]


def get_or_build(model, lookup, values):
    """The row matching `lookup`, or a new validated one. Existing rows are left untouched."""
    existing = model._default_manager.filter(**lookup).first()
    if existing is not None:
        return existing, False
    row = model(**lookup, **values)
    row.full_clean()
    row.save()
    return row, True


def save_new(row, label, tally):
    """Validate and save a new child row, and count it."""
    row.full_clean()
    row.save()
    tally.add(label, True)


def load_profile():
    """Fill in the clinic profile's fields that still hold their defaults; returns the changes."""
    profile = ClinicProfile.load()
    changed = []
    for name, value in demo.CLINIC.items():
        field = ClinicProfile._meta.get_field(name)
        if getattr(profile, name) == field.get_default() and value != field.get_default():
            setattr(profile, name, value)
            changed.append(name)
    if changed:
        profile.full_clean()
        profile.save(update_fields=changed)
    return profile, changed


def load_people(tally):
    people = {}
    for data in demo.PEOPLE:
        values = {key: value for key, value in data.items() if key != "slug"}
        people[data["slug"]], created = get_or_build(Person, {"slug": data["slug"]}, values)
        tally.add("people", created)
    return people


def load_topics(tally):
    topics = {}
    for data in demo.TOPICS:
        values = {key: value for key, value in data.items() if key != "slug"}
        topics[data["slug"]], created = get_or_build(Topic, {"slug": data["slug"]}, values)
        tally.add("topics", created)
    return topics


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


def add_studies(article, studies, tally):
    for position, data in enumerate(studies):
        save_new(Study(article=article, position=position, **data), "studies", tally)


def load_article(data, people, topics, disclaimer, tally):
    """Create one demo article with its topics and studies, unless its slug is already taken."""
    values = {
        "title": data["title"],
        "summary": data["summary"],
        "body": data["body"],
        "author": people[data["author"]],
        "disclaimer": disclaimer,
        "status": Article.Status.DRAFT,
        "publish_at": publish_time(data["publish"]),
        **review_values(data, people),
    }
    with article_revision(user=None, comment="Created with the demo content."):
        article, created = get_or_build(Article, {"slug": data["slug"]}, values)
        tally.add("articles", created)
        if not created:
            return article
        article.topics.set([topics[slug] for slug in data["topics"]])
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


def load_locations(tally):
    """Create each demo location that is missing, with its weekly hours and exceptions."""
    children = ("slug", "hours", "special_hours")
    for data in demo.LOCATIONS:
        values = {key: value for key, value in data.items() if key not in children}
        location, created = get_or_build(Location, {"slug": data["slug"]}, values)
        tally.add("locations", created)
        if created:
            add_opening_hours(location, data["hours"], tally)
            add_exceptions(location, data.get("special_hours", []), tally)


def create_demo_admin():
    """Create the demo superuser unless an account with its username exists; True if created."""
    user_model = get_user_model()
    manager = user_model._default_manager
    lookup = {user_model.USERNAME_FIELD: demo.ADMIN_USERNAME}
    if manager.filter(**lookup).exists():
        return False
    manager.create_superuser(**lookup, email=demo.ADMIN_EMAIL, password=demo.ADMIN_PASSWORD)
    return True


class Command(BaseCommand):
    help = (
        "Load demo content: the clinic profile, team, locations with opening hours and "
        "upcoming holiday closures, topics and research summaries (five published, one "
        "draft), plus an admin@example.org superuser when DEBUG is on. Safe to run again: "
        "existing rows are never changed."
    )

    def handle(self, *args, **options):
        tally = Tally()
        with transaction.atomic():
            profile, changed = load_profile()
            people = load_people(tally)
            load_locations(tally)
            topics = load_topics(tally)
            for data in demo.ARTICLES:
                load_article(data, people, topics, profile.default_disclaimer, tally)
            admin_created = create_demo_admin() if settings.DEBUG else None
        self.report(profile, changed, tally, admin_created)

    def report(self, profile, changed, tally, admin_created):
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
        admin_url = f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{reverse('admin:index')}"
        password = demo.ADMIN_PASSWORD if admin_created else "(existing account, not changed)"
        self.stdout.write(
            f"Admin: {admin_url}  email address: {demo.ADMIN_USERNAME}  password: {password}"
        )
