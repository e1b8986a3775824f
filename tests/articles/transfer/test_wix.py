"""Wix's blog CSV export: its Ricos documents become Markdown, member-id authors the team byline."""

import json

import pytest

from articles.models import Article, Topic
from articles.transfer.wix.ricos import ricos_to_html
from articles.transfer.wordpress.content import html_to_markdown
from clinic.domain.models import ClinicProfile, Redirect

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

CLINIC_CSV = FIXTURES / "wix-clinic-posts.csv"


def test_a_wix_csv_becomes_draft_articles_with_their_formatting(import_export):
    output = import_export(CLINIC_CSV)
    assert "3 created, 0 updated, 0 unchanged, 0 skipped" in output
    article = Article.objects.get(slug="sleep-and-anxiety-review")
    assert article.status == Article.Status.DRAFT
    assert article.summary == "Twelve small trials suggest sleep-focused therapy may ease anxiety."
    assert article.publish_at.isoformat() == "2024-03-10T04:00:00+00:00"
    body = article.body
    assert "## What the review looked at" in body
    assert (
        "![A dim bedroom with a bedside lamp switched off](https://static.wixstatic.com/media/"
        '3f2a1b_5c9e0d7a4b6c4d1e8f2a3b4c5d6e7f80~mv2.jpg "A bedroom with the lights turned '
        'down")' in body
    )
    assert "**twelve small trials**" in body
    assert "[summary from the journal](https://doi.org/10.1000/example.2024.17)" in body
    assert "-   Keep the same wake-up time every day\n-   Leave the bedroom" in body
    assert "1.  Talk to your clinician\n2.  Keep a two-week sleep diary" in body
    assert "> Better sleep came before calmer days in most of the trials." in body
    assert "[Watch the video on YouTube](https://www.youtube.com/embed/abc123XYZ09)" in body
    assert '"Sleep diary, week two")' in body  # every gallery picture, with its title
    assert "<script" not in body and "chart" not in body


def test_what_wix_could_not_show_is_named_in_the_report(import_export):
    output = import_export(CLINIC_CSV)
    assert "1 × a custom HTML block (code written for the Wix page) from Wix could not" in output
    assert "1 × a poll from Wix could not be shown and was left out" in output
    assert "“How light affects mood in winter”: it had only Plain Content" in output
    article = Article.objects.get(slug="light-and-winter-mood")
    assert (
        article.body
        == "Shorter days change how some people feel.\n\nA morning walk outside helps many."
    )


def test_authors_given_as_wix_member_ids_take_the_team_byline_and_the_report_says_so(
    import_export,
):
    output = import_export(CLINIC_CSV)
    team = f"{ClinicProfile.load().name} team"
    assert Article.objects.get(slug="sleep-and-anxiety-review").author.name == team
    assert Article.objects.get(slug="light-and-winter-mood").author.name == team
    assert Article.objects.get(slug="grounding-exercises-for-panic").author.name == "Dana Whitfield"
    assert "2 post(s) name their author only by a Wix member id" in output
    assert "a531ff45-0ba0-4cc5-9ee8-26a12e5e8cba" in output


def test_categories_become_topics_and_old_addresses_redirect(import_export):
    import_export(CLINIC_CSV)
    topics = Article.objects.get(slug="sleep-and-anxiety-review").topics
    assert set(topics.values_list("name", flat=True)) == {"Anxiety", "Research"}
    assert Topic.objects.filter(from_import=True).count() == 5
    assert Redirect.objects.get(old_path="/post/sleep-and-anxiety-review").new_path == (
        "/articles/sleep-and-anxiety-review/"
    )


def test_a_second_import_of_the_same_csv_changes_nothing(import_export):
    import_export(CLINIC_CSV)
    assert "0 created, 0 updated, 3 unchanged" in import_export(CLINIC_CSV)
    assert Article.objects.count() == 3


def test_a_rich_content_cell_that_is_not_json_falls_back_to_the_plain_text(import_export):
    output = import_export(FIXTURES / "wix-tryghost-sample.csv")
    assert Article.objects.get(slug="hello-wix").body == "Hello **world**"
    draft = Article.objects.get(title="Draft Wix")
    assert draft.body == "Draft plain" and draft.status == Article.Status.DRAFT
    assert "its Rich Content is not a Wix document, so its Plain Content" in output


def _ricos_markdown(document):
    html, warnings = ricos_to_html(document)
    return html_to_markdown(html, block_editor=True, shortcodes=False).markdown, warnings


def test_both_names_wix_has_used_for_bulleted_lists_are_read():
    for name in ("BULLET_LIST", "BULLETED_LIST"):
        item = {
            "type": "LIST_ITEM",
            "nodes": [
                {
                    "type": "PARAGRAPH",
                    "nodes": [
                        {
                            "type": "TEXT",
                            "textData": {"text": "Breathe out slowly", "decorations": []},
                        }
                    ],
                }
            ],
        }
        markdown, _ = _ricos_markdown({"nodes": [{"type": name, "nodes": [item]}]})
        assert markdown == "-   Breathe out slowly", name


def test_wix_s_own_document_of_every_node_type_converts_without_losing_the_text():
    document = json.loads((FIXTURES / "wix-ricos-migration-content.json").read_text())
    markdown, warnings = _ricos_markdown(document)
    assert markdown.count("Lorem ipsum dolor sit amet") >= 1
    assert "[Link Button](https://www.wix.com)" in markdown  # "www.wix.com" given a scheme
    assert "[Download image.jpg](https://www.w3.org/wai/er/tests/xhtml/testfiles/" in markdown
    assert "Map: Wix HQ, Nemal Tel Aviv Street" in markdown
    assert "https://static.wixstatic.com/media/8bb438_67a68c0652d740bab508f68662acc882.jpg" in (
        markdown
    )
    assert "```\nsongs = pd.read_csv(SONGS_FILE)\n```" in markdown
    assert "[See the embedded content: flowers](https://www.wix.app/stores/" in markdown
    assert "https:///" not in markdown  # an embed's Wix id is not an address
    # ORDERED_LIST ×5 and BULLET_LIST ×6 (2021 names), nested five deep
    assert "                1.  Nulla non varius ipsum" in markdown
    assert "                -   Vivamus mauris" in markdown
    assert warnings == ["1 × a poll from Wix could not be shown and was left out"]


def test_a_link_split_into_styled_runs_stays_one_link_and_caption_links_are_kept():
    link = {"type": "LINK", "linkData": {"link": {"url": "https://doi.org/10.1000/x"}}}
    bold = {"type": "BOLD", "fontWeightValue": 700}
    paragraph = {
        "type": "PARAGRAPH",
        "nodes": [
            {"type": "TEXT", "textData": {"text": "the ", "decorations": [link]}},
            {"type": "TEXT", "textData": {"text": "full study", "decorations": [link, bold]}},
        ],
    }
    image = {
        "type": "IMAGE",
        "imageData": {"image": {"src": {"id": "ab_1~mv2.jpg"}}, "altText": "A chart"},
        "nodes": [
            {
                "type": "CAPTION",
                "nodes": [
                    {"type": "TEXT", "textData": {"text": "Source: ", "decorations": []}},
                    {"type": "TEXT", "textData": {"text": "the journal", "decorations": [link]}},
                ],
            }
        ],
    }
    markdown, _ = _ricos_markdown({"nodes": [paragraph, image]})
    assert markdown == (
        "[the **full study**](https://doi.org/10.1000/x)\n\n"
        "![A chart](https://static.wixstatic.com/media/ab_1~mv2.jpg)\n\n"
        "Source: [the journal](https://doi.org/10.1000/x)"
    )
