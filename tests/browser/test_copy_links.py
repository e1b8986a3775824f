"""“Copy” buttons next to feed and preview addresses really copy them."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.browser


def test_follow_page_copies_a_feed_address_and_the_menu_fits_a_phone(new_context, clinic):
    ArticleFactory().topics.set([TopicFactory(name="PTSD", slug="ptsd")])
    context = new_context(
        viewport={"width": 375, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(reverse("articles:follow"))
    field = page.get_by_label("Feed address (RSS)")
    expect(field).to_have_attribute("readonly", "")
    page.get_by_role("button", name="Copy").first.click()
    expect(page.locator("#feed-all-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
