"""Real-browser tests: Playwright for Python drives Debian's Chromium against a live server.

Without a browser (no /usr/bin/chromium, or `CHROMIUM_PATH` pointing at nothing) every test in
this folder is skipped, all reported on one line. CI sets REQUIRE_BROWSER=1, which turns the
missing browser into an error for each of these tests instead, so in CI they always run.
"""

import io
import os
from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import ArticleChange, CitationNotice, GlossaryTerm
from articles.services import record_substantive_update
from clinic.domain.models import ClinicProfile, LocationException
from clinic.domain.roles import sync_role_groups
from tests.browser.chromium import launch, missing_reason
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    seed_crisis_lines,
    weekly_hours,
)
from tests.helpers import PASSWORD

BROWSER_MISSING = missing_reason()
TIMEOUT_MS = 10_000


def pytest_runtest_setup(item):
    """Runs before any fixture of a test in this folder, so a skip costs nothing."""
    if not BROWSER_MISSING:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {BROWSER_MISSING}")
    pytest.skip(f"browser tests skipped: {BROWSER_MISSING}")  # one place: `-ra` folds them


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process."""
    # Playwright's sync API keeps an asyncio event loop in this thread, and Django then refuses
    # ORM calls made here (the tests' own data) as if they came from async code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, live_server):
    """Makes browser contexts (separate visitors) on the live server; closes them afterwards."""
    contexts = []

    def make(**options):
        # Reduced motion: no smooth scrolling, so what a test checks has stopped moving.
        options = {
            "viewport": {"width": 1280, "height": 900},
            "reduced_motion": "reduce",
            **options,
        }
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A visitor's tab at desktop width, in the light scheme."""
    return new_context().new_page()


@pytest.fixture
def clinic(transactional_db):
    profile = ClinicProfile.load()
    profile.name = "Harbourlight Test Clinic"
    profile.tagline = "Research explained in plain language."
    profile.about = "An outpatient clinic for adults living with trauma, depression and anxiety."
    profile.save()
    return profile


@pytest.fixture
def role_groups(transactional_db):
    """The staff role groups. Live-server tests flush every table afterwards, including the
    groups the data migration made, so they are made again here (permissions come back by
    themselves after a flush)."""
    sync_role_groups(Group.objects, Permission.objects)
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def staff_user(django_user_model, role_groups, settings):
    """Makes a staff user in one role group, with a known password."""
    # The live server runs in this process: a fast hasher speeds up its logins too.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    def make(username, role):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, is_staff=True
        )
        user.groups.add(role_groups[role])
        return user

    return make


@pytest.fixture
def log_in():
    """Logs a page in through the admin's own login form, as a person would."""

    def log_in(page, username, password=PASSWORD):
        page.goto(reverse("admin:login"))
        page.get_by_label("Email address").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"**{reverse('admin:index')}")

    return log_in


# A small site with every kind of content (tests of several modules use it) --------

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


def png(width, height, colour="#1f5f5b"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return SimpleUploadedFile(f"image-{width}x{height}.png", buffer.getvalue(), "image/png")


@pytest.fixture
def library(clinic, settings, tmp_path):
    """A small site with every kind of content a public page can show, images included."""
    settings.MEDIA_ROOT = tmp_path
    seed_crisis_lines()
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
    reviewer = PersonFactory(
        name="Daniel Lévesque", photo=png(320, 320), photo_is_decorative=True,
        regulator="College of Psychologists of Ontario", registration_number="DEMO-2",
        register_url="https://example.org/register/2",
    )  # fmt: skip
    topic = TopicFactory(name="Depression", description="Low mood that lasts and gets in the way.")
    ketamine = TopicFactory(name="Ketamine", is_clinic_service=True)  # the disclosure shows
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
    CitationNotice.objects.create(  # a notice above the first study, and a correction
        study=article.studies.order_by("position", "id").first(), kind="retraction",
        notice_key="retraction", published_on=now.date() - timedelta(days=3),
        notice_doi="10.1000/demo.retraction", source="Crossref (Retraction Watch)",
    )  # fmt: skip
    record_substantive_update(article=article, note="The dose was 0.5 mg/kg, not 5 mg/kg.",
                              kind=ArticleChange.Kind.CORRECTION)  # fmt: skip
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
    french = ArticleFactory(
        language="fr", translation_key=article.translation_key,
        title="Un vaporisateur nasal apparenté à la kétamine, pour la dépression",
        slug="vaporisateur-nasal-ketamine",
        summary="Ce que les chercheurs ont trouvé, expliqué simplement.",
        body=BODY, author=author, reviewer=reviewer, reviewed_on=now.date(),
        publish_at=now - timedelta(days=20),
    )  # fmt: skip
    french.topics.set([topic, ketamine])
    return {"article": article, "topic": topic, "person": author, "location": location,
            "translations": {"fr": {"article": french}}}  # fmt: skip


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
