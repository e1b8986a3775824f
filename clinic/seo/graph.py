"""The site's schema.org graph: stable @ids, and the clinic as one entity on every page.

Every page's JSON-LD is one `@graph`: the clinic (MedicalOrganization, `#organization`),
the page itself (its canonical URL as @id) and its breadcrumb trail. Pages refer to the
clinic by @id as `publisher`, so search engines see one organisation across the site.
"""

from django.urls import reverse

from .languages import language_tag
from .links import absolute_url

SCHEMA = "https://schema.org"


def home_url():
    """The home page's full address: SITE_URL's, else the request's own host (never relative)."""
    return absolute_url("/")


def organization_id():
    return home_url() + "#organization"


def website_id():
    return home_url() + "#website"


def ref(node_id):
    return {"@id": node_id}


def postal_address(location):
    address = {
        "@type": "PostalAddress",
        "streetAddress": location.street_address,
        "addressLocality": location.city,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": location.country,
    }
    return {key: value for key, value in address.items() if value}


def location_id(location):
    return absolute_url(location.get_absolute_url()) + "#clinic"


def image_object(image, width=None, height=None, caption=""):
    data = {"@type": "ImageObject", "url": absolute_url(image.url)}
    if width and height:
        data.update(width=width, height=height)
    if caption:
        data["caption"] = caption
    return data


def organization_data(clinic, locations):
    """The clinic: address and telephone of its first location, logo, profiles elsewhere."""
    data = {
        "@type": "MedicalOrganization",
        "@id": organization_id(),
        "name": clinic.name,
        "url": home_url(),
    }
    if clinic.tagline:
        data["description"] = clinic.tagline
    if clinic.logo:
        data["logo"] = image_object(clinic.logo, clinic.logo_width, clinic.logo_height)
    if clinic.contact_email:
        data["email"] = clinic.contact_email
    if locations:
        main = locations[0]
        data["address"] = postal_address(main)
        data["telephone"] = main.phone.as_e164
        data["location"] = [ref(location_id(location)) for location in locations]
    if clinic.same_as:
        data["sameAs"] = clinic.same_as
    data["publishingPrinciples"] = absolute_url(reverse("articles:editorial-policy"))
    return data


def website_data(clinic):
    """The site itself, on the home page: its name for search results, and its publisher."""
    return {
        "@type": "WebSite",
        "@id": website_id(),
        "url": home_url(),
        "name": clinic.name,
        "inLanguage": language_tag(),
        "publisher": ref(organization_id()),
    }


def web_page(kind, *, url, name, description="", **extra):
    """A page node of type `kind`, part of the website, published by the clinic."""
    data = {
        "@type": kind,
        "@id": url,
        "url": url,
        "name": name,
        "isPartOf": ref(website_id()),
        "publisher": ref(organization_id()),
        "inLanguage": language_tag(),
    }
    if description:
        data["description"] = description
    data.update(extra)
    return data


def item_list(entries, start=1):
    """An ItemList of (name, path) pairs, numbered from `start` (later pages go on counting)."""
    return {
        "@type": "ItemList",
        "numberOfItems": len(entries),
        "itemListElement": [
            {"@type": "ListItem", "position": n, "url": absolute_url(path), "name": name}
            for n, (name, path) in enumerate(entries, start=start)
        ],
    }


def collection_page(*, url, name, description, entries, start=1):
    """A list page (articles, a topic, the team, locations): a CollectionPage with its list."""
    return web_page(
        "CollectionPage",
        url=url,
        name=name,
        description=description,
        mainEntity=item_list(entries, start),
    )


def breadcrumb_data(crumbs, page_url):
    return {
        "@type": "BreadcrumbList",
        "@id": page_url + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute_url(url)}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def page_graph(page, *more, clinic, locations, crumbs=None):
    """The JSON-LD document of a page: the clinic, the page's nodes, its breadcrumb trail."""
    graph = [organization_data(clinic, locations), page, *more]
    if crumbs:
        trail = breadcrumb_data(crumbs, page["@id"])
        page["breadcrumb"] = ref(trail["@id"])
        graph.append(trail)
    return {"@context": SCHEMA, "@graph": graph}
