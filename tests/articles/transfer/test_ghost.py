"""Ghost's JSON export: html, else Lexical or Mobiledoc; authors and tags through their tables."""

import json

import pytest

from articles.models import Article
from clinic.domain.models import find_redirect

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

GHOST_4 = FIXTURES / "ghost-4.1-export.trimmed.json"
LEXICAL = {
    "root": {"type": "root", "children": [
        {"type": "paragraph", "children": [
            {"type": "text", "text": "Keep a "},
            {"type": "text", "text": "sleep diary", "format": 1},
            {"type": "text", "text": " for two weeks; see "},
            {"type": "link", "url": "https://example.org/diary", "children": [
                {"type": "text", "text": "the template"}]},
            {"type": "text", "text": "."}]},
        {"type": "heading", "tag": "h2", "children": [{"type": "text", "text": "What to note"}]},
        {"type": "list", "listType": "bullet", "children": [
            {"type": "listitem", "children": [{"type": "text", "text": "Bedtime"}]},
            {"type": "listitem", "children": [{"type": "text", "text": "Wake-up time"}]}]},
        {"type": "image", "src": "https://example.org/diary.png", "alt": "A diary page",
         "caption": "Week one"},
        {"type": "bookmark", "url": "https://example.org/sleep",
         "metadata": {"title": "Sleep basics"}},
        {"type": "paywall"},
    ]}
}  # fmt: skip


def ghost_export(tmp_path, posts, **tables):
    path = tmp_path / "ghost.json"
    data = {"posts": posts, "users": [{"id": "1", "name": "Ana Ruiz", "slug": "ana"}], **tables}
    path.write_text(json.dumps({"db": [{"meta": {"version": "5.80.0"}, "data": data}]}))
    return path


def test_a_ghost_export_s_posts_come_with_author_tags_picture_and_internal_links(import_export):
    output = import_export(GHOST_4)
    assert "2 created, 0 updated, 0 unchanged, 1 skipped" in output  # the page
    welcome = Article.objects.get(slug="welcome")
    assert welcome.title == "Start here for a quick overview of everything you need to know"
    assert welcome.summary.startswith("We've crammed the most important information")
    assert welcome.author.name == "Ghost"
    assert list(welcome.topics.values_list("name", flat=True)) == ["Getting Started"]
    assert welcome.body.startswith("**Hey there**, welcome to your new home on the web!")
    assert "-   [Selling premium memberships with recurring revenue](/sell/)" in welcome.body
    assert "__GHOST_URL__" not in welcome.body  # Ghost's own address, in links to its posts
    assert find_redirect("/welcome/") == "/articles/welcome/"
    assert "welcome-to-ghost.png" in output  # the featured picture, listed as not copied here


def test_a_members_only_ghost_post_stays_a_draft_and_says_why(import_export):
    output = import_export(GHOST_4, "--publish-published")
    assert Article.objects.get(slug="welcome").is_live
    assert Article.objects.get(slug="sell").status == Article.Status.DRAFT
    assert "it was for paid members only on Ghost, so it comes across as a draft" in output


def test_without_html_the_mobiledoc_document_is_read(import_export, tmp_path):
    document = json.loads(GHOST_4.read_text())
    for post in document["db"][0]["data"]["posts"]:
        post["html"] = None
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    import_export(path)
    body = Article.objects.get(slug="welcome").body
    assert body.startswith("**Hey there**, welcome to your new home on the web!")
    assert "## " in body


def test_without_html_the_lexical_document_of_ghost_5_is_read(import_export, tmp_path):
    post = {"id": "p1", "uuid": "u1", "title": "Sleep diaries", "slug": "sleep-diaries",
            "lexical": json.dumps(LEXICAL), "html": None, "type": "post", "status": "published",
            "published_at": "2024-02-01T09:00:00.000Z", "visibility": "public"}  # fmt: skip
    import_export(ghost_export(tmp_path, [post], posts_authors=[
        {"post_id": "p1", "author_id": "1", "sort_order": 0}]))  # fmt: skip
    article = Article.objects.get(slug="sleep-diaries")
    assert article.author.name == "Ana Ruiz"
    assert article.body == (
        "Keep a **sleep diary** for two weeks; see [the template](https://example.org/diary).\n\n"
        "## What to note\n\n-   Bedtime\n-   Wake-up time\n\n"
        '![A diary page](https://example.org/diary.png "Week one")\n\n'
        "[Sleep basics](https://example.org/sleep)"
    )


def test_a_ghost_0x_export_with_millisecond_dates_and_markdown(import_export):
    import_export(FIXTURES / "ghost-0x-v003.json")
    article = Article.objects.get(slug="my-blog-post-title")
    assert article.publish_at.isoformat() == "2010-09-06T13:44:09+00:00"
    assert article.body == "the *html* formatted post body"
    assert list(article.topics.values_list("name", flat=True)) == ["Colorado Ho!"]


GALLERY_AND_BOOKMARK = (
    '<p>Rooms:</p><figure class="kg-card kg-gallery-card kg-width-wide kg-card-hascaption">'
    '<div class="kg-gallery-container"><div class="kg-gallery-row"><div class="kg-gallery-image">'
    '<img src="https://example.org/a.jpg" alt="The waiting room"></div>'
    '<div class="kg-gallery-image"><img src="https://example.org/b.jpg" alt="A therapy room">'
    "</div></div></div><figcaption>Our new rooms</figcaption></figure>"
    '<img src="__GHOST_URL__/content/images/2024/02/desk.jpg" alt="The front desk">'
    '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
    'href="https://example.org/guide"><div class="kg-bookmark-content"><div '
    'class="kg-bookmark-title">A guide to the first visit</div></div><div '
    'class="kg-bookmark-thumbnail"><img src="https://example.org/thumb.png"></div></a></figure>'
)


def test_every_picture_of_a_ghost_gallery_and_a_bookmark_s_link_are_kept(import_export, tmp_path):
    post = {"id": "p2", "title": "Our rooms", "slug": "our-rooms", "html": GALLERY_AND_BOOKMARK,
            "type": "post", "status": "published", "published_at": "2024-02-01"}  # fmt: skip
    output = import_export(ghost_export(tmp_path, [post]))
    assert Article.objects.get(slug="our-rooms").body == (
        "Rooms:\n\n![The waiting room](https://example.org/a.jpg)\n\n"
        '![A therapy room](https://example.org/b.jpg "Our new rooms")\n\n'
        "![The front desk](/content/images/2024/02/desk.jpg)\n\n"
        "[A guide to the first visit](https://example.org/guide)"
    )
    assert "its pictures were stored on the Ghost site itself (/content/images/…)" in output
