"""The clinic itself: its profile, its people and its locations."""

from .locations import Location, LocationException, OpeningHours
from .people import Person
from .profile import DEFAULT_DISCLAIMER, ClinicProfile, has_visible_text

__all__ = [
    "DEFAULT_DISCLAIMER",
    "ClinicProfile",
    "Location",
    "LocationException",
    "OpeningHours",
    "Person",
    "has_visible_text",
]
