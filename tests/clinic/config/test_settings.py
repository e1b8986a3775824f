import os
import subprocess
import sys

import pytest
from django.conf import settings

from clinic.config.env import use_laptop_defaults
from clinic.config.settings import cache_from_url


def _django(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env={**environment, "DJANGO_SETTINGS_MODULE": "clinic.config.settings"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_refuses_to_start_with_debug_off_and_no_secret_key():
    result = _django("print('started')", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_the_app_server_never_turns_debug_on_by_itself():
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import clinic.config.wsgi"],
        env={**environment, "DATABASE_URL": "sqlite:///unused.sqlite3"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    ("environment", "debug"),
    [
        ({}, "1"),
        ({"DATABASE_URL": "sqlite:////tmp/laptop.sqlite3"}, "1"),
        ({"DEBUG": " "}, "1"),
        ({"SECRET_KEY": "x" * 50}, None),
        ({"DATABASE_URL": "postgres://clinic@db/clinic"}, None),
        ({"DEBUG": "0"}, "0"),
    ],
)
def test_manage_py_turns_debug_on_only_when_nothing_describes_a_server(environment, debug):
    use_laptop_defaults(environment)
    assert environment.get("DEBUG") == debug


def test_production_settings_use_compressed_manifest_storage():
    result = _django(
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])",
        DEBUG="0",
        SECRET_KEY="x" * 60,
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_whitenoise_comes_right_after_security_middleware():
    middleware = settings.MIDDLEWARE
    # Only the request log and the health checks come first (neither touches static files).
    assert middleware[:2] == [
        "clinic.site.request_log.RequestLogMiddleware",
        "clinic.site.health.HealthCheckMiddleware",
    ]
    assert middleware[2:4] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_cache_url_parsing():
    assert cache_from_url("redis://127.0.0.1:6379/1")["BACKEND"].endswith("RedisCache")
    assert cache_from_url("locmem://x")["LOCATION"] == "x"
    assert cache_from_url("dummy://")["BACKEND"].endswith("DummyCache")


def test_languages_come_from_one_variable_each_named_in_itself(monkeypatch):
    from clinic.config.env import languages_from_env

    monkeypatch.setenv("LANGUAGES", "en, FR ,es")
    assert languages_from_env() == [("en", "English"), ("fr", "Français"), ("es", "Español")]
    monkeypatch.delenv("LANGUAGES")
    assert [code for code, _ in languages_from_env()] == ["en", "fr"]


@pytest.mark.parametrize("value", ["xx", "en,en", "en,zh-cn", ","])
def test_languages_refuse_codes_django_does_not_know_or_repeats(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    from clinic.config.env import languages_from_env

    monkeypatch.setenv("LANGUAGES", value)
    with pytest.raises(ImproperlyConfigured, match="LANGUAGES must list"):
        languages_from_env()


def test_the_first_language_is_the_default_and_unprefixed():
    assert settings.LANGUAGE_CODE == settings.LANGUAGES[0][0] == "en"
