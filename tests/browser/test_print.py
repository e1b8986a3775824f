"""Printing an article: the content and where it came from, without the site's chrome."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, LocationFactory, StudyFactory

pytestmark = pytest.mark.browser


def test_printed_article_keeps_the_content_and_drops_the_navigation(page, clinic):
    article = ArticleFactory(title="Ketamine with psychotherapy for PTSD")
    StudyFactory(article=article, url="https://example.org/study", doi="10.1000/demo.1")
    ArticleFactory(title="A later summary")  # so there is a "next" link to hide
    page.emulate_media(media="print")
    page.goto(article.get_absolute_url())

    for chrome in (".skip-link", ".site-nav", ".breadcrumbs", ".pager", ".site-footer"):
        expect(page.locator(chrome)).to_have_count(1)  # on the page, but not on paper
        expect(page.locator(chrome)).to_be_hidden()

    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".byline")).to_be_visible()
    expect(page.locator(".byline time").first).to_be_visible()
    expect(page.locator(".study .citation")).to_be_visible()
    expect(page.get_by_role("heading", name="Key findings")).to_be_visible()
    expect(page.get_by_role("complementary", name="Medical disclaimer").first).to_be_visible()
    expect(page.locator(".print-url")).to_contain_text(article.get_absolute_url())
    study_link = page.locator(".citation__url")
    url_after_link = study_link.evaluate("link => getComputedStyle(link, '::after').content")
    assert "https://example.org/study" in url_after_link


def test_printed_article_and_location_carry_the_booking_address(page, clinic):
    clinic.booking_url = "https://example.org/book-online"
    clinic.save()
    article = ArticleFactory()
    location = LocationFactory(booking_url="https://example.org/book-downtown")
    page.emulate_media(media="print")

    page.goto(article.get_absolute_url())
    expect(page.locator(".site-header__book")).to_be_hidden()  # the contact box has it
    book = page.locator(".cta__book a")
    expect(book).to_be_visible()
    assert "https://example.org/book-online" in book.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )

    page.goto(location.get_absolute_url())
    book = page.locator(".location__actions .button")
    expect(book).to_be_visible()
    assert "https://example.org/book-downtown" in book.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
