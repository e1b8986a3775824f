"""Real-browser tests: Playwright for Python drives Debian's Chromium against a live server.

Without a browser (no /usr/bin/chromium, or `CHROMIUM_PATH` pointing at nothing) every test in
this folder is skipped, all reported on one line. CI sets REQUIRE_BROWSER=1, which turns the
missing browser into an error for each of these tests instead, so in CI they always run.
"""

import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from clinic.domain.models import ClinicProfile
from clinic.domain.roles import sync_role_groups
from tests.browser.chromium import launch, missing_reason

BROWSER_MISSING = missing_reason()
TIMEOUT_MS = 10_000
PASSWORD = "a-long-test-password"


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
