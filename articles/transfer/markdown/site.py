"""Everything around the articles, in `site.yaml` beside them: what a round trip must restore.

The clinic profile, people (every field, active or not, their order and photos), topics with
their descriptions, locations with their opening hours and closures, the glossary, the search
synonym list, and every redirect. Fields
are written generically, so a field added to one of these models later comes across too.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article, GlossaryTerm, SynonymGroup, Topic
from clinic.domain.models import (
    ClinicProfile,
    Location,
    LocationException,
    OpeningHours,
    Person,
    Redirect,
)

from .files import PortabilityError, apply_data, file_stem, model_data, plain, save_numbered
from .frontmatter import dump_yaml, load_yaml

SITE_FILE = "site.yaml"
SITE_FORMAT = 1
LOCATION_CHILDREN = {"hours": OpeningHours, "exceptions": LocationException}


def export_site(directory):
    """Write `directory/site.yaml`; returns its path."""
    directory = Path(directory)
    profile = ClinicProfile.objects.first()
    data = {
        "format": SITE_FORMAT,
        "clinic_profile": model_data(profile, directory) if profile else None,
        "people": [model_data(p, directory) for p in Person.objects.order_by("position", "pk")],
        "topics": [model_data(t, directory) for t in Topic.objects.order_by("pk")],
        "locations": [_location_data(loc, directory) for loc in Location.objects.order_by("pk")],
        "glossary": [model_data(t, directory) for t in GlossaryTerm.objects.order_by("pk")],
        "synonym_groups": [model_data(g, directory) for g in SynonymGroup.objects.order_by("pk")],
        # Read back in this order, an empty site gives each article the number it had.
        "article_order": [
            file_stem(slug, language)
            for slug, language in Article.objects.order_by("pk").values_list("slug", "language")
        ],
        "redirects": [_redirect_data(r) for r in Redirect.objects.order_by("old_path")],
    }
    path = directory / SITE_FILE
    text = dump_yaml(data)
    path.write_text(text, encoding="utf-8")
    return path


def _redirect_data(redirect):
    data = {"old_path": redirect.old_path, "new_path": redirect.new_path}
    if not redirect.is_active:
        data["is_active"] = False
    if redirect.is_external_allowed:  # a superuser's decision, read back only from this key
        data["is_external_allowed"] = True
    data["created_at"] = plain(redirect.created_at)
    return data


def _location_data(location, directory):
    data = model_data(location, directory)
    for name in LOCATION_CHILDREN:
        rows = getattr(location, name).order_by("pk")
        data[name] = [model_data(row, directory) for row in rows]
    return data


def read_site(directory):
    """The parsed `site.yaml` of `directory`, or None when the folder has none."""
    path = Path(directory, SITE_FILE)
    if not path.is_file():
        return None
    data = load_yaml(path.read_text(encoding="utf-8"), SITE_FILE)
    if not isinstance(data, dict):
        raise PortabilityError(f"{SITE_FILE} does not hold the site's settings")
    if data.get("format", SITE_FORMAT) > SITE_FORMAT:
        raise PortabilityError(f"{SITE_FILE} was written by a newer version of this site")
    return data


@transaction.atomic
def import_site(data, directory):
    """Create or update the profile, people, topics and locations of `data`, matched by slug."""
    if data.get("clinic_profile"):
        profile = ClinicProfile.objects.first() or ClinicProfile()
        apply_data(profile, data["clinic_profile"], directory)
        _save(profile)
    for row in data.get("people") or []:
        _save(_by_slug(Person, row, directory))
    for row in data.get("topics") or []:
        _save(_by_slug(Topic, row, directory))
    for row in data.get("glossary") or []:
        _save(_by_slug(GlossaryTerm, row, directory))
    for row in data.get("synonym_groups") or []:
        group = SynonymGroup.objects.filter(terms=row["terms"]).first() or SynonymGroup()
        apply_data(group, row, directory)
        _save(group)
    for row in data.get("locations") or []:
        location = _by_slug(Location, row, directory)
        _save(location)
        for name, model in LOCATION_CHILDREN.items():
            getattr(location, name).all().delete()
            for child in row.get(name) or []:
                instance = model(location=location)
                apply_data(instance, child, directory)
                _save(instance)


@transaction.atomic
def import_redirects(data):
    """Every redirect of `data`, as it was (after the articles, whose saves may add their own).

    Each is checked as the admin checks it: a target off this site is refused unless the row
    itself says `is_external_allowed: true` (as the export writes for the redirects a superuser
    allowed). Returns (row, reason) for each redirect not imported.
    """
    refused = []
    for number, row in enumerate(data.get("redirects") or [], start=1):
        name = f"{SITE_FILE}, redirect {number}"
        try:
            name += f" ({row['old_path']} → {row['new_path']})"
            _import_redirect(row)
        except ValidationError as error:
            refused.append((name, "; ".join(error.messages)))
        except (KeyError, TypeError, AttributeError):
            refused.append((name, "a redirect needs an old_path and a new_path"))
    return refused


def _import_redirect(row):
    redirect = Redirect.objects.filter(old_path=row["old_path"]).first() or Redirect()
    redirect.old_path, redirect.new_path = str(row["old_path"]), str(row["new_path"])
    redirect.is_active = row.get("is_active", True) is not False
    redirect.is_external_allowed = row.get("is_external_allowed", False) is True
    redirect.full_clean()
    redirect.save()


def _by_slug(model, row, directory):
    instance = model.objects.filter(slug=row["slug"]).first() or model()
    apply_data(instance, row, directory)
    return instance


def _save(instance):
    save_numbered(instance)
