"""The editor's live preview shows an article's text as the site does: the same computed
styles, element by element, in both colour schemes (the admin's own styles kept out)."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory
from tests.helpers import PASSWORD

pytestmark = pytest.mark.browser

BODY = """A first paragraph with a [link](https://example.org/) and **bold** words.[^1]

## A heading

1. An item
2. Another item

- A point
- Another point

### A smaller heading

> A quotation, as an article quotes a participant.

| Dose | Effect |
| ---- | ------ |
| Low  | Mild   |

A last paragraph.

[^1]: A footnote, in the small type of notes.
"""
PROPERTIES = [
    "font-family", "font-size", "font-weight", "font-style", "line-height", "color",
    "background-color", "margin-top", "margin-bottom", "margin-left", "padding-left",
    "padding-top", "list-style-type", "text-transform", "letter-spacing", "text-align",
    "border-left-width", "border-bottom-width",
]  # fmt: skip
KINDS = ["h2", "h3", "p", "ol", "ul", "ol > li", "ul > li", "a", "strong", "blockquote",
         "blockquote p", "table", "th", "td", ".footnote", ".footnote li p"]  # fmt: skip
STYLES = """([selector, kinds, properties]) => {
  const roots = [...document.querySelectorAll(selector)];  // an article's lead, then its body
  return Object.fromEntries(kinds.map(kind => {
    const style = getComputedStyle(roots.map(root => root.querySelector(kind)).find(Boolean));
    return [kind, Object.fromEntries(properties.map(name => [name, style.getPropertyValue(name)]))];
  }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_preview_styles_the_text_as_the_article_page_does(
    new_context, clinic, log_in, django_user_model, scheme
):
    django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    article = ArticleFactory(body=BODY)
    page = new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(article.get_absolute_url())
    on_the_site = page.evaluate(STYLES, ["main .prose", KINDS, PROPERTIES])

    log_in(page, "boss")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    preview = page.locator(".markdownx-preview.prose")
    expect(preview.locator("table")).to_be_visible()
    in_the_preview = page.evaluate(STYLES, [".markdownx-preview", KINDS, PROPERTIES])

    differences = {
        (kind, name): (value, in_the_preview[kind][name])
        for kind, styles in on_the_site.items()
        for name, value in styles.items()
        if in_the_preview[kind][name] != value
    }
    assert differences == {}
