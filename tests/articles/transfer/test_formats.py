"""Every file is recognised by its content: an export is read, anything else named with advice."""

import json
import zipfile

import pytest
from django.core.management import CommandError

from articles.models import Article, PendingImport
from articles.transfer import formats

from .conftest import FIXTURES, OLDER_FIXTURES

pytestmark = pytest.mark.django_db

WIX_CSV = FIXTURES / "wix-clinic-posts.csv"
BLOGGER = FIXTURES / "blogger-clinic-export.xml"
GHOST = FIXTURES / "ghost-4.1-export.trimmed.json"
MEDIUM = FIXTURES / "medium-clinic-post.html"
WORDPRESS = OLDER_FIXTURES / "wordpress.xml"


def write(tmp_path, content, name="upload.bin"):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(
    ("path", "kind"),
    [(WORDPRESS, formats.WXR), (OLDER_FIXTURES / "squarespace.xml", formats.WXR),
     (WIX_CSV, formats.WIX_CSV), (FIXTURES / "wix-tryghost-sample.csv", formats.WIX_CSV),
     (BLOGGER, formats.BLOGGER), (GHOST, formats.GHOST),
     (FIXTURES / "ghost-0x-v003.json", formats.GHOST), (MEDIUM, formats.MEDIUM)],
    ids=lambda value: getattr(value, "name", None) or value.description,
)  # fmt: skip
def test_each_platform_s_export_is_recognised_by_its_content_not_its_name(tmp_path, path, kind):
    renamed = write(tmp_path, path.read_bytes(), name="export.txt")
    assert formats.sniff(renamed) == kind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>',
         "This looks like an RSS feed, not an export. A feed carries only the newest posts"),
        ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>B</title></feed>',
         "This looks like an Atom feed, not an export."),
        ("<!DOCTYPE html><html><head><title>Our blog</title></head><body><p>Hi</p></body></html>",
         "This looks like an HTML page, not an export. A saved web page is not a blog's export."),
        ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         "<url><loc>https://example.org/post</loc></url></urlset>",
         "This looks like a sitemap, not an export."),
        ('{"posts": [{"title": "Hi"}]}', "This looks like a JSON file, but not a Ghost export."),
        ('{"db": [{"data": {"posts": [', "This looks like a JSON file that is cut short"),
        ("Name,Email,Phone\nAna,ana@example.org,555\n",
         "This looks like a CSV file, but not a Wix blog export (its first columns are: Name, "
         "Email, Phone)"),
        (b"%PDF-1.7\n%binary", "This looks like a PDF document, not an export."),
        (b"\x89PNG\r\n\x1a\n", "This looks like an image, not an export."),
        ("Just some notes about the blog.", "This looks like not an export this site can read."),
    ],
    ids=["rss", "atom", "html-page", "sitemap", "json", "broken-json", "csv", "pdf", "image",
         "text"],
)  # fmt: skip
def test_a_file_of_another_kind_is_named_for_what_it_is_with_what_to_do(
    import_export, tmp_path, content, message
):
    with pytest.raises(CommandError) as raised:
        import_export(write(tmp_path, content))
    assert message in str(raised.value)
    assert "WordPress and Squarespace give an .xml file, Wix a .csv file" in str(raised.value) or (
        "download it again" in str(raised.value)
    )
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("path", "described"),
    [(GHOST, "a Ghost JSON export"), (WIX_CSV, "a Wix blog CSV export"),
     (BLOGGER, "a Blogger Atom export"), (MEDIUM, "a Medium export")],
    ids=["ghost", "wix", "blogger", "medium"],
)  # fmt: skip
def test_import_wxr_names_another_platform_s_export_and_points_to_import_export(
    import_wxr, path, described
):
    with pytest.raises(CommandError) as raised:
        import_wxr(path)
    assert f"This looks like {described}, not a WordPress or Squarespace export." in str(
        raised.value
    )
    assert "`manage.py import_export` reads it" in str(raised.value)


def test_a_medium_page_s_doctype_is_not_mistaken_for_an_xml_attack(import_export):
    assert "1 created" in import_export(MEDIUM)


def test_a_zip_holding_one_export_is_read_as_that_export(import_export, tmp_path):
    path = tmp_path / "lakesidemind.wordpress.2024-04-02.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("lakesidemind.wordpress.2024-04-02.001.xml", WORDPRESS.read_bytes())
    assert "5 created" in import_export(path)


def test_a_zip_without_an_export_lists_what_it_holds(import_export, tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8\xff")
        archive.writestr("b.jpg", b"\xff\xd8\xff")
    with pytest.raises(CommandError, match=r"a zip archive with no single export in it \(it "
                       r"holds a.jpg, b.jpg\)\. Unzip it"):  # fmt: skip
        import_export(path)


@pytest.mark.parametrize(
    ("content", "platform", "how"),
    [
        ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
         "<title>Blog</title><generator>https://wordpress.org/?v=6.5</generator>"
         "<wp:wxr_version>1.2</wp:wxr_version></channel></rss>",
         "WordPress", "In WordPress, open Tools → Export"),
        ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
         "<title>Blog</title>" + "<item><title></title><link></link><guid></guid>"
         "<wp:post_type>post</wp:post_type></item>" * 3 + "</channel></rss>",
         "WordPress or Squarespace", "In Squarespace, open Settings → Import & export → Export"),
        (json.dumps({"db": [{"meta": {}, "data": {"posts": []}}]}), "Ghost",
         "In Ghost Admin, open Settings → Advanced → Import/Export"),
        ("Title,Slug,Rich Content\n", "Wix", "In the Wix dashboard, open CMS"),
    ],
    ids=["wordpress-no-items", "squarespace-empty-items", "ghost", "wix"],
)  # fmt: skip
def test_an_export_with_nothing_usable_says_it_is_empty_and_how_to_export_again(
    import_export, tmp_path, content, platform, how
):
    with pytest.raises(CommandError) as raised:
        import_export(write(tmp_path, content))
    message = str(raised.value)
    assert message.startswith("The export is empty: ")
    assert f"Export the blog again from {platform}: " in message and how in message
    assert not Article.objects.exists()


def test_the_empty_message_says_what_the_items_lacked(import_export, tmp_path):
    items = (
        "<item><title></title><link></link><guid></guid><wp:post_type>post</wp:post_type></item>"
    )
    content = ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
               f"<title>Blog</title>{items * 54}</channel></rss>")  # fmt: skip
    with pytest.raises(CommandError, match="none of its 54 posts and pages has any text, or "
                       "anything to recognise it by"):  # fmt: skip
        import_export(write(tmp_path, content))


def test_the_admin_page_reads_every_platform_and_names_other_files(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(name, content):
        data = {"export": SimpleUploadedFile(name, content), "fetch_images": "on"}
        return admin_client.post("/admin/articles/importedpost/add/", data).content.decode()

    page = upload("posts.csv", WIX_CSV.read_bytes())
    assert "Preview: nothing has been imported yet." in page and "Confirm import" in page
    assert "Publish what was published on the old site" in page
    page = upload("ghost.json", GHOST.read_bytes())
    assert "Preview: nothing has been imported yet." in page
    page = upload("feed.xml", b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    assert "This looks like an RSS feed, not an export." in page
    waiting = PendingImport.objects.count()  # the two previews, until confirmed
    page = upload("empty.json", json.dumps({"db": [{"data": {"posts": []}}]}).encode())
    assert "The export is empty" in page and "Confirm import" not in page
    assert PendingImport.objects.count() == waiting == 2
