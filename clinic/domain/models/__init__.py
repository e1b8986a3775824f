"""The clinic itself: its profile, its people and its locations."""

from .demo import DemoRecord
from .editing import EditTracked
from .locations import Location, LocationException, OpeningHours
from .people import Person
from .profile import DEFAULT_DISCLAIMER, ClinicProfile, SiteSettings, has_visible_text
from .redirects import (
    Redirect,
    find_query_redirect,
    find_redirect,
    normalise_path,
    query_redirect_for,
    record_query_redirect,
    record_redirect,
    redirect_for,
    redirect_old_urls,
)
from .safety import CrisisLine, crisis_lines_by_region

__all__ = [
    "DEFAULT_DISCLAIMER",
    "DemoRecord",
    "EditTracked",
    "ClinicProfile",
    "CrisisLine",
    "Location",
    "LocationException",
    "OpeningHours",
    "Person",
    "Redirect",
    "SiteSettings",
    "has_visible_text",
    "find_query_redirect",
    "find_redirect",
    "normalise_path",
    "query_redirect_for",
    "record_query_redirect",
    "record_redirect",
    "redirect_for",
    "redirect_old_urls",
    "crisis_lines_by_region",
]
