import os
import subprocess
import sys

from django.conf import settings

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
