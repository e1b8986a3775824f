"""Mending exports that are not quite well-formed, and what stays refused."""

from pathlib import Path

import pytest

from articles.models import Article
from articles.transfer.apply import import_wxr
from articles.transfer.posts import ExportError
from articles.transfer.wordpress.repair import repair_xml
from articles.transfer.wordpress.wxr import WxrError

pytestmark = pytest.mark.django_db

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\n'
)
ITEM = (
    "<item><title>{title}</title><link>/blog/a</link>"
    "<content:encoded><![CDATA[{body}]]></content:encoded>"
    "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>\n"
)


def write(tmp_path, text):
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cdata_text_is_left_exactly_as_it_was(tmp_path):
    body = "<p>Fish &amp; chips &mdash; R&D</p>"
    path = write(
        tmp_path, HEAD + ITEM.format(title="Q&A&nbsp;time", body=body) + "</channel></rss>"
    )
    mended, repairs = repair_xml(path)
    text = Path(mended).read_text(encoding="utf-8")
    Path(mended).unlink()
    assert body in text
    assert "<title>Q&amp;A&#160;time</title>" in text
    assert sum(repairs.values()) == 2


def test_a_mended_file_imports_and_the_original_is_untouched(tmp_path):
    text = (
        HEAD + ITEM.format(title="Stress &amp; sleep&hellip;", body="<p>x</p>") + "</channel></rss>"
    )
    path = write(tmp_path, text)
    report = import_wxr(path)
    assert Article.objects.get().title == "Stress & sleep…"
    assert report.repairs == ["1 × HTML entity “&hellip;” written as its character"]
    assert path.read_text(encoding="utf-8") == text


def test_a_cut_short_file_with_bare_ampersands_is_still_refused(tmp_path):
    text = HEAD + ITEM.format(title="Fish & chips", body="<p>x</p>") + "<item><title>Half"
    with pytest.raises(WxrError, match="cut short or is not well-formed"):
        import_wxr(write(tmp_path, text))
    assert not Article.objects.exists()


def test_entity_declarations_stay_refused_even_with_other_slips(tmp_path):
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
        + HEAD.split("\n", 1)[1]
        + ITEM.format(title="&b; & more", body="x")
        + "</channel></rss>"
    )
    with pytest.raises(ExportError, match="declares a DTD"):
        import_wxr(write(tmp_path, text))
