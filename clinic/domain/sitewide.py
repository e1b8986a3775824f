"""The clinic's own data that every page shows: its profile and its active locations.

`clinic_profile()` is the one way code reads the clinic profile. Both are read once and
kept in the cache, one copy per language (the locations' addresses are in it), until a
ClinicProfile or Location is saved or deleted (`clinic.domain.apps` connects
`forget_site_chrome`).
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from clinic.branding.brand import brand_for

from .models import ClinicProfile, Location

CACHE_KEY = "clinic:site-chrome:v5:{language}"
CHROME_SECONDS = 3600  # a safety net; saves and deletes clear it at once


def _language():
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def site_chrome():
    """{"clinic": ClinicProfile, "locations": [active Location, ...], "brand": ..., "version":
    a new value each time these are read from the database} for headers and footers."""
    key = CACHE_KEY.format(language=_language())
    chrome = cache.get(key)
    if chrome is None:
        locations = list(
            Location.objects.active().only(
                "name", "slug", "phone", "booking_url", "street_address", "city", "region",
                "postal_code", "country",
            )  # the address too: the clinic's structured data on every page gives it
        )  # fmt: skip
        for location in locations:  # formatted once here, not on every page
            location.url = location.get_absolute_url()
            location.phone_uri = location.phone.as_rfc3966
            location.phone_display = location.phone.as_national
        clinic = ClinicProfile.objects.filter(pk=ClinicProfile.SINGLETON_ID).first()
        clinic = clinic or ClinicProfile()
        chrome = {"clinic": clinic, "locations": locations, "brand": brand_for(clinic),
                  "version": uuid.uuid4().hex}  # fmt: skip
        cache.set(key, chrome, timeout=CHROME_SECONDS)
    return chrome


def site_brand():
    """The brand as pages use it (clinic.branding.brand.brand_for), from the cache."""
    return site_chrome()["brand"]


def clinic_profile():
    """The clinic's profile from the cache; its defaults (unsaved) until one is stored.

    Reading never writes: `ClinicProfile.load()` is for code that saves the profile.
    """
    return site_chrome()["clinic"]


def forget_site_chrome(**kwargs):
    """Drop the cached profile and locations now, and again when the transaction commits."""
    keys = [CACHE_KEY.format(language=code) for code, _ in settings.LANGUAGES]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
