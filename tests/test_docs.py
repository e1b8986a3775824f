"""The documentation keeps up with the code: every environment variable the project reads is in
the operators' configuration tables, and nothing is documented that the code does not read."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The modules that read the running site's environment: Django's settings and gunicorn's.
SETTINGS_MODULES = [
    "clinic/config/settings.py",
    "clinic/config/env.py",
    "clinic/config/gunicorn.py",
]
# os.environ.get("NAME" / os.environ["NAME" / env_int("NAME" and the other typed readers.
READ = re.compile(
    r'(?:os\.environ(?:\.get)?\s*[(\[]|env_(?:bool|int|float|list)\()\s*"([A-Z][A-Z0-9_]+)"'
)
TABLE_ROW = re.compile(r"^\| ([^|]+) \|", re.MULTILINE)
NAME = re.compile(r"`([A-Z][A-Z0-9_]+)`")


def variables_read():
    return {name for path in SETTINGS_MODULES for name in READ.findall((ROOT / path).read_text())}


def variables_documented():
    section = (ROOT / "docs/operators.md").read_text().split("## Configuration", 1)[1]
    section = section.split("\n## ", 1)[0]
    return {name for cell in TABLE_ROW.findall(section) for name in NAME.findall(cell)}


def test_the_settings_read_some_variables():
    # Guards the pattern itself: a change in how settings read the environment must not make
    # the comparison below pass by finding nothing.
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "GUNICORN_BIND"} <= variables_read()


def test_every_variable_the_site_reads_is_documented_for_operators():
    assert variables_read() - variables_documented() == set()


def test_every_documented_variable_is_read_by_the_site():
    assert variables_documented() - variables_read() == set()


def test_the_readme_stays_short():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 150
