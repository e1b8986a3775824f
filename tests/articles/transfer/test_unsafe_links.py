"""Links and images pointing at javascript:, vbscript: or data: never reach a stored body, from
any source; the text a reader saw stays. The editor refuses them with a message."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from articles.models import Article
from articles.transfer.drafts import convert
from articles.transfer.posts import HTML, LOOSE_HTML, MARKDOWN, WORDPRESS_HTML, Post, Site
from articles.transfer.wordpress.content import ConversionError
from clinic.authoring.links import drop_unsafe_links, is_unsafe, unsafe_targets
from tests.factories import PersonFactory
from tests.helpers import article_form

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

TRICKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " \tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "\x01javascript:alert(1)",
]
SAFE = ["https://example.org/javascript:guide", "javascript-basics.html", "/data:page",
        "mailto:desk@example.org", "tel:+15551234567", "#data:1", "?javascript:1"]  # fmt: skip


@pytest.mark.parametrize("target", TRICKS)
def test_every_spelling_of_an_unsafe_scheme_is_recognised(target):
    assert is_unsafe(target)


@pytest.mark.parametrize("target", SAFE)
def test_ordinary_addresses_are_not(target):
    assert not is_unsafe(target)


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("[Call us](JavaScript:alert(1)) today", "Call us today"),
        ("![a chart](data:image/png;base64,AAAA)", "a chart"),
        ("[![a chart](data:x)](vbscript:msgbox)", "a chart"),
        ("[a [nested] label](javascript:alert((1)))", "a [nested] label"),
        ("[x](<java\tscript:alert(1)>)", "x"),
        ('[x](&#106;avascript:alert(1) "title")', "x"),
        ("[ref][bad] and [bad]\n\n[bad]: javascript:alert(1)\n", "ref and bad\n\n"),
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ('<a href="JAVASCRIPT:alert(1)" title="t">raw</a>', '<a title="t">raw</a>'),
    ],
)
def test_markdown_loses_the_target_and_keeps_the_text(markdown, kept):
    cleaned, dropped = drop_unsafe_links(markdown)
    assert cleaned == kept and dropped
    assert unsafe_targets(cleaned) == []


def test_code_that_shows_an_unsafe_link_is_left_as_it_is():
    markdown = 'Never click `[x](javascript:alert(1))`:\n\n```\n<a href="javascript:x">\n```\n'
    assert drop_unsafe_links(markdown) == (markdown, [])
    assert unsafe_targets(markdown) == []


def post(content, content_format):
    return Post(key="k", post_type="post", status="publish", title="Links", slug="links",
                link="https://old.example.org/links/", content=content, excerpt_html="",
                creator="ana", published_at=datetime(2024, 1, 1, tzinfo=UTC),
                content_format=content_format)  # fmt: skip


@pytest.mark.parametrize(
    "content_format",
    [WORDPRESS_HTML, HTML, LOOSE_HTML],
    ids=["wordpress-squarespace", "ghost-medium-wix-live-site", "blogger"],
)
@pytest.mark.parametrize("target", TRICKS)
def test_every_html_source_drops_the_target_and_keeps_the_text(content_format, target):
    attribute = target.replace('"', "&quot;")
    content = (f'<p>Read <a href="{attribute}">the guide</a> and see '
               f'<img src="{attribute}" alt="the chart"> here.</p>')  # fmt: skip
    converted = convert(post(content, content_format), Site())
    assert converted.markdown == "Read the guide and see the chart here."
    assert converted.image_urls == []
    assert any("were removed" in warning for warning in converted.warnings)


def test_markdown_a_reader_wrote_is_cleaned_too():
    converted = convert(post("[the guide](javascript:alert(1))", MARKDOWN), Site())
    assert converted.markdown == "the guide"


def test_text_that_spells_out_a_link_stays_text():
    content = "<p>Type &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt; to test.</p>"
    converted = convert(post(content, HTML), Site())
    assert unsafe_targets(converted.markdown) == []
    assert "javascript:alert(1)" in converted.markdown  # shown, as the old page showed it


def test_a_target_that_cannot_be_taken_out_refuses_the_post(monkeypatch):
    from articles.transfer import drafts

    monkeypatch.setattr(drafts, "drop_unsafe_links", lambda markdown: (markdown, []))
    with pytest.raises(ConversionError, match="“javascript:alert\\(1\\)” in a way that could not"):
        convert(post("[x](javascript:alert(1))", MARKDOWN), Site())


# Each platform's own file, end to end.

HOSTILE_LINK = '<a href="JavaScript:alert(document.cookie)">the guide</a>'


def body_of_the_only_article():
    article = Article.objects.get()
    assert unsafe_targets(article.body) == [] and "the guide" in article.body
    return article.body


def test_a_wordpress_export(import_export, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old</title>
<wp:wxr_version>1.2</wp:wxr_version><item><title>Links</title><wp:post_id>1</wp:post_id>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[Read {HOSTILE_LINK}.]]></content:encoded></item></channel></rss>""")
    output = import_export(path)
    assert body_of_the_only_article() == "Read the guide."
    assert "1 link(s) or image(s) pointing at “JavaScript:alert(document.cookie)”" in output


def test_a_ghost_export(import_export, tmp_path):
    path = tmp_path / "ghost.json"
    data = {
        "posts": [
            {
                "id": "1",
                "title": "Links",
                "slug": "links",
                "type": "post",
                "status": "published",
                "html": f"<p>Read {HOSTILE_LINK}.</p>",
            }
        ]
    }
    path.write_text(json.dumps({"db": [{"meta": {"version": "5.80.0"}, "data": data}]}))
    import_export(path)
    body_of_the_only_article()


def test_a_blogger_export(import_export, tmp_path):
    text = (FIXTURES / "blogger-clinic-export.xml").read_text(encoding="utf-8")
    escaped = HOSTILE_LINK.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    text = text.replace("Slow breathing is one", f"Read {escaped}. Slow breathing is one", 1)
    path = tmp_path / "blogger.xml"
    path.write_text(text, encoding="utf-8")
    import_export(path)
    body = Article.objects.get(title__icontains="breath").body
    assert "alert" not in body and "Read the guide." in body


def test_a_medium_post(import_export, tmp_path):
    text = (FIXTURES / "medium-clinic-post.html").read_text(encoding="utf-8")
    marker = '<section data-field="body" class="e-content">'
    path = tmp_path / "2023-06-08_Links-5f6e7d8c9b0a.html"
    path.write_text(text.replace(marker, f"{marker}<p>Read {HOSTILE_LINK}.</p>", 1))
    import_export(path)
    body_of_the_only_article()


def test_a_wix_csv(import_export, tmp_path):
    link = {"type": "LINK", "linkData": {"link": {"url": "javascript:alert(1)"}}}
    document = {
        "nodes": [
            {
                "type": "PARAGRAPH",
                "nodes": [
                    {"type": "TEXT", "textData": {"text": "the guide", "decorations": [link]}}
                ],
            }
        ]
    }
    sample = (FIXTURES / "wix-tryghost-sample.csv").read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(sample)))
    row = dict.fromkeys(header, "") | {
        "Title": "Links", "Slug": "links", "ID": "post-9", "Author": "Ana",
        "Published Date": "2025-10-01T10:00:00Z", "Rich Content": json.dumps(document),
    }  # fmt: skip
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    writer.writerow(row)
    path = tmp_path / "Posts.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    import_export(path)
    body = body_of_the_only_article()  # Wix's reader reads an address without "//" as a host
    assert body == "[the guide](https://javascript:alert(1))"


# The editor


@pytest.mark.parametrize("target", ["javascript:alert(1)", "DATA:text/html,x", "&#106;avascript:x"])
def test_the_editor_refuses_an_unsafe_link_and_keeps_the_text_typed(admin_client, target):
    body = f"## Help\n\nCall [our desk]({target}) today."
    data = article_form(PersonFactory(), body=body, title="Keep this title")
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert errors[0].startswith("The body links to “")
    assert "javascript:, vbscript: or data: addresses" in errors[0]
    assert "Call [our desk](" in response.content.decode()
    assert not Article.objects.exists()


def test_the_editor_accepts_code_that_shows_such_a_link(admin_client):
    body = "Never click links such as `javascript:alert(1)` or `[x](javascript:alert(1))`."
    data = article_form(PersonFactory(), body=body)
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
