"""Each translation catalogue is complete, its compiled file matches it, and it holds every
string the code marks for translation."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
# What `makemessages` leaves out: the staff admin stays in English; tests and docs are not site.
IGNORED = ["templates/admin/*", "templates/reversion*", "tests/*", "node_modules/*", "docs/*",
           "staticfiles/*", "media/*", ".venv/*"]  # fmt: skip


def catalogues():
    return sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))


def entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def test_every_language_but_the_default_has_a_catalogue():
    others = {code for code, _ in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    assert others <= {path.parts[-3] for path in catalogues()}


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: path.parts[-3])
def test_every_entry_is_translated_and_none_is_fuzzy(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.metadata_is_fuzzy
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert len(entries(catalogue)) > 300


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: path.parts[-3])
def test_the_compiled_catalogue_says_what_the_text_one_says(path):
    def pairs(catalogue):
        return {
            (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
            for entry in entries(catalogue)
        }

    text, compiled = polib.pofile(str(path)), polib.mofile(str(path.with_suffix(".mo")))
    compiled_pairs = {key: value for key, value in pairs(compiled).items() if key[1]}
    assert compiled_pairs == pairs(text)


def test_each_placeholder_of_the_english_is_in_its_translation():
    for path in catalogues():
        for entry in entries(polib.pofile(str(path))):
            for translation in entry.msgstr_plural.values() or [entry.msgstr]:
                for placeholder in ("{home}", "{articles}", "<a ", "</a>", "<strong>", "<kbd>"):
                    assert entry.msgid.count(placeholder) == translation.count(placeholder), (
                        path,
                        entry.msgid,
                    )


def test_the_catalogues_hold_every_string_the_code_marks(tmp_path, settings):
    """`makemessages` over a copy of the code finds nothing that the catalogues lack (a copy:
    over the project itself it would rewrite the catalogues)."""
    if not shutil.which("xgettext"):
        if os.environ.get("REQUIRE_GETTEXT") == "1":
            pytest.fail("gettext (xgettext) is not installed")
        pytest.skip("gettext (xgettext) is not installed")
    for folder in ("articles", "clinic", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns(*IGNORED))
    (tmp_path / "locale").mkdir()
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=["fr"], ignore_patterns=IGNORED, verbosity=0)
    finally:
        os.chdir(here)
    found = polib.pofile(str(tmp_path / "locale/fr/LC_MESSAGES/django.po"))
    marked = {(entry.msgctxt, entry.msgid) for entry in found}
    assert len(marked) > 300
    for path in catalogues():
        held = {(entry.msgctxt, entry.msgid) for entry in entries(polib.pofile(str(path)))}
        assert marked - held == set(), path
