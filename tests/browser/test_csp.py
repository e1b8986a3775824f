"""In a real browser the Content-Security-Policy blocks nothing the site needs.

The admin's article form (with the Markdown editor's live preview and the admin's own
widgets) and a public article are loaded in headless Chromium; any CSP violation, script
error or failed request fails the test.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.helpers import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def watched_page(new_context):
    """A page that records CSP violations, script errors and failed requests in `.problems`."""
    page = new_context().new_page()
    page.problems = []
    page.on("console", lambda message: _record_console(page, message))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("response", lambda response: _record_failure(page, response))
    return page


def _record_failure(page, response):
    if response.status >= 400:
        page.problems.append(f"{response.status} {response.url}")


def _record_console(page, message):
    url = message.location.get("url", "")
    if url.endswith("/favicon.ico"):
        return  # the admin has no icon; the browser asks for one anyway
    if message.type == "error" or "Content Security Policy" in message.text:
        page.problems.append(f"console {message.type}: {message.text} ({url})")


def test_admin_article_form_and_live_preview_work_under_the_csp(
    watched_page, log_in, django_user_model, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    page = watched_page
    log_in(page, "boss")

    page.goto(reverse("admin:articles_article_add"))
    page.locator("#id_title").press_sequentially("Sleep and PTSD")
    assert page.input_value("#id_slug") == "sleep-and-ptsd", "prepopulated fields need admin JS"
    page.fill("#id_body", "## Findings\n\nSleep **helps**.")
    page.locator(".markdownx-preview strong").wait_for()
    assert page.inner_text(".markdownx-preview h2") == "Findings"
    studies = page.locator("#studies-group .inline-related:not(.empty-form)")
    assert studies.count() == 1  # a blank study to fill, also without JavaScript
    page.click("#studies-group .add-row a")  # further ones are built by admin JS
    assert studies.count() == 2
    page.fill("#id_publish_at_1", "")
    page.locator("#id_publish_at_1 + .datetimeshortcuts").get_by_text("Now").click()
    assert page.input_value("#id_publish_at_1") != ""
    assert page.problems == []


def test_public_article_loads_without_csp_violations(watched_page, clinic):
    article = ArticleFactory(title="Ketamine and PTSD", body="## Findings\n\n**Helps**.")

    response = watched_page.goto(article.get_absolute_url())

    assert response.status == 200
    assert "content-security-policy" in response.headers
    assert watched_page.problems == []


def test_a_policy_violation_would_be_caught(watched_page, clinic):
    page = watched_page
    page.goto(reverse("articles:home"))
    page.evaluate(
        """document.body.insertAdjacentHTML(
            "beforeend", '<img src="/nowhere" onerror="document.title = \\'injected\\'">')"""
    )
    page.wait_for_timeout(300)
    assert page.title() != "injected"
    assert any("Content Security Policy" in problem for problem in page.problems)
