"""schema.org data as plain dicts; templates render them with the `jsonld` filter."""

from django.urls import reverse

from .links import absolute_url

SCHEMA = "https://schema.org"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_URLS = [f"{SCHEMA}/{day}" for day in DAYS]


def organization_data(clinic):
    data = {"@type": "MedicalOrganization", "name": clinic.name, "url": absolute_url("/")}
    if clinic.contact_email:
        data["email"] = clinic.contact_email
    return data


def person_data(person):
    data = {"@type": "Person", "name": person.name, "url": absolute_url(person.get_absolute_url())}
    if person.role_title:
        data["jobTitle"] = person.role_title
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
    if credentials:
        data["hasCredential"] = credentials
    return data


def breadcrumb_data(crumbs):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute_url(url)}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def page_data(data, crumbs=None):
    """A JSON-LD document: the page's main node and, when given, its breadcrumb trail."""
    graph = [data] + ([breadcrumb_data(crumbs)] if crumbs else [])
    return {"@context": SCHEMA, "@graph": graph}


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


def location_data(location, clinic):
    data = {
        "@type": "MedicalClinic",
        "name": location.name,
        "url": absolute_url(location.get_absolute_url()),
        "telephone": location.phone.as_e164,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street_address,
            "addressLocality": location.city,
            "addressRegion": location.region,
            "postalCode": location.postal_code,
            "addressCountry": location.country,
        },
        "openingHoursSpecification": _opening_hours(location),
        "parentOrganization": organization_data(clinic),
    }
    if location.email:
        data["email"] = location.email
    if location.latitude is not None and location.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(location.latitude),
                       "longitude": float(location.longitude)}  # fmt: skip
    if location.booking_url:
        data["potentialAction"] = {"@type": "ReserveAction", "target": location.booking_url}
    return data


def home_crumb():
    return ("Home", reverse("articles:home"))
