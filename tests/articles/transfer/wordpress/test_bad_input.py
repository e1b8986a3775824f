"""Bad input for `import_wxr`: each gives a clear message, and nothing imported is lost."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from articles.models import Article, Topic
from articles.transfer.apply import ImportOptions, import_wxr
from articles.transfer.posts import ExportError

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
WORDPRESS = FIXTURES / "wordpress.xml"
SQUARESPACE = FIXTURES / "squarespace.xml"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol3;</title></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&secret;</title>
<wp:post_type>post</wp:post_type></item></channel></rss>
"""
ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A blog</title></feed>
"""
PLAIN_RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>News</title><item><title>Hello</title>
<link>https://example.org/hello</link><description>Hi</description></item></channel></rss>
"""


def run_import(*args):
    out = StringIO()
    call_command("import_wxr", *map(str, args), stdout=out)
    return out.getvalue()


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BILLION_LAUGHS, "refused because it declares a DTD or XML entities"),
        (EXTERNAL_ENTITY, "refused because it declares a DTD or XML entities"),
        (ATOM_FEED, "This looks like an Atom feed, not an export. A feed carries only"),
        (PLAIN_RSS, "This looks like an RSS feed, not an export. A feed carries only"),
        ("", "This looks like an empty file."),
    ],
    ids=["billion-laughs", "external-entity", "atom", "plain-rss", "empty"],
)
def test_unsafe_or_foreign_files_are_refused_with_a_clear_message(tmp_path, text, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run_import(write(tmp_path, text))
    assert not Article.objects.exists()


def test_a_cut_short_file_changes_nothing_and_keeps_what_was_imported_before(tmp_path):
    run_import(SQUARESPACE)
    before = list(Article.objects.order_by("pk").values_list("pk", "title", "modified_at"))
    text = WORDPRESS.read_text()
    truncated = write(tmp_path, text[: text.index("Exercise and depression")])
    with pytest.raises(CommandError, match=r"cut short .* \(line \d+, column \d+\)"):
        run_import(truncated)
    assert list(Article.objects.order_by("pk").values_list("pk", "title", "modified_at")) == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run_import(tmp_path / "missing.xml")


def test_a_post_that_cannot_be_saved_is_skipped_and_the_others_still_import(monkeypatch):
    original = Article.full_clean

    def refuse_one(article, *args, **kwargs):
        if article.slug == "exercise-and-depression":
            raise Article.DoesNotExist("simulated failure")
        return original(article, *args, **kwargs)

    monkeypatch.setattr(Article, "full_clean", refuse_one)
    with pytest.raises(Article.DoesNotExist):
        run_import(WORDPRESS)  # an unexpected error is not swallowed...
    assert Article.objects.filter(slug="ketamine-ptsd-review").exists()  # ...and loses nothing


def test_a_post_failing_validation_is_skipped_with_the_reason(monkeypatch):
    original = Article.full_clean

    def refuse_one(article, *args, **kwargs):
        if article.slug == "exercise-and-depression":
            raise ValidationError("Simulated: the summary is too long.")
        return original(article, *args, **kwargs)

    monkeypatch.setattr(Article, "full_clean", refuse_one)
    output = run_import(WORDPRESS)
    assert "it could not be saved (Simulated: the summary is too long.)" in output
    assert Article.objects.count() == 4
    assert not Topic.objects.filter(name="Depression").exists()  # its topic was rolled back


def test_an_export_over_the_post_limit_is_refused_before_anything_is_written():
    with pytest.raises(ExportError, match="more than 3 posts and pages"):
        import_wxr(WORDPRESS, ImportOptions(max_posts=3))
    assert not Article.objects.exists()
