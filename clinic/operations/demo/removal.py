"""Taking the demo away again (`manage.py remove_demo`), leaving the clinic's own work.

Removed: demo articles (with their studies), locations (with their hours), topics and people
that nobody has edited since `load_demo` made them (`records`), the
profile wording the demo filled in while it is still the demo's, and the demo admin account
while it still has the demo's public password. Kept, and reported: anything edited since,
topics still used by an article the clinic keeps, people still named on one, and an original
whose translation the clinic keeps (the translation shows the original's studies).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.db.models.deletion import ProtectedError

from articles.models import Article, Topic
from clinic.domain.models import ClinicProfile, DemoRecord, Location, Person

from . import ADMIN_PASSWORD, ADMIN_USERNAME
from .loader import demo_profile
from .records import is_unchanged, records_of

# In this order: articles first, so topics and people are free of them when their turn comes.
MODELS = [("articles", Article), ("locations", Location), ("topics", Topic), ("people", Person)]


@dataclass
class Removal:
    removed: dict = field(default_factory=dict)  # label: [str(row), ...]
    kept: list = field(default_factory=list)  # "label “name”: why"
    profile_fields: list = field(default_factory=list)
    removed_articles: list = field(default_factory=list)  # primary keys
    admin_removed: bool = False
    no_superuser_left: bool = False


def _still_needed(label, row, removed_articles):
    """Why a row the demo made must stay even though nobody edited it, or ""."""
    kept_articles = Article.objects.exclude(pk__in=removed_articles)
    if label == "articles" and row.is_original:
        translations = kept_articles.filter(translation_key=row.translation_key)
        if translations.exclude(pk=row.pk).exists():
            return "the original of a translation you keep"
    if label == "topics" and kept_articles.filter(topics=row).exists():
        return "still a topic of articles you keep"
    if label == "people" and kept_articles.filter(Q(author=row) | Q(reviewer=row)).exists():
        return "still the author or reviewer of articles you keep"
    return ""


def _remove_rows(label, model, result, dry_run):
    records = records_of(model).items()
    if model is Article:  # translations first, so an original knows whether one stays
        records = sorted(records, key=lambda item: item[1] is None or item[1].is_original)
    for entry, row in records:
        if row is None:
            continue  # already gone
        if not is_unchanged(entry, row):
            result.kept.append(f"{label}: “{row}” (edited since the demo was loaded)")
            continue
        if reason := _still_needed(label, row, result.removed_articles):
            result.kept.append(f"{label}: “{row}” ({reason})")
            continue
        result.removed.setdefault(label, []).append(str(row))
        if model is Article:
            result.removed_articles.append(row.pk)
        if not dry_run:
            try:
                with transaction.atomic():
                    row.delete()
            except ProtectedError:
                result.removed[label].pop()
                result.kept.append(f"{label}: “{row}” (other content still refers to it)")


def _reset_profile(result, dry_run):
    """Put back the defaults of profile fields that still hold the demo's values."""
    profile = ClinicProfile.load()
    for name, value in demo_profile().items():
        if getattr(profile, name) == value:
            setattr(profile, name, ClinicProfile._meta.get_field(name).get_default())
            result.profile_fields.append(name)
    if result.profile_fields and not dry_run:
        profile.save(update_fields=result.profile_fields)


def _remove_admin(result, dry_run):
    user = get_user_model()._default_manager.filter(username=ADMIN_USERNAME).first()
    if user is None:
        return
    if not user.check_password(ADMIN_PASSWORD):
        result.kept.append(f"account “{user}” (its password was changed, so it is yours now)")
        return
    result.admin_removed = True
    others = get_user_model()._default_manager.filter(is_superuser=True, is_active=True)
    result.no_superuser_left = not others.exclude(pk=user.pk).exists()
    if not dry_run:
        user.delete()


def remove_demo(*, dry_run=False):
    """Remove what is left of the demo; returns a Removal report. Nothing when dry_run."""
    result = Removal()
    with transaction.atomic():
        for label, model in MODELS:
            _remove_rows(label, model, result, dry_run)
        _reset_profile(result, dry_run)
        _remove_admin(result, dry_run)
        if not dry_run:  # the keys stay: load_demo will not bring these rows back
            DemoRecord.objects.update(fingerprint="")
    return result
