"""Production settings: `check --deploy` is clean, and security settings follow the environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "clinic.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://clinic.example.org,https://www.clinic.example.org",
    "TRUST_X_FORWARDED_PROTO": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run(args, tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DEBUG", "SECRET_KEY", "SECURE_", "SESSION_", "CSRF_", "CACHE_URL"))
        # Set by the browser tests' fixture when they ran earlier in this test process.
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="clinic.config.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **PRODUCTION,
    )
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def production_settings(tmp_path, **env):
    names = [
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE", "CSRF_TRUSTED_ORIGINS",
        "SESSION_COOKIE_AGE", "AXES_FAILURE_LIMIT",
    ]  # fmt: skip
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = run(["-c", code], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_under_production_settings(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean_with_hsts_preload_chosen(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_defaults_are_secure(tmp_path):
    values = production_settings(tmp_path)
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False, "preload is a one-way choice, off by default"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_AGE"] == 60 * 60
    assert values["AXES_FAILURE_LIMIT"] == 5


def test_proxy_header_and_trusted_origins_come_from_the_environment(tmp_path):
    values = production_settings(tmp_path)
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["CSRF_TRUSTED_ORIGINS"] == [
        "https://clinic.example.org",
        "https://www.clinic.example.org",
    ]
    without_proxy = production_settings(tmp_path, TRUST_X_FORWARDED_PROTO="")
    assert without_proxy["SECURE_PROXY_SSL_HEADER"] is None


@pytest.mark.parametrize(
    ("env", "name", "expected"),
    [
        ({"SECURE_HSTS_SECONDS": "300"}, "SECURE_HSTS_SECONDS", 300),
        ({"SECURE_HSTS_PRELOAD": "1"}, "SECURE_HSTS_PRELOAD", True),
        ({"STAFF_SESSION_IDLE_MINUTES": "15"}, "SESSION_COOKIE_AGE", 900),
        ({"LOGIN_FAILURE_LIMIT": "8"}, "AXES_FAILURE_LIMIT", 8),
    ],
)
def test_security_settings_are_configurable(tmp_path, env, name, expected):
    assert production_settings(tmp_path, **env)[name] == expected


def test_check_deploy_warns_when_the_page_cache_is_not_shared(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, REDIS_URL=""
    )
    assert result.returncode != 0
    assert "clinic.W001" in result.stdout + result.stderr
