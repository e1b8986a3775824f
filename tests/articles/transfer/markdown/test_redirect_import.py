"""Redirects read back from `site.yaml` are checked as the admin checks them."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from clinic.domain.models import Redirect

pytestmark = pytest.mark.django_db


def import_site_file(folder, redirects):
    (folder / "site.yaml").write_text(yaml.safe_dump({"format": 1, "redirects": redirects}))
    output = StringIO()
    try:
        call_command("import_markdown", str(folder), stdout=output)
    except CommandError as error:
        return output.getvalue(), str(error)
    return output.getvalue(), None


def test_targets_off_the_site_are_refused_row_by_row_and_the_rest_imported(tmp_path):
    output, error = import_site_file(tmp_path, [
        {"old_path": "/moved/", "new_path": "/articles/moved/"},
        {"old_path": "/phish/", "new_path": "https://evil.example/phish"},
        {"old_path": "/slashes/", "new_path": "//evil.example/phish"},
        {"old_path": "/script/", "new_path": "javascript:alert(1)"},
        {"old_path": "/backslash/", "new_path": "/\\evil.example"},
        {"old_path": "/no-target/"},
    ])  # fmt: skip

    assert list(Redirect.objects.values_list("old_path", "new_path")) == [
        ("/moved/", "/articles/moved/")
    ]
    assert error == "5 file(s) or redirect(s) could not be imported; see above."
    assert (
        "site.yaml, redirect 2 (/phish/ → https://evil.example/phish): A redirect leads" in output
    )
    for row in ["redirect 3 (/slashes/", "redirect 4 (/script/", "redirect 5 (/backslash/"]:
        assert f"site.yaml, {row}" in output
    assert "site.yaml, redirect 6: a redirect needs an old_path and a new_path" in output


def test_an_address_elsewhere_comes_in_only_when_the_row_says_a_superuser_allowed_it(tmp_path):
    rows = [
        {"old_path": "/partner/", "new_path": "https://partner.example/page",
         "is_external_allowed": True},
        {"old_path": "/unsure/", "new_path": "https://partner.example/other",
         "is_external_allowed": "yes"},
        {"old_path": "/http/", "new_path": "http://partner.example/", "is_external_allowed": True},
    ]  # fmt: skip
    output, error = import_site_file(tmp_path, rows)

    redirect = Redirect.objects.get()
    assert (redirect.old_path, redirect.is_external_allowed) == ("/partner/", True)
    assert "redirect 2 (/unsure/" in output and "redirect 3 (/http/" in output


def test_the_export_carries_the_superusers_decision_and_switched_off_rows(tmp_path):
    Redirect.objects.create(old_path="/a/", new_path="https://p.example/", is_external_allowed=True)
    Redirect.objects.create(old_path="/b/", new_path="/articles/b/", is_active=False)
    call_command("export_markdown", str(tmp_path), stdout=StringIO())
    Redirect.objects.all().delete()

    call_command("import_markdown", str(tmp_path), stdout=StringIO())

    rows = Redirect.objects.values_list("old_path", "new_path", "is_active", "is_external_allowed")
    assert list(rows) == [
        ("/a/", "https://p.example/", True, True),
        ("/b/", "/articles/b/", False, False),
    ]
