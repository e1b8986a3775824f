"""Glossary terms in an article, for a keyboard user, a screen reader and on paper."""

import pytest
from playwright.sync_api import expect

from articles.models import GlossaryTerm
from tests.factories import ArticleFactory, StudyFactory

pytestmark = pytest.mark.browser

BODY = """\
Everyone took a placebo or the drug. Symptoms were scored on the MADRS.

## Why a placebo matters

A second placebo is not marked.
"""


@pytest.fixture
def article(clinic):
    for term, definition in [
        ("Placebo", "A dummy treatment with no active ingredient."),
        ("MADRS", "A clinician's 10-item rating of depression."),
    ]:
        GlossaryTerm.objects.update_or_create(
            slug=term.lower(), defaults={"term": term, "definition": definition}
        )
    article = ArticleFactory(title="A placebo-controlled trial", body=BODY)
    StudyFactory(article=article, design="rct", participants=60, comparison="placebo")
    return article


def test_a_keyboard_user_opens_a_definition_and_comes_back(page, article):
    page.goto(article.get_absolute_url())
    term = page.get_by_role("link", name="placebo", exact=True)
    expect(term).to_have_count(1)
    expect(term).to_have_accessible_description("A dummy treatment with no active ingredient.")

    term.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#glossary-placebo"
    definition = page.locator("#glossary-placebo")
    expect(definition).to_be_in_viewport()
    expect(definition).to_contain_text("Placebo: A dummy treatment with no active ingredient.")

    back = definition.get_by_role("link", name="Back to “Placebo” in the text")
    back.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#glossary-ref-placebo"
    expect(term).to_be_in_viewport()


def test_on_paper_terms_are_numbered_and_their_definitions_print_as_footnotes(page, article):
    page.emulate_media(media="print")
    page.goto(article.get_absolute_url())
    terms = page.locator(".prose a.term")
    expect(terms).to_have_count(2)
    marker = terms.first.evaluate("link => getComputedStyle(link, '::after').content")
    assert "counter(term)" in marker
    notes = page.locator(".terms")
    expect(notes).to_be_visible()
    items = notes.locator("li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Placebo: A dummy treatment with no active ingredient.")
    expect(items.last).to_contain_text("MADRS: A clinician's 10-item rating of depression.")
    expect(notes.locator(".terms__back").first).to_be_hidden()
    expect(page.locator(".evidence")).to_be_visible()
