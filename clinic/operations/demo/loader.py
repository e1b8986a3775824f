"""Loading the demo library (`library/`) through the Markdown import, once and never over edits.

Rows go in through `import_site` and `save_article`, the code `manage.py import_markdown`
runs, so the demo proves on every `make run` that the export format reads back. Around it,
the demo's own rules: each row the demo makes is recorded under a stable key (`records`), so
a second run finds it again even after staff renamed it or changed its slug, and changes
nothing. A row the clinic deleted (or `remove_demo` removed) is not made again unless
`include_removed`. The clinic profile's fields are filled in only while they hold their
defaults, and only the first time.

The library's dates are written as of `DATES_AS_OF`; they move forward with the calendar, so
the newest article is always nine days old, and each closure falls on its next occurrence.
A draft's publish time is when it is loaded. The demo admin account is made only when asked
(the command asks when DEBUG is on): its password is public.

The library's French articles (`<slug>.fr.md`) are translations of its English ones, linked by
the translation key both files carry. Each is linked to its original as this site has it (the
original keeps the key it was given, even one loaded before the files had keys), shares its
studies, carries the profile's French disclaimer, and is marked up to date with the original as
loaded. A translation whose original is gone is not made.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from articles.editorial.revisions import article_revision
from articles.models import Article, Topic, default_language
from articles.transfer.markdown.articles import read_article_file, save_article
from articles.transfer.markdown.files import file_stem
from articles.transfer.markdown.site import import_site, read_site
from articles.translating import latest_version
from clinic.domain.models import ClinicProfile, Location, Person

from . import ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USERNAME, LIBRARY
from .records import DemoRows, recorded

DATES_AS_OF = date(2026, 12, 7)
PROFILE_KEY = "clinic.clinicprofile"
ADMIN_KEY = f"auth.user:{ADMIN_USERNAME}"
REVISION_COMMENT = "Created with the demo content."
# The site file's lists of rows found by slug, in the order they are loaded.
SITE_ROWS = [("people", Person), ("locations", Location), ("topics", Topic)]


class Tally:
    """Counts, per kind of row, how many were created and how many were already there."""

    def __init__(self):
        self.counts = {}

    def add(self, label, state, number=1):
        counts = self.counts.setdefault(label, {"new": 0, "kept": 0, "removed": 0})
        counts[state] += number

    def lines(self):
        return [
            f"  {label}: {counts['new']} new, {counts['kept']} already there"
            + (f", {counts['removed']} removed earlier" if counts["removed"] else "")
            for label, counts in self.counts.items()
        ]


@dataclass
class Loaded:
    profile: ClinicProfile
    profile_fields: list  # the profile fields the demo filled in this time
    tally: Tally
    admin_created: bool | None  # None: not asked for
    notes: list = field(default_factory=list)


def demo_site():
    """The library's site file, as read by the import."""
    return read_site(LIBRARY)


def demo_profile():
    """{field: value} the demo gives the clinic profile."""
    return demo_site()["clinic_profile"]


def demo_articles():
    """[(front matter, body)] of the library's articles, in the order they are loaded: the
    originals, then their translations."""
    return [read_article_file(LIBRARY / f"{stem}.md") for stem in demo_site()["article_order"]]


def article_language(front):
    """The language a library file is written in (its `fields: language`, else the default)."""
    return (front.get("fields") or {}).get("language") or default_language()


def default_disclaimer(profile, language):
    """The profile's default disclaimer in `language` (each language has its own column)."""
    with translation.override(language):
        return profile.default_disclaimer


def next_occurrence(month, day, today=None):
    """The next date with this month and day: today if it is today, else this year or next."""
    today = today or timezone.localdate()
    this_year = date(today.year, month, day)
    return this_year if this_year >= today else date(today.year + 1, month, day)


def _key(model, slug):
    return f"{model._meta.label_lower}:{slug}"


def _moved(when, today):
    """A publish time of the library, at the same local clock time, as many days before
    `today` as it was before DATES_AS_OF."""
    local = timezone.localtime(datetime.fromisoformat(when))
    day = local.date() + (today - DATES_AS_OF)
    return timezone.make_aware(datetime.combine(day, local.time()), local.tzinfo).isoformat()


def _dated_location(data, today):
    exceptions = []
    for row in data.get("exceptions") or []:
        planned = date.fromisoformat(row["date"])
        exceptions.append(row | {"date": next_occurrence(planned.month, planned.day, today)})
    return data | {"exceptions": exceptions}


def _load_profile(rows, include_removed):
    """Fill in the profile fields that still hold their defaults; returns (profile, fields)."""
    profile = ClinicProfile.load()
    if recorded(PROFILE_KEY, ClinicProfile)[0] and not include_removed:
        return profile, []
    values = {}
    for name, value in demo_profile().items():
        default = ClinicProfile._meta.get_field(name).get_default()
        if getattr(profile, name) == default and value != default:
            values[name] = value
    if values:
        import_site({"clinic_profile": values}, LIBRARY)
        profile = ClinicProfile.load()
    rows.own(PROFILE_KEY, profile)
    return profile, list(values)


def _load_site_rows(rows, tally, today):
    """People, locations and topics: those to make go through `import_site` together.

    Returns {key: row or None} for every row of the site file."""
    site, found, new = demo_site(), {}, {}
    for name, model in SITE_ROWS:
        for data in site.get(name) or []:
            key = _key(model, data["slug"])
            found[key], state = rows.find(model, key, {"slug": data["slug"]}, data)
            tally.add(name, state)
            if state != "new":
                continue
            if model is Location:
                data = _dated_location(data, today)
                tally.add("opening hours", "new", len(data.get("hours") or []))
                tally.add("closures and special hours", "new", len(data["exceptions"]))
            new.setdefault(name, []).append(data)
    import_site(new, LIBRARY)
    for name, model in SITE_ROWS:
        for data in new.get(name, []):
            key = _key(model, data["slug"])
            found[key] = model._default_manager.get(slug=data["slug"])
            rows.own(key, found[key])
    return found


def _article_front(front, found, profile, today):
    """The file's front matter as this site needs it, or None when its author or reviewer is
    gone: dates moved on, people and topics named by their slugs here (staff may have
    changed them), topics the clinic removed left out, the profile's disclaimer."""
    people = {}
    for role in ("author", "reviewer"):
        if front.get(role):
            person = found[_key(Person, front[role]["slug"])]
            if person is None:
                return None
            people[role] = front[role] | {"slug": person.slug}
    topics = [found[_key(Topic, data["slug"])] for data in front.get("topics") or []]
    published = front["status"] == Article.Status.PUBLISHED
    front = (
        front
        | people
        | {
            "topics": [{"name": topic.name, "slug": topic.slug} for topic in topics if topic],
            "publish_at": (
                _moved(front["publish_at"], today) if published else timezone.now().isoformat()
            ),
            "disclaimer": default_disclaimer(profile, article_language(front)),
        }
    )
    if front.get("reviewed_on"):
        reviewed_on = date.fromisoformat(front["reviewed_on"]) + (today - DATES_AS_OF)
        front["reviewed_on"] = min(reviewed_on, today).isoformat()
    return front


def _load_articles(rows, found, profile, tally, notes, today):
    originals = {}  # the library's translation key: the original on this site, or None
    for front, body in demo_articles():
        language, library_key = article_language(front), front.get("translation_key")
        is_original = language == default_language()
        label = "articles" if is_original else "translations"
        key = _key(Article, file_stem(front["slug"], language))
        front = _article_front(front, found, profile, today)
        original = None if is_original else originals.get(library_key)
        if front is None or not (is_original or original):
            # Its author, reviewer or original was removed: so was it.
            tally.add(label, "removed")
            continue
        if original:
            front["translation_key"] = str(original.translation_key)
        lookup = {"slug": front["slug"], "language": language}
        article, state = rows.find(Article, key, lookup, front)
        tally.add(label, state)
        if state == "new":
            with transaction.atomic(), article_revision(user=None, comment=REVISION_COMMENT):
                article, _, _ = save_article(front, body, LIBRARY)
                if original:
                    _based_on(article, original)
            rows.own(key, article)
            tally.add("studies", "new", len(front.get("studies") or []))
            if article.status != front["status"]:
                notes.append(f"“{article.title}” stays a draft: the clinic's rules keep it one.")
        if is_original:
            originals[library_key] = article


def _based_on(translation_row, original):
    """Mark a new translation up to date with its original as it stands now."""
    translation_row.source_version = latest_version(original)
    translation_row.source_synced_at = timezone.now()
    translation_row.save(update_fields=["source_version", "source_synced_at"])


def _create_admin(rows, include_removed):
    """Create the demo superuser unless it exists or was removed; True if created."""
    user_model = get_user_model()
    manager = user_model._default_manager
    lookup = {user_model.USERNAME_FIELD: ADMIN_USERNAME}
    has_record, user = recorded(ADMIN_KEY, user_model)
    existing = user or manager.filter(**lookup).first()
    if existing is not None:
        if not has_record and existing.check_password(ADMIN_PASSWORD):
            rows.own(ADMIN_KEY, existing)  # made before the demo recorded its rows
        return False
    if has_record and not include_removed:
        return False
    user = manager.create_superuser(**lookup, email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    rows.own(ADMIN_KEY, user)
    return True


def load_demo(*, include_removed=False, with_admin=False):
    """Load what is missing of the demo, in one transaction; returns a `Loaded` report."""
    today, tally, notes = timezone.localdate(), Tally(), []
    rows = DemoRows(include_removed=include_removed)
    with transaction.atomic():
        profile, changed = _load_profile(rows, include_removed)
        found = _load_site_rows(rows, tally, today)
        _load_articles(rows, found, profile, tally, notes, today)
        admin_created = _create_admin(rows, include_removed) if with_admin else None
        rows.save_records()
    return Loaded(profile, changed, tally, admin_created, notes)


def demo_admin_exists():
    """True while an account with the demo admin's username exists."""
    user_model = get_user_model()
    return user_model._default_manager.filter(
        **{user_model.USERNAME_FIELD: ADMIN_USERNAME}
    ).exists()
