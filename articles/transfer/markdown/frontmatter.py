"""YAML as the export folder holds it: no aliases, a bounded depth, and values of the right kind.

YAML's anchors and aliases (`&a`, `*a`) let a few hundred bytes stand for billions of values
(an "alias bomb"), and a safe loader still builds them. The export never writes one, so
reading refuses them outright, along with nesting deeper than any export has, before anything
is built. Each article's front matter is then checked field by field, so a wrong value is
named (“title should be text, not a list”) instead of failing somewhere later.
"""

from datetime import date

import yaml

from .files import PortabilityError

MAX_DEPTH = 20  # the export nests four levels deep (a study inside a list inside the file)
TEXT = (str,)
WHEN = (str, date)  # ISO text, or a date or time written without quotes (datetime is a date)
NOTHING = (type(None),)
ARTICLE_FIELDS = {  # name: (the kinds it may be, required)
    "format": ((int,), False),
    "id": ((int, *NOTHING), False),
    "title": (TEXT, True),
    "slug": (TEXT, True),
    "translation_key": ((str, *NOTHING), False),
    "summary": (TEXT, True),
    "status": (TEXT, False),
    "publish_at": (WHEN, True),
    "updated_at": ((*WHEN, *NOTHING), False),
    "author": ((dict,), True),
    "reviewer": ((dict, *NOTHING), False),
    "reviewed_on": ((*WHEN, *NOTHING), False),
    "topics": ((list,), False),
    "studies": ((list,), False),
    "disclaimer": (TEXT, True),
    "hero_image": ((str, *NOTHING), False),
    "hero_alt": ((str, *NOTHING), False),
    "hero_credit": ((str, *NOTHING), False),
    "imported_from": ((dict, *NOTHING), False),
    "fields": ((dict,), False),
    "changes": ((list, *NOTHING), False),
}
PERSON_FIELDS = {"name": TEXT, "slug": TEXT, "role_title": TEXT, "credentials": TEXT}
KIND_NAMES = {str: "text", int: "a whole number", date: "a date", dict: "a mapping",
              list: "a list", type(None): "empty"}  # fmt: skip


class _ExportLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors, aliases and deep nesting before anything is built."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise PortabilityError(
                f"it uses a YAML anchor or alias (“{event.anchor}”, line "
                f"{event.start_mark.line + 1}), which an export never writes; write the value "
                "out in full"
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise PortabilityError(
                    f"its YAML is nested more than {MAX_DEPTH} levels deep (line "
                    f"{event.start_mark.line + 1}), which an export never is"
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _ExportDumper(yaml.SafeDumper):
    """The safe dumper, writing every value out in full (never an anchor and an alias)."""

    def ignore_aliases(self, data):
        return True


def load_yaml(text, what):
    """The data in `text`; `PortabilityError` naming `what` when it is not valid YAML."""
    try:
        return yaml.load(text, Loader=_ExportLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise PortabilityError(f"{what} is not valid YAML ({error})") from error


def dump_yaml(data):
    return yaml.dump(data, Dumper=_ExportDumper, sort_keys=False, allow_unicode=True, width=100)


def check_front_matter(front):
    """Refuse front matter whose values are not of the kind the article's fields take."""
    for name, (kinds, required) in ARTICLE_FIELDS.items():
        if name not in front:
            if required:
                raise PortabilityError(f"the front matter has no {name!r}")
            continue
        _check(name, front[name], kinds)
    for role in ("author", "reviewer"):
        if isinstance(front.get(role), dict):
            _check_person(role, front[role])
    for number, topic in enumerate(front.get("topics") or [], start=1):
        _check(f"topics {number}", topic, (dict,))
        for key in ("name", "slug"):
            _check(f"topics {number} {key}", topic.get(key), TEXT)
    for key in ("studies", "changes"):
        for number, row in enumerate(front.get(key) or [], start=1):
            _check(f"{key} {number}", row, (dict,))
    if isinstance(front.get("imported_from"), dict):
        _check("imported_from key", front["imported_from"].get("key"), TEXT)


def _check_person(role, person):
    for key, kinds in PERSON_FIELDS.items():
        if key in person or key in {"name", "slug"}:
            _check(f"{role} {key}", person.get(key), kinds)


def _check(name, value, kinds):
    if isinstance(value, bool) and bool not in kinds:  # YAML's yes/no are not numbers or text
        kinds_ok = False
    else:
        kinds_ok = isinstance(value, kinds)
    if not kinds_ok:
        wanted = " or ".join(dict.fromkeys(KIND_NAMES.get(kind, kind.__name__) for kind in kinds))
        found = KIND_NAMES.get(type(value)) or (
            "a date" if isinstance(value, date) else type(value).__name__
        )
        raise PortabilityError(f"the front matter's {name!r} should be {wanted}, not {found}")
