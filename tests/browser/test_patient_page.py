"""The patient's page on a phone: the answer within a screen and a half, help in one tap, a
two-row header, a quick exit that works with and without JavaScript, and what prints."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import ANY_LANGUAGE, Article
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, LocationFactory, StudyFactory, seed_crisis_lines

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
FIRST_FINDING_LIMIT_PX = 1200  # one and a half screens of a 375 × 812 phone
HEADER_LIMIT_PX = 100  # two rows of 44 px targets, without a logo

FIRST_FINDING_TOP = """() => {
  const heading = [...document.querySelectorAll('main h2')]
    .find(h => /key findings|principaux résultats/i.test(h.textContent));
  let list = heading && heading.nextElementSibling;
  const first = list && (list.querySelector('li') || list);
  return first ? Math.round(first.getBoundingClientRect().top + window.scrollY) : null;
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    seed_crisis_lines()  # live-server tests empty every table afterwards
    return list(Article.objects.published())


def test_every_demo_article_shows_its_first_finding_within_a_screen_and_a_half(new_context, demo):
    page = new_context(viewport=PHONE).new_page()
    in_every_language = list(Article.objects.published(language=ANY_LANGUAGE))
    assert len(demo) >= 5 and len(in_every_language) == 2 * len(demo)  # and the French
    tops = {}
    for article in in_every_language:
        page.goto(article.get_absolute_url())
        tops[article.slug] = page.evaluate(FIRST_FINDING_TOP)
    assert all(top is not None for top in tops.values()), tops
    assert max(tops.values()) <= FIRST_FINDING_LIMIT_PX, tops


def test_the_phone_header_is_two_rows_with_urgent_help_and_the_whole_menu(new_context, demo):
    page = new_context(viewport=PHONE).new_page()
    page.goto(reverse("articles:list"))
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_LIMIT_PX, header
    urgent = page.get_by_role("link", name="Urgent help")
    expect(urgent).to_be_visible()
    nav_links = page.get_by_role("navigation", name="Main").get_by_role("link")
    tops = {round(nav_links.nth(i).bounding_box()["y"]) for i in range(nav_links.count())}
    assert len(tops) == 1, "the menu wraps onto a second row"
    urgent.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Urgent help")
    calls = page.locator('a[href^="tel:"]')
    assert calls.count() >= 5
    expect(
        page.get_by_role("link", name="Call 988 (9-8-8 Suicide Crisis Helpline)")
    ).to_have_attribute("href", "tel:988")


def test_the_breadcrumb_never_leaves_a_separator_alone(new_context, demo):
    page = new_context(viewport=PHONE).new_page()
    page.goto(demo[0].get_absolute_url())
    crumbs = page.locator(".breadcrumbs li:visible")
    for i in range(crumbs.count()):
        text = crumbs.nth(i).inner_text().strip()
        assert text not in {"›", ""}, "a crumb is only its separator"
    expect(page.locator(".breadcrumbs [aria-current=page]")).to_be_hidden()


def test_the_evidence_box_is_closed_on_a_phone_and_opens_with_a_tap(new_context, clinic):
    article = ArticleFactory()
    StudyFactory(article=article, participants=34)
    page = new_context(viewport=PHONE).new_page()
    page.goto(article.get_absolute_url())
    points = page.locator(".evidence__points")
    expect(points).to_be_hidden()
    page.get_by_text("How strong is the evidence?").click()
    expect(points).to_be_visible()


def test_quick_exit_is_a_plain_link_without_javascript(new_context, clinic):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(reverse("articles:home"))
    exit_link = page.get_by_role("link", name="Exit this page")
    expect(exit_link).to_be_visible()
    expect(exit_link).to_have_attribute("href", "https://www.google.com/")


def test_quick_exit_on_three_shift_presses_leaves_no_history_entry(
    new_context, clinic, live_server
):
    clinic.quick_exit_url = live_server.url + reverse("articles:topic-list")
    clinic.save()
    page = new_context().new_page()
    page.goto(reverse("articles:home"))
    page.goto(reverse("articles:list"))
    before = page.evaluate("history.length")
    expect(
        page.get_by_role("link", name="Exit this page or press Shift three times")
    ).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"**{reverse('articles:topic-list')}")
    assert page.evaluate("history.length") == before  # replaced, not added
    page.go_back()
    expect(page).to_have_url(live_server.url + reverse("articles:home"))


def test_marketing_can_switch_the_quick_exit_off(page, clinic):
    clinic.quick_exit_enabled = False
    clinic.save()
    page.goto(reverse("articles:home"))
    expect(page.get_by_role("link", name="Exit this page")).to_have_count(0)
    expect(page.locator("script[src*=quick-exit]")).to_have_count(0)


def test_print_opens_the_evidence_and_spaces_the_booking_address(page, clinic):
    clinic.booking_url = "https://example.org/book"
    clinic.save()
    article = ArticleFactory()
    StudyFactory(article=article, participants=34)
    LocationFactory()
    page.emulate_media(media="print")
    page.goto(article.get_absolute_url())
    expect(page.locator(".evidence__points")).to_be_visible()
    expect(page.locator(".study .citation")).to_be_visible()
    expect(page.get_by_role("heading", name="Key findings")).to_be_visible()
    expect(page.locator("#disclaimer")).to_be_visible()
    expect(page.get_by_role("link", name="Exit this page")).to_be_hidden()
    book = page.locator(".cta__book a")
    assert book.evaluate("link => getComputedStyle(link).display") == "inline"
    assert book.evaluate("link => getComputedStyle(link, '::after').content").startswith('" (')
    assert ClinicProfile.load().booking_url in book.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
