"""Every command the README and docs/ show runs as written on a fresh clone after `make run`.

The commands are read from the pages' code blocks: each line that runs `.venv/bin/python
manage.py` or `make` (after any `NAME=value` prefixes) is either run here or skipped by design
with its reason, and a new command in the docs fails `test_every_documented_command_is_run_or
_skipped_by_design` until it is one or the other.

They run in a folder standing for the clone (links to manage.py, the Makefile and the virtualenv)
with a laptop's environment: nothing set but where the database, uploads, static files and
backups go, all in a temporary folder. First the steps of `make run` before it serves (read
from `make -n run`: migrate, load_demo), then each command, which must exit with status 0.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
COMMAND = re.compile(r"^(?:[A-Z_]+=\S*\s+)*(?:\.venv/bin/python manage\.py|make)\s")
MANAGE = ".venv/bin/python manage.py"
# The exports the pages name, from the importers' own test fixtures.
FIXTURES = ROOT / "tests/articles/transfer"
EXPORTS = {
    "export.xml": FIXTURES / "wordpress/fixtures/constructs/squarespace.xml",
    "Posts.csv": FIXTURES / "fixtures/wix-clinic-posts.csv",
    "ghost.json": FIXTURES / "fixtures/ghost-4.1-export.trimmed.json",
}
PASSWORD = "harbour-laptop-password-2026"  # noqa: S105 - a throwaway database's

# In the order a clinic works through the pages after `make run`.
RUN = [
    f"{MANAGE} migrate",
    f"{MANAGE} collectstatic --noinput",
    f"{MANAGE} check --deploy",
    f"{MANAGE} createsuperuser",
    f'{MANAGE} create_staff_user --role marketing --email sam@clinic.example --name "Sam Lee"',
    f"{MANAGE} create_staff_user --role front-desk --email desk@clinic.example",
    f"{MANAGE} changepassword sam@clinic.example",
    f"{MANAGE} axes_reset_username sam@clinic.example",
    f"{MANAGE} clearsessions",
    f"{MANAGE} axes_reset_logs --age 90",
    f"{MANAGE} review_report --days 30 --email",
    f"{MANAGE} import_export export.xml --dry-run",
    f"{MANAGE} import_export Posts.csv",
    f"{MANAGE} import_export ghost.json --pages --publish-published",
    f"{MANAGE} export_markdown library/",
    f"{MANAGE} import_markdown library/",
    "make backup",
    f"{MANAGE} remove_demo --dry-run",
    f"{MANAGE} remove_demo",
]
# What the commands that ask at the terminal are told, prompt by prompt.
ANSWERS = {
    f"{MANAGE} createsuperuser": [
        (r"Username[^:]*: ", "owner@clinic.example"),
        (r"Email address: ", "owner@clinic.example"),
        (r"Password: ", PASSWORD),
        (r"Password \(again\): ", PASSWORD),
    ],
    f"{MANAGE} changepassword sam@clinic.example": [
        (r"Password: ", PASSWORD),
        (r"Password \(again\): ", PASSWORD),
    ],
}
LIVE_SITE = "reads a live site over the internet; tests/articles/transfer/site/ imports a local one"
SKIPPED = {
    "make run": "serves until stopped; its steps before serving (migrate, load_demo) run first",
    "make test": "the test suite itself",
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic make test": (
        "the suite again on PostgreSQL: CI's second pass (.ci/run)"
    ),
    "make audit": "asks PyPI's JSON API over the internet",
    ".venv/bin/python manage.py compilemessages -l fr": (
        "tests/test_translations.py compiles the catalogue and compares it with the committed one"
    ),
    ".venv/bin/python manage.py makemessages -l fr --no-obsolete --add-location file  --ignore "
    '"templates/admin/*" --ignore "templates/reversion*" --ignore "tests/*"  --ignore '
    '"node_modules/*" --ignore "docs/*" --ignore "staticfiles/*" --ignore "media/*"': (
        "rewrites the catalogue; tests/test_translations.py checks every marked string is in it"
    ),
    "make restore BACKUP=backups/20250101T020000Z": (
        "names a backup by the time it was made and needs an empty database; "
        "tests/clinic/operations/test_backups.py backs up and restores"
    ),
    f"{MANAGE} import_site https://www.example-clinic.org --dry-run": LIVE_SITE,
    f"{MANAGE} import_site https://www.example-clinic.org": LIVE_SITE,
    f"{MANAGE} import_site https://www.example-clinic.org/blog --fetch-images": LIVE_SITE,
    f"DEBUG=0 SECRET_KEY=… ALLOWED_HOSTS=… {MANAGE} check --deploy --fail-level WARNING": (
        "a server's values go in the …; tests/security/test_deploy_check.py runs it with real ones"
    ),
}


def documented_commands():
    """{command: the pages showing it}, from every code block of the README and docs/."""
    found = {}
    for page in PAGES:
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            for line in re.sub(r"\\\n\s*", " ", block).splitlines():
                line = re.sub(r"\s+#.*$", "", line).strip()  # a comment after the command
                if COMMAND.match(line):
                    found.setdefault(line, []).append(page.relative_to(ROOT).as_posix())
    return found


def test_the_docs_show_commands_to_check():
    # Guards the pattern: a change of how the pages write commands must not leave nothing to run.
    assert {"make run", f"{MANAGE} createsuperuser"} <= documented_commands().keys()


def test_every_documented_command_is_run_or_skipped_by_design():
    documented = documented_commands()
    assert set(RUN).isdisjoint(SKIPPED)
    assert sorted(documented.keys() - set(RUN) - SKIPPED.keys()) == [], "new: run or skip it"
    assert sorted((set(RUN) | SKIPPED.keys()) - documented.keys()) == [], "no longer documented"
    assert set(ANSWERS) <= set(RUN)


@pytest.fixture
def clone(tmp_path):
    """A folder standing for a fresh clone, and a laptop's environment pointing into tmp_path."""
    folder = tmp_path / "clone"
    folder.mkdir()
    for name in ["manage.py", "Makefile", "pyproject.toml"]:
        (folder / name).symlink_to(ROOT / name)
    (folder / ".venv").symlink_to(Path(sys.prefix))
    for name, fixture in EXPORTS.items():
        shutil.copy(fixture, folder / name)
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    return folder, environment


def shell(command, folder, environment):
    return subprocess.run(  # noqa: S603 - the documented command, in a throwaway folder
        ["/bin/bash", "-c", command], cwd=folder, env=environment, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def answered(command, folder, environment):
    """Run `command` at a terminal, answering its prompts; returns (status, what it showed)."""
    child = pexpect.spawn("/bin/bash", ["-c", command], cwd=str(folder), env=environment,
                          encoding="utf-8", timeout=120)  # fmt: skip
    for prompt, answer in ANSWERS[command]:
        child.expect(prompt)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def make_run_steps(folder, environment):
    """The commands `make run` runs before it serves, as make itself prints them."""
    planned = shell("make -n run", folder, environment)
    assert planned.returncode == 0, planned.stderr
    wanted = re.compile(r"manage\.py (migrate|load_demo)")
    steps = [line for line in planned.stdout.splitlines() if wanted.search(line)]
    assert len(steps) == 2, planned.stdout
    return steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="runs once, in the SQLite pass")
def test_every_documented_command_runs_as_written_after_make_run(clone):
    folder, environment = clone
    installed = shell("make -q .venv/.installed-stamp", folder, environment)
    assert installed.returncode == 0, "the virtualenv is older than pyproject.toml: make install"
    for step in make_run_steps(folder, environment):
        result = shell(step, folder, environment)
        assert result.returncode == 0, (step, result.stdout, result.stderr)

    for command in RUN:
        if command in ANSWERS:
            status, shown = answered(command, folder, environment)
            assert status == 0, (command, shown)
        else:
            result = shell(command, folder, environment)
            assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert (folder / "library" / "site.yaml").is_file()
    assert any((Path(environment["BACKUP_DIR"])).iterdir())
