"""Redirects stored by earlier versions with a target off the site are switched off, not lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("clinic", "0010_editorial_policy")]
AFTER = [("clinic", "0011_redirect_targets_on_this_site")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_unsafe_targets_are_switched_off_and_kept(capsys):
    old = migrate(BEFORE).get_model("clinic", "Redirect")
    targets = {
        "/moved/": "/articles/moved/",
        "/phish/": "https://evil.example/phish",
        "/slashes/": "//evil.example/phish",
        "/backslash/": "/\\evil.example",
        "/script/": "javascript:alert(1)",
    }
    for old_path, new_path in targets.items():
        old.objects.create(old_path=old_path, new_path=new_path)
    try:
        new = migrate(AFTER).get_model("clinic", "Redirect")
        rows = {r.old_path: (r.new_path, r.is_active) for r in new.objects.all()}
        assert rows == {
            old_path: (new_path, old_path == "/moved/") for old_path, new_path in targets.items()
        }
        assert not new.objects.filter(is_external_allowed=True).exists()
        assert "Switched off the redirect '/phish/'" in capsys.readouterr().out
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
