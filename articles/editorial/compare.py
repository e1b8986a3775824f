"""What changed between two revisions of an article: field by field, word by word.

Text is compared a word at a time (difflib), so “eased” against “increased” shows one word
replaced, not letters. Studies are matched by identity, so a changed study shows which of its
fields changed rather than the whole study removed and added again.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from articles.models import Article, Study

_TOKENS = re.compile(r"\s+|[^\s]+")
EMPTY = "(empty)"


def word_diff(old, new):
    """HTML of `new` against `old`: removed words in <del>, added words in <ins>."""
    # Browsers send line breaks as CRLF; a text saved from a script has LF. Not a change.
    before = _TOKENS.findall((old or "").replace("\r\n", "\n"))
    after = _TOKENS.findall((new or "").replace("\r\n", "\n"))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if tag == "equal" or (removed + added).isspace() and removed and added:
            parts.append(escape(added))  # the same words, or only the spacing changed
            continue
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part escaped


@dataclass
class FieldChange:
    label: str
    diff: str


@dataclass
class StudyChange:
    title: str
    state: str  # "added", "removed" or "changed"
    fields: list = field(default_factory=list)


def display(model_field, value):
    """A stored value as an editor would recognise it."""
    if value in (None, "", []):
        return EMPTY
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.many_to_many or model_field.is_relation:
        pks = value if model_field.many_to_many else [value]
        names = [str(row) for row in model_field.related_model.objects.filter(pk__in=pks)]
        return ", ".join(sorted(names)) or "(since deleted)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(model_field, models.DateTimeField):
        return format_date(timezone.localtime(value), "j F Y, H:i")
    if isinstance(model_field, models.DateField):
        return format_date(value, "j F Y")
    return str(value)


def _comparable(model, exclude):
    return [
        model_field
        for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if model_field.name not in exclude and not model_field.primary_key
    ]


def field_changes(model, old, new, exclude=()):
    """A FieldChange for each field of `model` whose value differs between the two dicts."""
    changes = []
    for model_field in _comparable(model, exclude):
        key = model_field.attname
        before, after = old.get(key), new.get(key)
        if model_field.many_to_many:
            before, after = sorted(map(str, before or [])), sorted(map(str, after or []))
        if before == after:
            continue
        label = capfirst(model_field.verbose_name)
        if isinstance(model_field, models.CharField | models.TextField) and not (
            model_field.choices
        ):
            changes.append(FieldChange(label, word_diff(before, after)))
        else:
            shown = display(model_field, before), display(model_field, after)
            changes.append(FieldChange(label, word_diff(*shown)))
    return changes


def _studies(version):
    rows = version.revision.version_set.filter(
        content_type__app_label="articles", content_type__model="study"
    )
    found = {row.object_id: row.field_dict for row in rows}
    return {
        pk: data for pk, data in found.items() if str(data.get("article_id")) == version.object_id
    }


def study_changes(old_version, new_version):
    """Studies added, removed and changed (field by field) between two article revisions."""
    before, after = _studies(old_version), _studies(new_version)
    exclude = {"article"}
    changes = []
    for pk, data in sorted(after.items(), key=lambda item: item[1].get("position") or 0):
        if pk not in before:
            changes.append(
                StudyChange(data["title"], "added", field_changes(Study, {}, data, exclude))
            )
        elif fields := field_changes(Study, before[pk], data, exclude):
            changes.append(StudyChange(data["title"], "changed", fields))
    for pk, data in before.items():
        if pk not in after:
            changes.append(StudyChange(data["title"], "removed"))
    return changes


def article_changes(old_version, new_version, exclude=()):
    """(field changes, study changes) from the older revision to the newer one."""
    fields = field_changes(Article, old_version.field_dict, new_version.field_dict, exclude)
    return fields, study_changes(old_version, new_version)
