"""Every page's JSON-LD: valid schema.org, one linked graph, Google's required properties."""

import pytest
from django.conf import settings

from tests.clinic.seo.site import LIST_PAGES, SITE_URL, Head
from tests.clinic.seo.vocabulary import vocabulary

ORGANIZATION = SITE_URL + "/#organization"
WEBSITE = SITE_URL + "/#website"

# Google Search Central's required properties for the rich result each type can give
# (Article's recommended ones are required here: the page is an article in all but name).
GOOGLE_REQUIRED = {
    "BreadcrumbList": ["itemListElement"],
    "ItemList": ["itemListElement"],
    "MedicalClinic": ["name", "address"],  # LocalBusiness
    "ProfilePage": ["mainEntity"],
    "MedicalWebPage": ["headline", "author", "datePublished", "dateModified", "image"],
    "MedicalOrganization": ["name", "url"],  # Organization: logo too once the clinic has one
    "WebSite": ["name", "url"],
}


def graph_of(fetch, path):
    return Head(fetch(path).text).graph()


def nodes_in(value):
    """Every node in a JSON-LD value, nested ones included."""
    if isinstance(value, list):
        for item in value:
            yield from nodes_in(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes_in(item)


def google_problems(graph):
    found = []
    for node in nodes_in(graph):
        for kind, required in GOOGLE_REQUIRED.items():
            if node.get("@type") == kind:
                found += [f"{kind} lacks {name}" for name in required if not node.get(name)]
        if node.get("@type") == "BreadcrumbList":
            items = node["itemListElement"]
            found += [f"crumb {i} incomplete" for i, c in enumerate(items) if not c.get("name")]
            found += [f"crumb {i} has no item" for i, c in enumerate(items) if not c.get("item")]
            if [c["position"] for c in items] != list(range(1, len(items) + 1)):
                found.append("crumb positions are not 1, 2, 3...")
        if node.get("@type") == "ItemList":
            items = node["itemListElement"]
            found += [f"list item {i} lacks position or url" for i, item in enumerate(items)
                      if not (item.get("position") and item.get("url"))]  # fmt: skip
        if node.get("@type") in ("Person", "Organization") and "name" not in node:
            found.append(f"{node['@type']} without a name")
    return found


@pytest.mark.django_db
def test_every_page_is_valid_schema_org_with_googles_required_properties(site, fetch):
    words = vocabulary()
    for kind, path in site.items():
        graph = graph_of(fetch, path)
        problems = [p for node in graph for p in words.problems(node)]
        assert problems == [], (kind, problems)
        assert google_problems(graph) == [], kind


@pytest.mark.django_db
def test_every_page_is_one_graph_published_by_the_one_clinic(site, fetch):
    for kind, path in site.items():
        graph = graph_of(fetch, path)
        ids = [node["@id"] for node in graph if "@id" in node]
        assert len(ids) == len(set(ids)) == len(graph), kind  # every top node named, once
        clinic = graph[0]
        assert clinic["@id"] == ORGANIZATION and clinic["@type"] == "MedicalOrganization"
        page = graph[1]
        assert page["publisher"] == {"@id": ORGANIZATION}, kind
        assert page["isPartOf"] == {"@id": WEBSITE}, kind
        assert page["@id"] == page["url"] and page["url"].startswith(settings.SITE_URL)
        references = {n["@id"] for n in nodes_in(graph) if set(n) == {"@id"}}
        local = {ref for ref in references if ref.startswith(page["url"] + "#")}
        assert local <= set(ids), (kind, local - set(ids))  # this page's own ids resolve here


@pytest.mark.django_db
def test_the_clinic_node_has_address_telephone_profiles_and_locations(site, fetch):
    clinic = graph_of(fetch, site["home"])[0]
    assert clinic["name"] == "Harbourlight Clinic" and clinic["url"] == settings.SITE_URL + "/"
    assert clinic["address"]["streetAddress"] == "100 Queen Street West"
    assert clinic["telephone"] == "+14165550100"
    assert clinic["sameAs"] == [
        "https://www.linkedin.com/company/example",
        "https://example.org/fb",
    ]
    assert {"@id": settings.SITE_URL + site["location"] + "#clinic"} in clinic["location"]
    assert "logo" not in clinic  # the profile has no logo field yet


@pytest.mark.django_db
def test_website_node_only_on_the_home_page(site, fetch):
    for kind, path in site.items():
        types = [node["@type"] for node in graph_of(fetch, path)]
        assert ("WebSite" in types) is (kind == "home"), kind
    home = {node["@type"]: node for node in graph_of(fetch, site["home"])}
    assert home["WebSite"]["@id"] == WEBSITE
    assert home["WebSite"]["publisher"] == {"@id": ORGANIZATION}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", LIST_PAGES)
def test_list_pages_are_collection_pages_with_an_item_list(site, fetch, kind):
    page = graph_of(fetch, site[kind])[1]
    assert page["@type"] == "CollectionPage"
    items = page["mainEntity"]["itemListElement"]
    assert page["mainEntity"]["@type"] == "ItemList"
    assert page["mainEntity"]["numberOfItems"] == len(items) > 0
    assert all(item["url"].startswith(settings.SITE_URL + "/") for item in items)


@pytest.mark.django_db
def test_article_list_items_are_the_live_articles(site, fetch):
    items = graph_of(fetch, site["articles"])[1]["mainEntity"]["itemListElement"]
    assert [item["url"] for item in items] == [
        settings.SITE_URL + site["illustrated-article"],
        settings.SITE_URL + site["article"],
    ]
    assert [item["position"] for item in items] == [1, 2]


@pytest.mark.django_db
def test_collective_byline_is_an_organization_of_the_clinic(site, fetch):
    page = graph_of(fetch, site["article"])[1]
    assert page["author"]["@type"] == "Organization"
    assert page["author"]["parentOrganization"] == {"@id": ORGANIZATION}
    assert page["reviewedBy"]["@type"] == "Person"
    assert page["reviewedBy"]["worksFor"] == {"@id": ORGANIZATION}
    profile = graph_of(fetch, site["collective"])[1]
    assert profile["@type"] == "ProfilePage" and profile["mainEntity"]["@type"] == "Organization"


@pytest.mark.django_db
def test_former_author_no_longer_works_for_the_clinic(site, fetch):
    person = graph_of(fetch, site["former-author"])[1]["mainEntity"]
    assert person["@type"] == "Person" and "worksFor" not in person


@pytest.mark.django_db
def test_citation_dates_are_as_precise_as_stored(site, fetch):
    citations = graph_of(fetch, site["article"])[1]["citation"]
    assert [c["datePublished"] for c in citations] == ["2023-06", "2021"]


@pytest.mark.django_db
def test_location_coordinates_keep_every_stored_digit(site, fetch):
    graph = graph_of(fetch, site["location"])
    page, clinic = graph[1], graph[2]
    assert page["mainEntity"] == {"@id": clinic["@id"]}
    assert clinic["geo"]["latitude"] == "43.646600"
    assert clinic["geo"]["longitude"] == "-79.396000"
    assert clinic["parentOrganization"] == {"@id": ORGANIZATION}


@pytest.mark.django_db
def test_article_image_is_the_hero_else_the_default_social_image(site, fetch):
    hero = graph_of(fetch, site["illustrated-article"])[1]["image"]
    plain = graph_of(fetch, site["article"])[1]["image"]
    assert "/media/articles/hero/runner" in hero
    assert plain.endswith("/static/img/social-default.png")


def test_the_checker_catches_what_schema_org_does_not_allow():
    words = vocabulary()
    assert words.problems({"@type": "Person", "parentOrganization": {"@id": "x"}})
    assert words.problems({"@type": "MedicalClinic", "geo": {"@type": "Person"}})
    assert words.problems({"@type": "Organisation"})
    assert words.problems({"@type": "Thing", "colour": "red"})
    assert words.problems({"@type": "WebPage", "name": "x"}) == []
