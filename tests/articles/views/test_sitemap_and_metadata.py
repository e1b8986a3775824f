import json
import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    weekly_hours,
)
from tests.sitemaps import all_urls

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# With SITE_URL unset (the default), absolute URLs use the request's own host.
REQUEST_ORIGIN = "http://testserver"


def jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def node(document, kind):
    return next(n for n in document["@graph"] if n["@type"] == kind)


def test_sitemap_lists_published_content_only(client):
    live = ArticleFactory(updated_at=timezone.now() - timedelta(days=1))
    draft = ArticleFactory(draft=True)
    topic = TopicFactory()
    live.topics.add(topic)
    person = PersonFactory()
    gone = PersonFactory(is_active=False)
    location = LocationFactory()
    urls = {u.findtext("s:loc", namespaces=SITEMAP_NS): u for u in all_urls(client)}
    base = REQUEST_ORIGIN
    assert base + live.get_absolute_url() in urls
    assert base + draft.get_absolute_url() not in urls
    assert base + topic.get_absolute_url() in urls
    assert base + person.get_absolute_url() in urls and base + gone.get_absolute_url() not in urls
    assert base + location.get_absolute_url() in urls
    assert base + reverse("articles:home") in urls
    lastmod = urls[base + live.get_absolute_url()].findtext("s:lastmod", namespaces=SITEMAP_NS)
    assert lastmod == timezone.localtime(live.updated_at).date().isoformat()


def test_robots_points_at_the_sitemap_and_keeps_staff_endpoints_out(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {REQUEST_ORIGIN}/sitemap.xml" in response.text
    assert "Disallow: /editor/" in response.text
    # Previews and search say noindex themselves: crawlers must be allowed to read that.
    assert "/preview/" not in response.text and "/search/" not in response.text
    assert settings.ADMIN_URL not in response.text  # the admin's address may be private


def test_article_head_has_title_description_canonical_and_social_tags(client):
    article = ArticleFactory(title="Ketamine & PTSD", summary="What a review found.")
    html = client.get(article.get_absolute_url()).text
    canonical = "http://testserver" + article.get_absolute_url()  # no SITE_URL: the request's
    assert "<title>Ketamine &amp; PTSD ·" in html
    assert (
        '<meta name="description" content="What a review found. '
        'A plain-language research summary from Our clinic.">'
    ) in html
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Ketamine &amp; PTSD">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<html lang="en-CA">' in html


def test_article_structured_data_is_a_medical_web_page_with_citation(client):
    reviewer = PersonFactory(
        name="Dr Ana Ruiz", credentials="MD", regulator="CPSO", registration_number="DEMO-1"
    )
    article = ArticleFactory(reviewer=reviewer, reviewed_on=date(2026, 3, 1))
    article.topics.add(TopicFactory(name="PTSD"))
    StudyFactory(article=article, doi="10.4088/JCP.22r14614")
    data = jsonld(client.get(article.get_absolute_url()).text)
    page = node(data, "MedicalWebPage")
    assert data["@context"] == "https://schema.org"
    assert page["headline"] == article.title
    assert page["author"]["name"] == article.author.name
    assert page["reviewedBy"]["hasCredential"][1]["identifier"] == "DEMO-1"
    assert page["lastReviewed"] == "2026-03-01"
    assert page["about"][0]["name"] == "PTSD" and page["mainEntity"]["name"] == "PTSD"
    assert page["publisher"] == {"@id": node(data, "MedicalOrganization")["@id"]}
    citation = page["citation"][0]
    assert citation["@type"] == "MedicalScholarlyArticle"
    assert citation["sameAs"] == "https://doi.org/10.4088/JCP.22r14614"
    assert citation["isPartOf"]["name"] == "The Journal of Clinical Psychiatry"
    assert citation["datePublished"] == "2023"
    crumbs = node(data, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Research summaries", "PTSD", article.title]


def test_a_title_with_a_closing_script_tag_cannot_break_out(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert node(jsonld(html), "MedicalWebPage")["headline"] == article.title


def test_person_structured_data_has_job_title_and_credentials(client):
    person = PersonFactory(
        role_title="Psychiatrist",
        credentials="MD, FRCPC",
        regulator="College",
        registration_number="DEMO-2",
    )
    data = jsonld(client.get(person.get_absolute_url()).text)
    entity = node(data, "ProfilePage")["mainEntity"]
    assert entity["@type"] == "Person" and entity["jobTitle"] == "Psychiatrist"
    assert [c.get("name", c.get("identifier")) for c in entity["hasCredential"]] == [
        "MD, FRCPC",
        "DEMO-2",
    ]


def test_location_structured_data_is_a_medical_clinic_with_hours_and_exceptions(client):
    from clinic.domain.models import LocationException

    location = LocationFactory(latitude="43.650000", longitude="-79.380000")
    weekly_hours(location, days=[0])
    LocationException.objects.create(
        location=location, date=timezone.localdate() + timedelta(days=2), note="Holiday"
    )
    data = jsonld(client.get(location.get_absolute_url()).text)
    clinic = node(data, "MedicalClinic")
    assert clinic["telephone"] == "+14165550100"
    assert clinic["address"]["@type"] == "PostalAddress"
    # Every stored digit, as text: a float would print 43.65.
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": "43.650000",
        "longitude": "-79.380000",
    }
    specs = clinic["openingHoursSpecification"]
    assert specs[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "17:00",
    }
    assert specs[1]["description"] == "Holiday" and specs[1]["opens"] == "00:00"


def test_reading_time_on_cards_and_article(client):
    article = ArticleFactory(body="word " * 650)
    assert article.reading_minutes == 4
    assert "4 min read" in client.get(reverse("articles:list")).text
    assert "4 min read" in client.get(article.get_absolute_url()).text
