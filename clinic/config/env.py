"""Reading settings from the environment: typed values, the cache URL, the media storage."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def use_laptop_defaults(environ):
    """`manage.py`'s default when nothing in `environ` describes a server: DEBUG on, as `make run`
    has it, so the commands the documentation shows run as written on a laptop.

    djangoproject.com's and cookiecutter-django's manage.py default to their development settings
    in the same way, while the WSGI entry point (gunicorn's here) never does. A server's
    environment always has a SECRET_KEY, and a DATABASE_URL other than SQLite may hold real data:
    either one leaves the settings exactly as the environment says, DEBUG off unless it is set.
    """
    database = environ.get("DATABASE_URL", "").strip()
    is_unset = {name: not environ.get(name, "").strip() for name in ("DEBUG", "SECRET_KEY")}
    if all(is_unset.values()) and (not database or database.startswith("sqlite:")):
        environ["DEBUG"] = "1"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def languages_from_env(name="LANGUAGES", default="en,fr"):
    """[(code, name)] for Django's LANGUAGES from a list such as `en,fr,es`, the first the
    site's default language. Each name is the language's own ("Français", "Español"): the
    language switcher shows it to readers of the other languages."""
    from django.conf.locale import LANG_INFO

    codes = [code.lower() for code in env_list(name, default)]
    unknown = [code for code in codes if "name_local" not in LANG_INFO.get(code, {})]
    if not codes or unknown or len(set(codes)) != len(codes):
        raise ImproperlyConfigured(
            f"{name} must list language codes Django knows, each once, the default first "
            f"(for example `en,fr`); got {os.environ.get(name)!r}."
        )
    names = [LANG_INFO[code]["name_local"] for code in codes]
    return [(code, label[:1].upper() + label[1:]) for code, label in zip(codes, names, strict=True)]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_float(name, default):
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


def cache_from_url(url):
    """Django CACHES entry for `locmem://`, `dummy://` or `redis://` / `rediss://` URLs."""
    scheme = urlsplit(url).scheme
    if scheme in {"redis", "rediss"}:
        # The site runs without it: short timeouts, then a back-off (clinic/site/cache_backend.py).
        return {
            "BACKEND": "clinic.site.cache_backend.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "socket_connect_timeout": env_float("CACHE_CONNECT_TIMEOUT", 0.25),
                "socket_timeout": env_float("CACHE_TIMEOUT", 0.25),
                "retry_after": env_float("CACHE_RETRY_SECONDS", 5),
                "fallback_seconds": env_float("CACHE_FALLBACK_SECONDS", 5),
            },
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": urlsplit(url).netloc or "clinic",
        }
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not supported.")


def media_storage_from_env():
    """Where uploads go: MEDIA_ROOT on this machine, or, when MEDIA_S3_BUCKET is set, an
    S3-compatible object store every app server shares (django-storages)."""
    bucket = os.environ.get("MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        # Uploads get random names and renditions names derived from them: a name's content
        # never changes, so browsers and CDNs may keep it for a year.
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        "file_overwrite": False,
        "querystring_auth": False,  # public pictures: plain URLs that caches can share
        "default_acl": None,  # the bucket's policy decides (public read for media)
    }
    options["public_url"] = os.environ.get("MEDIA_PUBLIC_URL", "").strip()
    return {"BACKEND": "clinic.site.media_storage.MediaStorage", "OPTIONS": options}
