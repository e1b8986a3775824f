"""A WordPress site's plain addresses (?p=N, ?page_id=N, ?attachment_id=N) and its authors."""

import pytest

from articles.models import Article
from clinic.domain.models import Person

from .conftest import OLDER_FIXTURES

pytestmark = pytest.mark.django_db

WORDPRESS = OLDER_FIXTURES / "wordpress.xml"


def wxr(tmp_path, items, *, channel="", generator="https://wordpress.org/?v=6.5.2"):
    path = tmp_path / "export.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Theme test</title><link>https://wpthemetestdata.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>{channel}<generator>{generator}</generator>
{items}</channel></rss>""", encoding="utf-8")  # fmt: skip
    return path


def item(post_id, title, creator, *, post_type="post"):
    return f"""<item><title>{title}</title>
<link>https://wpthemetestdata.example.org/{title.lower().replace(" ", "-")}/</link>
<dc:creator><![CDATA[{creator}]]></dc:creator><wp:post_id>{post_id}</wp:post_id>
<wp:post_date_gmt>2013-01-0{post_id % 9 + 1} 10:00:00</wp:post_date_gmt>
<content:encoded><![CDATA[<p>Text of {title}.</p>]]></content:encoded>
<wp:status>publish</wp:status><wp:post_type>{post_type}</wp:post_type></item>"""


def test_plain_addresses_on_the_old_home_redirect_to_the_article(import_export, client):
    assert client.get("/?p=101").status_code == 200  # nothing imported yet: the home page
    import_export(WORDPRESS, "--publish-published", "--pages")
    for address, target in [
        ("/?p=101", "/articles/ketamine-ptsd-review/"),
        ("/?p=134", "/articles/exercise-and-depression/"),
        ("/?p=150", "/articles/sleep-and-anxiety-draft/"),  # its permalink was plain too
        ("/?attachment_id=120", "/articles/ketamine-ptsd-review/"),  # a picture of that post
        ("/?p=120", "/articles/ketamine-ptsd-review/"),
        ("/?page_id=2", "/articles/about/"),
        ("/?p=2", "/articles/about/"),
    ]:
        response = client.get(address)
        assert (response.status_code, response["Location"]) == (301, target), address
    assert client.get("/?p=99999").status_code == 200
    assert client.get("/?p=abc").status_code == 200


def test_plain_addresses_of_a_site_in_a_folder_keep_the_folder(import_export, client, tmp_path):
    channel = "<wp:base_blog_url>https://lemire.example.org/blog</wp:base_blog_url>"
    import_export(wxr(tmp_path, item(17725, "JSON parsing", "daniel"), channel=channel))
    response = client.get("/blog/?p=17725")
    assert (response.status_code, response["Location"]) == (301, "/articles/json-parsing/")
    assert client.get("/?p=17725").status_code == 200


def test_a_squarespace_export_records_no_plain_addresses(import_export, client, tmp_path):
    import_export(wxr(tmp_path, item(5, "Breathing", "dana"), generator=""))
    assert Article.objects.filter(slug="breathing").exists()
    assert client.get("/?p=5").status_code == 200


AUTHORS = """<wp:author><wp:author_id>4</wp:author_id>
<wp:author_login><![CDATA[themereviewteam]]></wp:author_login>
<wp:author_email><![CDATA[review@example.org]]></wp:author_email>
<wp:author_display_name><![CDATA[Theme Review Team]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>5</wp:author_id><wp:author_login><![CDATA[chipbennett]]></wp:author_login>
<wp:author_display_name><![CDATA[Chip Bennett]]></wp:author_display_name></wp:author>"""


def test_authors_are_matched_by_login_and_named_from_the_export_s_author_list(
    import_export, tmp_path
):
    items = (
        item(1, "First post", ">themereviewteam")  # a slip in one post's author field
        + item(2, "Second post", "themereviewteam")
        + item(3, "Third post", "ChipBennett")
    )
    import_export(wxr(tmp_path, items, channel=AUTHORS))
    bylines = dict(Article.objects.values_list("slug", "author__name"))
    assert bylines == {"first-post": "Theme Review Team", "second-post": "Theme Review Team",
                       "third-post": "Chip Bennett"}  # fmt: skip
    assert Person.objects.filter(name__icontains="themereviewteam").count() == 0


def test_without_an_author_list_one_slip_does_not_rename_every_post_s_author(
    import_export, tmp_path
):
    items = item(1, "First post", ">themereviewteam") + item(2, "Second post", "themereviewteam")
    import_export(wxr(tmp_path, items))  # WXR 1.0 files have no author list
    assert set(Article.objects.values_list("author__name", flat=True)) == {"themereviewteam"}
    assert Person.objects.filter(name__contains=">").count() == 0
