"""WCAG 2.2 AA on every public page type, in the light and the dark scheme.

axe-core checks each page; the test also tabs through it (every focusable element shows a
focus ring), checks the <head> basics, that nothing scrolls sideways, and that the page makes no
request to another site.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.checks import axe_violations, head_facts, tab_through
from tests.public_pages import html_pages, page_url, page_url_in

pytestmark = pytest.mark.browser

# Each page in both schemes, and at a desktop's width and the narrowest phone's (WCAG's reflow
# width: 320 CSS px, where nothing may need scrolling sideways).
MODES = {"light, 1280 px": ("light", 1280), "dark, 320 px": ("dark", 320)}
# Each page in English and in French: (language, <html lang>, the skip link's words).
LANGUAGES = {
    "English": ("en", "en-CA", "Skip to main content"),
    "French": ("fr", "fr-CA", "Passer au contenu principal"),
}


@pytest.mark.parametrize("language", LANGUAGES.values(), ids=LANGUAGES.keys())
@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
@pytest.mark.parametrize("page_type", html_pages(), ids=lambda page: page.name)
def test_public_page_meets_wcag_22_aa(new_context, live_server, library, page_type, mode, language):
    scheme, width = mode
    code, lang, skip_link = language
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": 800}).new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    url = page_url(page_type, library) if code == "en" else page_url_in(code, page_type, library)
    response = page.goto(url)

    assert response.status == page_type.status
    assert axe_violations(page) == []
    head = head_facts(page)
    assert head["viewport"] == "width=device-width, initial-scale=1"
    assert head["themeColors"] and head["icon"] and head["touchIcon"], head
    assert head["lang"] == lang and head["title"], head
    assert head["unsizedImages"] == [], "images without width and height shift the layout"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "scrolls sideways"
    server = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in requests} == {server}, requests
    focus_stops = tab_through(page)
    assert focus_stops[0]["text"] == skip_link
    assert [stop for stop in focus_stops if not stop["hasRing"]] == []
