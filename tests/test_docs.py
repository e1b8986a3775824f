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
# os.environ.get("NAME" / os.environ["NAME" / env_int("NAME" and the other typed readers
# (languages_from_env("LANGUAGES" too).
READ = re.compile(
    r'(?:os\.environ(?:\.get)?\s*[(\[]|(?:env_(?:bool|int|float|list)|languages_from_env)\()\s*"([A-Z][A-Z0-9_]+)"'
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


# The code map: every package folder says its job, once in its docstring and once in the README.
NOT_OURS = {"migrations", "management", "commands"}  # Django's own folders, named by convention
MAP_ROW = re.compile(r"^\| `([^`]+)/` \| (.+) \|$", re.MULTILINE)


def package_folders():
    return sorted(
        init.parent.relative_to(ROOT).as_posix()
        for top in ("articles", "clinic")
        for init in (ROOT / top).glob("**/__init__.py")
        if not NOT_OURS & set(init.parent.relative_to(ROOT).parts)
    )


def summary_line(folder):
    import ast

    docstring = ast.get_docstring(ast.parse((ROOT / folder / "__init__.py").read_text()))
    return (docstring or "").split("\n\n", 1)[0]


def readme_map():
    section = (ROOT / "README.md").read_text().split("## The code, by folder", 1)[1]
    return dict(MAP_ROW.findall(section))


def test_the_package_folders_are_found():
    assert {"articles", "articles/admin", "clinic/site", "clinic/domain/models"} <= set(
        package_folders()
    )


def test_every_package_folder_says_its_job_in_one_line():
    unsaid = [folder for folder in package_folders() if not summary_line(folder)]
    assert unsaid == []
    wrapped = [folder for folder in package_folders() if "\n" in summary_line(folder)]
    assert wrapped == [], "the first paragraph of these docstrings runs over one line"


def test_the_readme_map_has_one_line_per_package_folder_with_its_job():
    rows = readme_map()
    assert {folder: rows.get(folder) for folder in package_folders()} == {
        folder: summary_line(folder) for folder in package_folders()
    }


def test_the_readme_map_names_only_folders_that_exist():
    assert [folder for folder in readme_map() if not (ROOT / folder).is_dir()] == []
