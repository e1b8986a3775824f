"""A visitor reads: the list, an article, and the previous/next links between articles."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser


def test_visitor_follows_next_then_previous_from_the_list(page, clinic):
    now = timezone.now()
    older = ArticleFactory(title="Older summary of a trial", publish_at=now - timedelta(days=30))
    middle = ArticleFactory(title="Middle summary of a review", publish_at=now - timedelta(days=20))
    ArticleFactory(title="A draft in between", draft=True, publish_at=now - timedelta(days=15))
    newer = ArticleFactory(title="Newer summary of a cohort", publish_at=now - timedelta(days=10))

    page.goto(reverse("articles:list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Research summaries")
    expect(page.get_by_role("link", name="A draft in between")).to_have_count(0)
    page.get_by_role("link", name=middle.title).click()
    expect(page).to_have_url(middle.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(middle.title)

    pager = page.get_by_role("navigation", name="More research summaries")
    next_link = pager.get_by_role("link", name=f"Next summary {newer.title}")
    previous_link = pager.get_by_role("link", name=f"Previous summary {older.title}")
    expect(previous_link).to_be_visible()
    next_link.click()
    expect(page).to_have_url(newer.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(newer.title)
    expect(pager.get_by_role("link", name="Next summary")).to_have_count(0)

    pager.get_by_role("link", name=f"Previous summary {middle.title}").click()
    expect(page).to_have_url(middle.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(middle.title)


def test_search_works_without_javascript(new_context, clinic):
    ArticleFactory(title="Ketamine together with talk therapy for PTSD")
    ArticleFactory(title="Guided online CBT for anxiety")
    page = new_context(java_script_enabled=False).new_page()

    page.goto(reverse("articles:home"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_role("searchbox").fill("ketamine")
    page.get_by_role("button", name="Search").click()

    results = page.locator(".results")
    expect(results.get_by_role("link")).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text("Ketamine together with talk therapy for PTSD")
