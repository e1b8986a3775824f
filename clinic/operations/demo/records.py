"""Which rows the demo loader made, and whether the clinic has changed them since.

The loader records each row it creates under a key taken from the demo data (never from
a title or slug staff can edit) with a fingerprint of its fields; `remove_demo` removes a
row only while the fingerprint still matches. Rows are changed by every admin save (it
moves `edit_version` on), so a demo article or location that staff opened and saved, or
whose studies or hours they edited, counts as the clinic's own and stays.
"""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.db import models

from clinic.domain.models import DemoRecord

# Fields that change without anyone editing the row.
_IGNORED = {"modified_at", "created_at", "preview_key", "last_login"}


def fingerprint(row):
    """A hash of the row's own field values (not its primary key or timestamps)."""
    values = {}
    for field in row._meta.concrete_fields:
        if field.primary_key or field.name in _IGNORED or getattr(field, "auto_now", False):
            continue
        if isinstance(field, models.FileField):  # files by their stored name
            values[field.attname] = getattr(row, field.attname).name or ""
        else:
            values[field.attname] = field.value_to_string(row)
    encoded = json.dumps(values, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def record(key, row):
    """Remember that the demo made `row` under `key`, as it is now."""
    DemoRecord.objects.update_or_create(
        key=key,
        defaults={
            "content_type": ContentType.objects.get_for_model(row, for_concrete_model=True),
            "object_id": str(row.pk),
            "fingerprint": fingerprint(row),
        },
    )


def recorded(key, model):
    """(is there a record for `key`, the row it names or None if that row is gone)."""
    entry = DemoRecord.objects.filter(key=key).first()
    if entry is None:
        return False, None
    return True, model._default_manager.filter(pk=entry.object_id).first()


def is_unchanged(entry, row):
    return entry.fingerprint == fingerprint(row)


def records_of(model):
    """{DemoRecord: row or None} for every record naming a row of `model`."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    entries = list(DemoRecord.objects.filter(content_type=content_type))
    rows = model._default_manager.in_bulk([entry.object_id for entry in entries])
    return {entry: rows.get(_pk(model, entry.object_id)) for entry in entries}


def _pk(model, object_id):
    return model._meta.pk.to_python(object_id)


def _matches(row, values):
    """True when the row still has the demo's title or name (what identifies it to people;
    publish times, statuses and the like move on by themselves)."""
    identity = [name for name in ("title", "name") if name in values]
    return bool(identity) and all(getattr(row, name) == values[name] for name in identity)


class DemoRows:
    """Finds demo rows by key, and records the ones the demo owns at the end."""

    def __init__(self, *, include_removed=False):
        self.include_removed = include_removed
        self.owned = {}  # key: row, recorded by `save_records`

    def find(self, model, key, lookup, values):
        """(row, state): "kept" with the row already there, "removed" (None) for one the
        clinic removed, "new" (None) for one to make (then `own` it).

        A row the demo made earlier is found by its key even after staff renamed it; one
        the clinic removed is not made again (unless include_removed). A row from before
        keys were recorded is found by `lookup` and adopted if it still holds the demo's
        values; a row of the clinic's own that happens to match `lookup` is never changed.
        """
        has_record, row = recorded(key, model)
        if row is not None:
            return row, "kept"
        if has_record and not self.include_removed:
            return None, "removed"
        existing = model._default_manager.filter(**lookup).first()
        if existing is not None:
            if not has_record and _matches(existing, values):
                self.owned[key] = existing
            return existing, "kept"
        return None, "new"

    def own(self, key, row):
        self.owned[key] = row

    def save_records(self):
        for key, row in self.owned.items():
            row.refresh_from_db()
            record(key, row)
