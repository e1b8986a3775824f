from django.apps import AppConfig


class SiteRuntimeConfig(AppConfig):
    """What wraps every request: the page cache, middleware, template context, checks."""

    name = "clinic.site"
    label = "site_runtime"
    verbose_name = "Site runtime"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
        from .page_cache import connect_signals

        connect_signals()
