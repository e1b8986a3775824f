"""The parts of every page that come from the clinic's own data: its profile and locations.

They change rarely and appear on every page, so they are read once and kept in the
cache until a ClinicProfile or Location is saved or deleted.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import ClinicProfile, Location

CACHE_KEY = "clinic:site-chrome:v1"
CHROME_SECONDS = 3600  # a safety net; saves and deletes clear it at once


def site_chrome():
    """{"clinic": ClinicProfile, "locations": [active Location, ...]} for headers and footers."""
    chrome = cache.get(CACHE_KEY)
    if chrome is None:
        locations = list(
            Location.objects.active().only("name", "slug", "phone", "booking_url", "city")
        )
        for location in locations:  # formatted once here, not on every page
            location.url = location.get_absolute_url()
            location.phone_uri = location.phone.as_rfc3966
            location.phone_display = location.phone.as_national
        clinic = ClinicProfile.objects.first() or ClinicProfile()
        chrome = {"clinic": clinic, "locations": locations}
        cache.set(CACHE_KEY, chrome, timeout=CHROME_SECONDS)
    return chrome


def forget_site_chrome(**kwargs):
    """Drop the cached profile and locations now, and again when the transaction commits."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect_signals():
    for model in (ClinicProfile, Location):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_site_chrome, sender=model, dispatch_uid=f"site-chrome:{model.__name__}"
            )
