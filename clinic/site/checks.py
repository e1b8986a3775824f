"""System checks for production settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    """With DEBUG off, the page cache must be shared by every worker, or edits show late."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or settings.PAGE_CACHE_SECONDS <= 0 or not backend.endswith("LocMemCache"):
        return []
    return [
        Warning(
            "The page cache is in each worker's own memory, so with several workers or servers "
            f"an edit can take up to {settings.PAGE_CACHE_SECONDS} s to show everywhere.",
            hint="Set REDIS_URL (or CACHE_URL) to a shared Redis, or PAGE_CACHE_SECONDS=0.",
            id="clinic.W001",
        )
    ]
