"""WCAG 2.2 AA on every public page type, in the light and the dark scheme.

axe-core checks each page; the test also tabs through it (every focusable element shows a
focus ring), checks the <head> basics, that nothing scrolls sideways, and that the page makes no
request to another site.
"""

import io
from datetime import time, timedelta
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import GlossaryTerm
from clinic.domain.models import LocationException
from tests.browser.checks import axe_violations, head_facts, tab_through
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    weekly_hours,
)
from tests.public_pages import html_pages, page_url

pytestmark = pytest.mark.browser

BODY = """\
Doctors call depression *treatment-resistant* when two medicines have not helped.[^1]

## Key findings

1. Symptoms eased more with **esketamine** than with a placebo spray.
2. Side effects such as dizziness usually passed within hours.

| Measure | Esketamine | Placebo |
| --- | --- | --- |
| Change in MADRS score | −21.4 | −17.0 |

> A faster-acting option for people whose first treatments did not help.

## Why this study matters

Read [the full paper](https://example.org/paper) for the details.

[^1]: At least two antidepressants at an adequate dose for long enough.
"""

# Each page in both schemes, and at a desktop's width and the narrowest phone's (WCAG's reflow
# width: 320 CSS px, where nothing may need scrolling sideways).
MODES = {"light, 1280 px": ("light", 1280), "dark, 320 px": ("dark", 320)}


def png(width, height, colour="#1f5f5b"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return SimpleUploadedFile(f"image-{width}x{height}.png", buffer.getvalue(), "image/png")


@pytest.fixture
def library(clinic, settings, tmp_path):
    """A small site with every kind of content a public page can show, images included."""
    settings.MEDIA_ROOT = tmp_path
    now = timezone.now()
    author = PersonFactory(
        name="Miriam Okafor",
        credentials="MD, FRCPC",
        bio="I care for adults living with **depression** and PTSD.",
        photo=png(320, 320),
        photo_alt="Dr Miriam Okafor in the clinic's garden",
        regulator="College of Physicians and Surgeons of Ontario",
        registration_number="DEMO-1",
        register_url="https://example.org/register",
    )
    reviewer = PersonFactory(name="Daniel Lévesque", photo=png(320, 320), photo_is_decorative=True)
    topic = TopicFactory(name="Depression", description="Low mood that lasts and gets in the way.")
    ketamine = TopicFactory(name="Ketamine")
    articles = [
        ArticleFactory(
            title=title,
            summary=f"{title}: what researchers found, in plain language.",
            body=BODY,
            author=author,
            reviewer=reviewer,
            reviewed_on=now.date(),
            publish_at=now - timedelta(days=days),
        )
        for title, days in [
            ("Ketamine together with talk therapy for PTSD", 30),
            ("A nasal spray related to ketamine, for depression", 20),
            ("Guided online CBT worked about as well as face-to-face therapy", 10),
        ]
    ]
    for article in articles:
        article.topics.set([topic, ketamine])
        StudyFactory(article=article, url="https://example.org/study", doi="10.1000/demo.1")
    article = articles[1]
    StudyFactory(
        article=article,
        title="A second trial",
        position=1,
        design="rct",
        participants=227,
        comparison="placebo",
        follow_up_weeks=4,
        funder="industry",
        evidence_note="Longer trials have looked at this too.",
    )
    glossary_terms()
    article.hero_image = png(1200, 600, "#e7f0ee")
    article.hero_alt = "A nasal spray device on a table"
    article.hero_credit = "Photo: the clinic"
    article.updated_at = now
    article.save()

    location = LocationFactory(
        name="Downtown",
        email="downtown@example.org",
        booking_url="https://example.org/book",
        map_url="https://example.org/map",
        accessibility_notes="Step-free entrance on King Street.",
        parking_notes="Paid parking under the building.",
        transit_notes="Five minutes from St Andrew station.",
    )
    weekly_hours(location, intervals=(("09:00", "12:00"), ("13:00", "17:00")))
    LocationException.objects.create(location=location, date=now.date() + timedelta(days=3))
    LocationException.objects.create(
        location=location,
        date=now.date() + timedelta(days=5),
        is_closed=False,
        opens=time(10),
        closes=time(14),
        note="Short day",
    )
    LocationFactory(name="Midtown", alternate_phone="+18005550199")
    return {"article": article, "topic": topic, "person": author, "location": location}


def glossary_terms():
    """Terms the article body uses (a live-server test starts from empty tables)."""
    for term, aliases, source in [
        ("Placebo", "dummy treatment", "https://example.org/placebo"),
        ("MADRS", "Montgomery-Åsberg Depression Rating Scale", ""),
        ("Treatment-resistant", "treatment resistant", ""),
        ("5-HT", "", ""),
    ]:
        GlossaryTerm.objects.get_or_create(
            term=term,
            defaults={
                "slug": term.lower(),
                "also_known_as": aliases,
                "definition": f"What {term} means, in one plain sentence.",
                "source_url": source,
                "source_name": "Example" if source else "",
            },
        )


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
@pytest.mark.parametrize("page_type", html_pages(), ids=lambda page: page.name)
def test_public_page_meets_wcag_22_aa(new_context, live_server, library, page_type, mode):
    scheme, width = mode
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": 800}).new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(page_url(page_type, library))

    assert response.status == page_type.status
    assert axe_violations(page) == []
    head = head_facts(page)
    assert head["viewport"] == "width=device-width, initial-scale=1"
    assert head["themeColors"] and head["icon"] and head["touchIcon"], head
    assert head["lang"] == "en" and head["title"], head
    assert head["unsizedImages"] == [], "images without width and height shift the layout"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "scrolls sideways"
    server = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in requests} == {server}, requests
    focus_stops = tab_through(page)
    assert focus_stops[0]["text"] == "Skip to main content"
    assert [stop for stop in focus_stops if not stop["hasRing"]] == []
