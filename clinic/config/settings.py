"""Settings for the clinic research library.

One module, configured from environment variables. The defaults suit a laptop
(SQLite in the project folder, local-memory cache); production sets DEBUG=0,
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL. See the README's configuration table.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import (  # noqa: F401 - cache_from_url is also read by tests and the bench
    cache_from_url,
    env_bool,
    env_float,
    env_int,
    env_list,
    languages_from_env,
    media_storage_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. On a server, load its environment "
            "(SECRET_KEY, DATABASE_URL…: see docs/operators.md). On a laptop, set DEBUG=1 "
            "(manage.py does so by itself when no SECRET_KEY is set and the database is SQLite)."
        )
    SECRET_KEY = "local-development-only-not-secret"  # noqa: S105 - used only with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public site address (https://www.example.org) for every absolute link: canonical, Open
# Graph, JSON-LD, sitemap, feeds, robots.txt. Unset: each request's own host (clinic/seo/links.py).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "clinic.domain",
    "articles",
    "clinic.site",
    "clinic.operations",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # the built-in widget templates, for FORM_RENDERER below
    "markdownx",
    "phonenumber_field",
    "csp",
    "axes",
    "reversion",
    "reversion_compare",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: every request timed and logged with an id; health checks answered before anything.
    "clinic.site.request_log.RequestLogMiddleware",
    "clinic.site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers outside everything else, so cached pages and early errors get them too.
    "csp.middleware.CSPMiddleware",
    "clinic.site.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The page's language, from its address alone, before anything below renders a page.
    "clinic.site.middleware.LanguageFromPathMiddleware",
    "clinic.site.middleware.RejectNulCharactersMiddleware",
    "clinic.site.middleware.CurrentRequestMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "clinic.site.page_cache.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "clinic.site.sessions.IdleSignOutMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clinic.site.middleware.RedirectOn404Middleware",
    "clinic.site.middleware.MethodNotAllowedPageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.config.urls"
WSGI_APPLICATION = "clinic.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.site.context_processors.site",
            ],
            # The page metadata's tags (`{% load seo %}`) live with the rest of it.
            "libraries": {"seo": "clinic.seo.tags"},
        },
    },
]

# Widgets find their templates in templates/ too (the editor's: admin/markdown_editor.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue instead of failing: WAL lets pages be read while one request writes; each
    # transaction takes the write lock when it begins (IMMEDIATE), so two saves cannot both
    # read, then find the other holding the lock ("database is locked" at once); a writer waits
    # up to `timeout` seconds for its turn. NORMAL syncing is safe with WAL (no corruption; at
    # worst the last moment's commits on a power cut).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (clinic/tasks/): Django's Tasks API on the database backend, run by
# `manage.py db_worker` (started by `make run`; clinic-worker.service in deployments).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Articles on one page of a list (the library, a topic, a person's articles, search results).
ARTICLES_PER_PAGE = 12
# How deep the lists of articles go (library, topic, person), newest first: past it, a page
# points to topics and search. Each page then costs the same whatever the library's size.
MAX_LIST_PAGES = env_int("MAX_LIST_PAGES", 20)

# Whole pages for anonymous visitors (clinic/site/page_cache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# Importing a blog from its live address (articles/transfer/site/): hosts that may resolve to
# private or loopback addresses (an intranet site, a test server), and the pause between two
# requests to the old site (its robots.txt Crawl-delay wins when longer).
IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = env_list("IMPORT_SITE_ALLOWED_PRIVATE_HOSTS")
IMPORT_SITE_DELAY_SECONDS = env_float("IMPORT_SITE_DELAY_SECONDS", 1.0)

CACHES = {
    "default": cache_from_url(
        os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or "locmem://clinic"
    )
}

# Mail (`review_report --email`): printed to the terminal with DEBUG on, else sent over SMTP.
EMAIL_BACKEND = f"django.core.mail.backends.{'console' if DEBUG else 'smtp'}.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses sign-ins that are locked out, then ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "clinic.site.logins.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The site's languages (LANGUAGES=en,fr), the first the default: its addresses have no prefix,
# the others live under /fr/, /es/… (clinic/config/urls.py). Adding one is this setting plus a
# translation file in locale/ (docs/languages.md). LANGUAGE_REGION completes each page's
# language tag (fr-CA in <html lang>, hreflang and JSON-LD; fr_CA in og:locale).
LANGUAGES = languages_from_env("LANGUAGES", "en,fr")
LANGUAGE_CODE = LANGUAGES[0][0]
LANGUAGE_REGION = os.environ.get("LANGUAGE_REGION", "CA").strip().upper()
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and times as each language writes them where Django's own formats differ (9 h 30).
FORMAT_MODULE_PATH = ["clinic.config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# `make backup` writes timestamped folders here (see clinic/operations/backups.py).
BACKUP_ROOT = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))


if os.environ.get("MEDIA_PUBLIC_URL", "").strip():
    MEDIA_URL = os.environ["MEDIA_PUBLIC_URL"].strip().rstrip("/") + "/"

STORAGES = {
    "default": media_storage_from_env(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Phone numbers are stored in E.164 and shown in the national format of this region.
PHONENUMBER_DEFAULT_REGION = os.environ.get("PHONE_REGION", "CA")
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# The Markdown editor: our renderer and sanitiser, staff-only endpoints, no SVG uploads.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "clinic.authoring.markdown.render_markdown"
MARKDOWNX_URLS_PATH = "/editor/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/editor/upload/"
MARKDOWNX_MEDIA_PATH = "editor/"
MARKDOWNX_UPLOAD_CONTENT_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
MARKDOWNX_UPLOAD_MAX_SIZE = 10 * 1024 * 1024
MARKDOWNX_IMAGE_MAX_SIZE = {"size": (1600, 1600), "quality": 85}

# Study look-ups and the nightly citation check (articles/citations/): Crossref's REST API and
# NCBI's E-utilities, or a mirror of either. NCBI_API_KEY raises NCBI's limit from 3 to 10
# requests a second; the contact address (else the clinic profile's) goes in every request.
CROSSREF_API_URL = os.environ.get("CROSSREF_API_URL", "https://api.crossref.org").rstrip("/")
NCBI_EUTILS_URL = os.environ.get(
    "NCBI_EUTILS_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
).rstrip("/")
NCBI_API_KEY = os.environ.get("NCBI_API_KEY", "").strip()
CITATIONS_CONTACT_EMAIL = os.environ.get("CITATIONS_CONTACT_EMAIL", "").strip()
CITATIONS_TIMEOUT_SECONDS = env_float("CITATIONS_TIMEOUT_SECONDS", 5.0)
CITATIONS_CACHE_SECONDS = env_int("CITATIONS_CACHE_SECONDS", 24 * 3600)

# Revision diffs (django-reversion-compare): a foreign key shows as changed only when it
# points at another row, not whenever some other field of the article changed.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

# Security. Production values are the defaults whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUST_X_FORWARDED_PROTO", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_FAILURE_VIEW = "clinic.site.errors.csrf_failure"  # the site's error page, in its layout
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Only staff have sessions (visitors get no cookies); one idle this long is signed out. The
# expiry is pushed back at most every few minutes, not on every request (clinic/site/sessions.py).
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_IDLE_MINUTES", 60) * 60
# The Markdown editor's script reads the CSRF cookie, so it cannot be HttpOnly.
CSRF_COOKIE_HTTPONLY = False

# Pictures served from another origin (MEDIA_PUBLIC_URL on the object store's own address).
MEDIA_ORIGINS = [
    f"{parts.scheme}://{parts.netloc}"
    for parts in [urlsplit(os.environ.get("MEDIA_PUBLIC_URL", ""))]
    if parts.netloc
]

# Content-Security-Policy (django-csp): no inline or third-party scripts, styles or images.
# The admin and the Markdown editor work under it too (tests/browser/test_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sign-in lock-out (django-axes) of a username and address pair: see clinic/site/logins.py.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "clinic.site.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "clinic.site.logins.client_ip"
# Proxies in front of the site that append the visitor's address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Preloading HSTS is a one-way decision a clinic should take on purpose: off by default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Logs go to standard error: one JSON object per line in production (LOG_FORMAT=json, the
# default with DEBUG off), readable text on a laptop. See clinic/site/request_log.py.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "clinic.site.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "clinic.site.request_log.JsonLogFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # One line per request (INFO); REQUEST_LOG_LEVEL=WARNING keeps only the 5xx ones.
        "clinic.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
    },
}

# Error reporting to Sentry (or a compatible service), only when SENTRY_DSN is set: nothing is
# sent otherwise. No personal data (send_default_pii off); performance tracing off unless
# SENTRY_TRACES_SAMPLE_RATE says how much.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
