"""Medium's export: a zip (or folder) of post pages, read as HTML however loosely written."""

import zipfile

import pytest

from articles.models import Article
from clinic.domain.models import find_redirect

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

POST = FIXTURES / "medium-clinic-post.html"
DRAFT = """<!DOCTYPE html><html><head><title>Untitled</title></head><body>
<article class="h-entry"><header><h1 class="p-name">Setting small goals</h1></header>
<section data-field="body" class="e-content"><section class="section section--body">
<p class="graf graf--p">One step at a time.</p></section></section>
<footer><p>By <a class="p-author h-card">Sam Okafor</a></p></footer></article></body></html>
"""


def medium_zip(tmp_path):
    path = tmp_path / "medium-export-1f2e3d.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("README.html", "<html><body>Your Medium data</body></html>")
        archive.writestr("profile/profile.html", "<html><body>Sam</body></html>")
        archive.writestr("posts/2023-06-08_Why-therapy-homework-matters-5f6e7d8c9b0a.html",
                         POST.read_bytes())  # fmt: skip
        archive.writestr("posts/draft_Setting-small-goals-0a1b2c3d4e5f.html", DRAFT)
    return path


def test_a_medium_post_page_is_read_whatever_its_doctype_and_unclosed_tags(import_export):
    output = import_export(POST)
    assert "1 created" in output
    article = Article.objects.get(slug="why-therapy-homework-matters")
    assert article.author.name == "Sam Okafor"
    assert article.summary == "What happens between sessions shapes how much therapy helps"
    assert article.publish_at.isoformat() == "2023-06-08T14:20:31.112000+00:00"
    assert article.body.startswith("Most of a week happens outside the therapy room.")
    assert "Why therapy homework matters" not in article.body  # not repeated under the title
    assert "> Homework is practice, **not a test**." in article.body
    assert "![A notebook open on a kitchen table](https://cdn-images-1.medium.com/max/800/" in (
        article.body
    )
    assert "Exported from" not in article.body and "Canonical link" not in article.body
    assert list(article.topics.values_list("name", flat=True)) == ["Therapy"]
    assert find_redirect("/@riverside/why-therapy-homework-matters-5f6e7d8c9b0a") == (
        "/articles/why-therapy-homework-matters/"
    )


def test_a_medium_zip_brings_its_posts_and_drafts_and_nothing_else(import_export, tmp_path):
    output = import_export(medium_zip(tmp_path), "--publish-published")
    assert "2 created, 0 updated, 0 unchanged, 0 skipped" in output
    assert Article.objects.get(slug="why-therapy-homework-matters").is_live
    draft = Article.objects.get(title="Setting small goals")
    assert draft.status == Article.Status.DRAFT and draft.body == "One step at a time."


def test_a_folder_of_medium_posts_is_read_by_the_command(import_export, tmp_path):
    folder = tmp_path / "medium" / "posts"
    folder.mkdir(parents=True)
    (folder / "2023-06-08_Why-therapy-homework-matters-5f6e7d8c9b0a.html").write_bytes(
        POST.read_bytes()
    )
    import_export(tmp_path / "medium")
    assert Article.objects.filter(slug="why-therapy-homework-matters").exists()


def test_medium_figures_keep_their_alt_text_and_captions(import_export):
    import_export(FIXTURES / "medium-tryghost-advanced-post.html")
    body = Article.objects.get(title="Advanced Post Title").body
    assert (
        '![This is image alt text](https://cdn-images-1.medium.com/max/2000/abc123.jpeg "This is '
        'an image caption")' in body
    )
    assert '"Test a marked up caption")' in body
