import pytest

from clinic.authoring.markdown import render_markdown


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="steal()">click</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<object data="x.swf"></object><embed src="x.swf">',
        '<form action="https://evil.example"><input name="pw"></form>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_sanitiser_removes_dangerous_markup(source):
    html = render_markdown(source).lower()
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:text/html",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "style=",
        "<svg",
    ]:
        assert forbidden not in html, (forbidden, html)


def test_external_links_get_noopener_noreferrer():
    html = render_markdown("[the paper](https://doi.org/10.4088/JCP.22r14614)")
    assert 'href="https://doi.org/10.4088/JCP.22r14614"' in html
    assert 'rel="noopener noreferrer"' in html


def test_tables_footnotes_smart_quotes_and_heading_ids():
    html = render_markdown(
        '## Key "findings"\n\n| Measure | Change |\n|:--|--:|\n| CAPS-5 | -12 |\n\n'
        "A claim.[^1]\n\n[^1]: The source.\n"
    )
    assert '<h2 id="key-findings">Key “findings”</h2>' in html
    assert "<table>" in html and '<td align="right">-12</td>' in html
    assert 'class="footnote-ref"' in html and 'class="footnote"' in html


def test_top_level_heading_is_demoted_because_the_page_owns_the_h1():
    assert render_markdown("# Title").startswith('<h2 id="title">')


def test_empty_text_renders_to_empty_html():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
