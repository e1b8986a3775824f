"""The constructs of WordPress's own theme unit test data that earlier imports lost, each kept.

fixtures/constructs/theme-unit-test-shapes.xml holds each in the markup WordPress writes; every
test looks at the page a visitor gets.
"""

import re
from pathlib import Path

import pytest

from articles.models import Article
from articles.transfer.apply import ImportOptions, import_wxr

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).parent / "fixtures" / "constructs" / "theme-unit-test-shapes.xml"


@pytest.fixture
def report():
    return import_wxr(SHAPES, ImportOptions(publish_published=True, include_pages=True))


def page(client, slug):
    article = Article.objects.get(slug=slug)
    return client.get(article.get_absolute_url()).content.decode(), article


def text_of(markup):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", markup))


def test_prose_in_square_brackets_stays_and_plugin_shortcodes_go(report, client):
    html, _ = page(client, "brackets")
    assert "beaching their coracles [simple boat]. We too" in html
    assert 'Two trials [1] found the effect was "smal" [sic] but real [see note 2].' in (
        html.replace("“", '"').replace("”", '"')
    )
    assert "A highlighted phrase." in html
    assert "contact-form-7" not in html and "[toc]" not in html and "[highlight]" not in html
    assert any("removed WordPress shortcodes: contact-form-7, highlight, toc" in warning
               for warning in report.warnings)  # fmt: skip


def test_a_list_item_holding_code_or_a_quote_stays_one_item(report, client):
    _, article = page(client, "lists-with-blocks")
    html = article.body_html
    items = re.findall(r"<li>(.*?)</li>", html[html.index("<ol>") : html.index("</ol>")], re.S)
    assert len(items) == 4
    assert "<pre><code>sleep 7\nwake 6:30\n</code></pre>" in items[1]
    assert "<blockquote>\n<p>Quoted inside an item.</p>\n</blockquote>" in items[2]
    assert text_of(items[3]).strip() == "List Item Four!"
    assert "List Item Four!" not in text_of(items[2])


def test_line_breaks_in_preformatted_and_verse_blocks_are_real(report, client):
    html, _ = page(client, "preformatted-and-verse")
    assert "&lt;br" not in html
    assert "<pre><code>The preformatted block.\n\nThe Road Not Taken\n\nRobert Frost \n" in html
    assert "(\\_/)" in html  # kept verbatim
    verse = "The Verse block\n\nA block for a short poem? \n  Why not? \n    Each line its own."
    assert verse in html


def test_a_term_or_paragraph_starting_with_a_hash_stays_text(report, client):
    html, _ = page(client, "hash-at-the-start")
    assert "<dt>#dowork</dt>\n<dd>A tag people use to cheer each other on.</dd>" in html
    assert html.count("<dl>") == 1 and "<dt>Wind-down</dt>" in html
    assert "<p>#1 tip: keep the same wake-up time every day.</p>" in html
    assert "<p>&gt; not a quote, just an arrow the author typed</p>" in html
    assert 'id="dowork"' not in html and 'id="1-tip' not in html


def test_every_gallery_caption_is_visible(report, client):
    html, _ = page(client, "gallery-captions")
    for caption in ("The lake at dawn", "The mill at noon", "First caption", "Second caption",
                    "Third caption"):  # fmt: skip
        assert f"<figcaption>{caption}</figcaption>" in html
    assert "Two walks near the clinic" in text_of(html)
    assert 'title="' not in html[html.index("The lake") - 400 : html.index("Third caption")]
    assert ('<a href="https://shapes.example.org/gallery-captions/field/" rel="noopener '
            'noreferrer"><img alt="A field"') in html  # fmt: skip


def test_links_around_images_and_inside_captions_are_kept(report, client):
    html, _ = page(client, "image-links")
    assert (
        '<a href="https://shapes.example.org/wp-content/uploads/room-full.jpg" rel="noopener '
        'noreferrer"><img alt="The waiting room"'
    ) in html
    assert (
        '<figure><a href="https://shapes.example.org/wp-content/uploads/garden.jpg" rel="noopener'
        ' noreferrer"><img alt="The garden" src="https://shapes.example.org/wp-content/uploads/'
        'garden.jpg"></a><figcaption>The garden in spring. It is open to everyone.</figcaption>'
    ) in html
    assert (
        '<a href="https://shapes.example.org/wp-content/uploads/bench.jpg" rel="noopener '
        'noreferrer"><img alt="A bench"'
    ) in html
    assert "<figcaption>A bench by the lake</figcaption>" in html
    assert (
        '<figcaption>Data from <a href="https://doi.org/10.1000/sleep" rel="noopener noreferrer">'
        "the 2021 trial</a>, redrawn</figcaption>"
    ) in html


def test_escaped_html_the_old_site_showed_as_text_stays_text(report, client):
    html, article = page(client, "escaped-html")
    assert "usually styled like the <code>&lt;code&gt;</code> tag." in html
    assert "wrap them in &lt;strong&gt; and &lt;/strong&gt;; write &amp;lt; to show a" in html
    assert "<strong>" not in article.body_html


def test_plain_page_and_attachment_addresses_redirect(report, client):
    for address, target in [
        ("/?p=106", "/articles/image-links/"),
        ("/?attachment_id=754", "/articles/image-links/"),
        ("/?page_id=2", "/articles/about/"),
    ]:
        response = client.get(address)
        assert (response.status_code, response["Location"]) == (301, target), address


def test_a_disclaimer_taken_from_the_post_is_the_text_a_reader_saw():
    from articles.transfer.wordpress.content import html_to_markdown, split_disclaimer

    markdown = html_to_markdown(
        "<p>Body.</p><p>Disclaimer: not for people &lt; 18 &amp; #1 not medical advice.</p>",
        block_editor=True,
    ).markdown
    assert split_disclaimer(markdown)[1] == "not for people < 18 & #1 not medical advice."
