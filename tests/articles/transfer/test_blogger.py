"""Blogger's Atom export, in its classic layout (undeclared `app:` prefix) and its newer one."""

import pytest
from django.core.management import CommandError

from articles.models import Article
from clinic.domain.models import find_redirect

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

BLOGGER = FIXTURES / "blogger-clinic-export.xml"

NEWER_LAYOUT = """<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-408168245790957001</id>
  <title>Harbour Notes</title>
  <entry>
    <id>tag:blogger.com,1999:blog-408168245790957001.post-94038096732765001</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author><name>Ana Ruiz</name><blogger:type>BLOGGER</blogger:type></author>
    <title>Walking after a panic attack</title>
    <content type='html'>&lt;p&gt;A slow walk helps the body settle.&lt;/p&gt;</content>
    <blogger:metaDescription>Why a slow walk helps</blogger:metaDescription>
    <blogger:created>2022-10-08T19:40:53.278Z</blogger:created>
    <published>2022-10-09T08:00:00Z</published>
    <updated>2022-11-11T19:26:59.997Z</updated>
    <category term='Panic'/>
    <blogger:filename>/2022/10/walking-after-panic-attack.html</blogger:filename>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-408168245790957001.post-94038096732765002</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>SOFT_TRASHED</blogger:status>
    <title>Old notice</title>
    <content type='html'>Closed for the holidays.</content>
    <published>2021-12-20T08:00:00Z</published>
  </entry>
</feed>
"""


def test_a_classic_blogger_export_is_read_despite_its_undeclared_prefix(import_export):
    output = import_export(BLOGGER)
    assert "1 × the prefix “app:” was used without being declared" not in output
    assert "the prefix “app:” was used without being declared; read as Blogger's" in output
    assert "2 created, 0 updated, 0 unchanged, 1 skipped" in output  # the page
    assert "1 × comment" in output and "1 × settings" in output and "1 × template" in output
    article = Article.objects.get(slug="slow-breathing-when-anxiety-spikes")
    assert article.author.name == "Sam Okafor"
    assert article.publish_at.isoformat() == "2023-10-14T11:12:00+00:00"
    assert set(article.topics.values_list("name", flat=True)) == {"Anxiety", "Breathing"}
    assert article.body.startswith(
        "Slow breathing is one of the quickest ways to settle a racing heart.\n\n"
        "Try breathing in for four counts and out for six."
    )
    assert "![A person sitting by a window, breathing slowly](https://blogger." in article.body
    assert "-   Count each breath [1] to ten." in article.body  # brackets are only text here


def test_a_blogger_draft_stays_a_draft_even_when_publishing_what_was_published(import_export):
    import_export(BLOGGER, "--publish-published")
    assert Article.objects.get(slug="slow-breathing-when-anxiety-spikes").is_live
    draft = Article.objects.get(title="Notes for a post on sleep diaries")
    assert draft.status == Article.Status.DRAFT


def test_blogger_pages_come_across_when_asked_and_old_addresses_redirect(import_export):
    import_export(BLOGGER, "--pages")
    assert Article.objects.filter(slug="about").exists()
    assert find_redirect("/2023/10/slow-breathing-when-anxiety-spikes.html") == (
        "/articles/slow-breathing-when-anxiety-spikes/"
    )
    assert find_redirect("/p/about.html") == "/articles/about/"


def test_the_newer_blogger_layout_with_status_and_file_name(import_export, tmp_path):
    path = tmp_path / "blog-10-09-2024.xml"
    path.write_text(NEWER_LAYOUT, encoding="utf-8")
    output = import_export(path)
    assert "“Old notice”: it is in the trash" in output
    article = Article.objects.get(slug="walking-after-panic-attack")
    assert article.summary == "Why a slow walk helps"
    assert article.body == "A slow walk helps the body settle."
    assert find_redirect("/2022/10/walking-after-panic-attack.html") == (
        "/articles/walking-after-panic-attack/"
    )


def test_a_cut_short_blogger_export_is_refused_with_what_to_do(import_export, tmp_path):
    path = tmp_path / "blog.xml"
    path.write_text(BLOGGER.read_text()[:3000], encoding="utf-8")
    with pytest.raises(CommandError, match=r"The Blogger export is cut short .* Download it again"):
        import_export(path)
    assert not Article.objects.exists()
