"""Every public page type is valid HTML, checked by the W3C Nu HTML Checker (vnu.jar).

The checker comes from npm (`npm ci` installs `vnu-jar`) and runs on the machine's Java.
Where either is missing the test is skipped with the reason, except in CI
(REQUIRE_HTML_CHECKER=1), where it must run.
"""

import json
import os
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import GlossaryTerm
from clinic.domain.models import ClinicProfile, LocationException
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    seed_crisis_lines,
    weekly_hours,
)
from tests.public_pages import html_pages, page_url, page_url_in

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


pytestmark = pytest.mark.html_checker


def _checker():
    missing = [
        what for what, ok in [("java", shutil.which("java")), (str(VNU), VNU.exists())] if not ok
    ]
    if missing:
        reason = f"HTML checker unavailable ({', '.join(missing)} missing; run `npm ci`)"
        if os.environ.get("REQUIRE_HTML_CHECKER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return ["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json"]


def _site_with_content():
    seed_crisis_lines()
    profile = ClinicProfile.load()
    profile.name, profile.about = "Harbourlight Clinic", "We treat trauma & anxiety."
    profile.save()
    topic = TopicFactory(name="PTSD", slug="ptsd", description="About PTSD.")
    reviewer = PersonFactory(
        name="Dr Ana Ruiz",
        bio="I *review* articles.",
        regulator="CPSO",
        registration_number="DEMO-1",
        register_url="https://example.org/",
    )
    articles = [
        ArticleFactory(
            reviewer=reviewer,
            reviewed_on=date(2026, 1, 5),
            body="## Key findings\n\n1. One placebo\n2. Two\n\n| a | b |\n|--|--|\n| 1 | 2 |\n\n"
            "Note on the CAPS-5 and a [placebo](https://example.org).[^1]\n\n[^1]: Source.",
        )
        for _ in range(3)
    ]
    for article in articles:
        article.topics.add(topic)
        StudyFactory(article=article, doi="10.4088/JCP.22r14614", url="https://example.org/s")
    StudyFactory(
        article=articles[1], design="rct", comparison="active", follow_up_weeks=39,
        funder="mixed", funding_note="A grant.", evidence_note="A note.\n\nTwo paragraphs.",
    )  # fmt: skip
    GlossaryTerm.objects.create(term="0-9 scale", slug="0-9-scale", definition="A scale.")
    location = LocationFactory(
        name="Downtown",
        slug="downtown",
        booking_url="https://example.org/b",
        latitude="43.65",
        longitude="-79.38",
        parking_notes="Free.",
    )
    weekly_hours(location, intervals=(("09:00", "12:00"), ("13:00", "17:00")))
    LocationException.objects.create(
        location=location, date=timezone.localdate() + timedelta(days=3), note="Holiday"
    )
    return articles[1], topic, reviewer, location


@pytest.mark.django_db
def test_every_public_page_type_is_valid_html(client, tmp_path):
    command = _checker()
    article, topic, person, location = _site_with_content()
    content = {"article": article, "topic": topic, "person": person, "location": location}
    pages = {page.name: page_url(page, content) for page in html_pages()}
    # The longest-possible refused query: 201 characters, one past the limit.
    pages["search too long by one"] = reverse("articles:search") + "?q=" + "x" * 201
    # The same pages in French, at their French addresses.
    for page in html_pages():
        pages[f"{page.name} in French"] = page_url_in("fr", page, content)
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in {200, 400, 404}, (name, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(  # noqa: S603 - our own checker on our own files
        command + files, capture_output=True, text=True, timeout=180, check=False
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
