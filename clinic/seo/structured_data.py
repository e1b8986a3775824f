"""schema.org nodes for the clinic's people and locations; templates render them with `jsonld`."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .graph import SCHEMA, location_id, organization_id, postal_address, ref
from .links import absolute_url

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_URLS = [f"{SCHEMA}/{day}" for day in DAYS]


def person_id(person):
    return absolute_url(person.get_absolute_url()) + "#person"


def _credentials(person):
    credentials = []
    if person.credentials:
        credentials.append(
            {"@type": "EducationalOccupationalCredential", "name": person.credentials}
        )
    if person.has_registration:
        registration = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "Professional registration",
            "identifier": person.registration_number,
            "recognizedBy": {"@type": "Organization", "name": person.regulator},
        }
        if person.register_url:
            registration["url"] = person.register_url
        credentials.append(registration)
    return credentials


def person_data(person):
    """A byline: a Person, or for a collective byline ("The Clinic Team") an Organization."""
    url = absolute_url(person.get_absolute_url())
    if person.is_collective:
        return {
            "@type": "Organization",
            "@id": person_id(person),
            "name": person.name,
            "url": url,
            "parentOrganization": ref(organization_id()),
        }
    data = {"@type": "Person", "@id": person_id(person), "name": person.name, "url": url}
    if person.role_title:
        data["jobTitle"] = person.role_title
    if person.is_active:
        data["worksFor"] = ref(organization_id())
    if credentials := _credentials(person):
        data["hasCredential"] = credentials
    return data


def _opening_hours(location):
    specs = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": DAY_URLS[row.weekday],
         "opens": row.opens.strftime("%H:%M"), "closes": row.closes.strftime("%H:%M")}
        for row in location.hours.all()
    ]  # fmt: skip
    for exception in location.exceptions.all():
        closed = exception.is_closed
        spec = {
            "@type": "OpeningHoursSpecification",
            "validFrom": exception.date.isoformat(),
            "validThrough": exception.date.isoformat(),
            "opens": "00:00" if closed else exception.opens.strftime("%H:%M"),
            "closes": "00:00" if closed else exception.closes.strftime("%H:%M"),
        }
        if exception.note:
            spec["description"] = exception.note
        specs.append(spec)
    return specs


def location_data(location):
    """A location as a MedicalClinic, part of the clinic; coordinates exactly as stored."""
    data = {
        "@type": "MedicalClinic",
        "@id": location_id(location),
        "name": location.name,
        "url": absolute_url(location.get_absolute_url()),
        "telephone": location.phone.as_e164,
        "address": postal_address(location),
        "openingHoursSpecification": _opening_hours(location),
        "parentOrganization": ref(organization_id()),
    }
    if location.email:
        data["email"] = location.email
    if location.latitude is not None and location.longitude is not None:
        # Decimals, written as text by the encoder: every stored digit is kept.
        data["geo"] = {"@type": "GeoCoordinates", "latitude": location.latitude,
                       "longitude": location.longitude}  # fmt: skip
    if location.booking_url:
        data["potentialAction"] = {"@type": "ReserveAction", "target": location.booking_url}
    return data


def home_crumb():
    return (_("Home"), reverse("articles:home"))
