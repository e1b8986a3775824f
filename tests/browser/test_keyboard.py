"""Keyboard only: the skip link, then through an article to the link to the next one."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.checks import focused
from tests.factories import ArticleFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.browser


def test_keyboard_user_skips_the_navigation_and_tabs_to_the_next_article(page, clinic):
    now = timezone.now()
    article = ArticleFactory(
        title="Ketamine with psychotherapy for PTSD",
        publish_at=now - timedelta(days=20),
        body="## Key findings\n\n1. Symptoms fell ([details](#notes)).\n\n## Notes {#notes}\n\nA.",
    )
    article.topics.add(TopicFactory(name="PTSD"))
    StudyFactory(article=article, url="https://example.org/study")
    following = ArticleFactory(title="Esketamine nasal spray", publish_at=now - timedelta(days=10))
    page.goto(article.get_absolute_url())

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to main content"
    assert skip["hasRing"] and skip["onScreen"], skip
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    path = []
    for _ in range(60):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element is not None, f"focus left the page after {path}"
        path.append(element)
        assert element["hasRing"], f"no visible focus ring on {element}"
        assert element["onScreen"], f"focused but off screen: {element}"
        if element["rel"] == "next":
            break
    else:
        raise AssertionError(f"never reached the next-article link: {path}")
    assert all(element["inMain"] for element in path), "the skip link did not skip the header"
    assert "Esketamine nasal spray" in path[-1]["text"]

    page.keyboard.press("Enter")
    expect(page).to_have_url(following.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(following.title)
