from pathlib import Path

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.admin import imports as admin_import
from articles.models import Article, ImportedPost, PendingImport
from clinic.domain.models import Redirect

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "transfer" / "wordpress" / "fixtures"
UPLOAD_URL = reverse("admin:articles_importedpost_add")


def export(name="wordpress.xml", content=None):
    data = (FIXTURES / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, data, content_type="text/xml")


def preview(client, **fields):
    return client.post(UPLOAD_URL, {"export": export(**fields)})


def test_the_imported_posts_list_links_to_the_upload_page(admin_client):
    response = admin_client.get(reverse("admin:articles_importedpost_changelist"))
    assert response.status_code == 200
    assert "Import a blog's export" in response.content.decode()
    assert admin_client.get(UPLOAD_URL).status_code == 200


def test_only_superusers_may_import(editor_client):
    assert editor_client.get(UPLOAD_URL).status_code == 403
    assert editor_client.post(UPLOAD_URL, {"export": export()}).status_code == 403
    index = editor_client.get(reverse("admin:index"))
    assert b"Imported posts" not in index.content
    assert not Article.objects.exists()


def test_an_upload_shows_the_dry_run_report_and_writes_nothing(admin_client):
    response = preview(admin_client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Preview: nothing has been imported yet." in page
    assert "5 would be created" in page
    assert "“About the clinic”: it is a page" in page
    assert 'value="Confirm import"' in page
    assert not Article.objects.exists() and not Redirect.objects.exists()
    assert PendingImport.objects.count() == 1


def test_confirming_imports_the_stored_file_and_removes_it(admin_client, client):
    token = preview(admin_client).context["token"]
    response = admin_client.post(UPLOAD_URL, {"token": token})
    assert response.status_code == 200
    assert "Import finished." in response.content.decode()
    assert Article.objects.count() == 5
    assert ImportedPost.objects.count() == 5
    assert client.get("/2023/05/ketamine-ptsd-review/").status_code == 301
    assert not PendingImport.objects.exists()


def test_confirming_twice_does_not_duplicate(admin_client):
    token = preview(admin_client, name="squarespace.xml").context["token"]
    admin_client.post(UPLOAD_URL, {"token": token})
    token = preview(admin_client, name="squarespace.xml").context["token"]
    response = admin_client.post(UPLOAD_URL, {"token": token})
    assert "0 created, 0 updated, 2 unchanged" in response.content.decode()
    assert Article.objects.count() == 2


def test_a_long_import_runs_in_batches_with_a_continue_button(admin_client, monkeypatch):
    monkeypatch.setattr(admin_import, "BATCH_SIZE", 2)
    token = preview(admin_client).context["token"]
    first = admin_client.post(UPLOAD_URL, {"token": token})
    assert "Imported posts and pages 1 to 2 of 7." in first.content.decode()
    assert 'value="Continue importing"' in first.content.decode()
    assert Article.objects.count() == 2
    token = first.context["token"]
    while token:
        token = admin_client.post(UPLOAD_URL, {"token": token}).context["token"]
    assert Article.objects.count() == 5


def test_an_altered_token_is_refused(admin_client):
    token = preview(admin_client).context["token"]
    response = admin_client.post(UPLOAD_URL, {"token": token[:-2] + "xx"}, follow=True)
    assert "expired or its form was altered" in response.content.decode()
    assert not Article.objects.exists()


def test_another_superusers_token_is_refused(admin_client, django_user_model, client):
    token = preview(admin_client).context["token"]
    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw-123456789")
    client.force_login(other)
    assert client.post(UPLOAD_URL, {"token": token}).status_code == 403
    assert not Article.objects.exists()


def test_a_token_naming_something_else_than_an_upload_is_refused(admin_client, admin_user):
    data = {"id": "../../etc/passwd", "user": admin_user.pk, "start": 0, "pages": False,
            "images": False}  # fmt: skip
    token = signing.dumps(data, salt=admin_import.SIGNING_SALT)
    assert admin_client.post(UPLOAD_URL, {"token": token}).status_code == 403


def test_a_file_over_the_size_limit_is_refused_with_the_limit(admin_client, monkeypatch):
    monkeypatch.setattr(admin_import, "MAX_UPLOAD_BYTES", 1024 * 1024)
    response = preview(admin_client, content=b" " * (1024 * 1024 + 1))
    assert "this page takes at most 1 MB" in response.content.decode()


def test_too_many_posts_are_refused(admin_client, monkeypatch):
    monkeypatch.setattr(admin_import, "MAX_POSTS", 3)
    response = preview(admin_client)
    assert "more than 3 posts and pages" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_billion_laughs_upload_is_refused_with_the_reason(admin_client):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<rss><channel><title>&b;</title></channel></rss>"
    )
    response = preview(admin_client, content=bomb)
    assert "refused because it declares a DTD or XML entities" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_the_confirm_works_on_any_server_and_expired_uploads_are_deleted(
    admin_client, tmp_path, monkeypatch
):
    """The upload lives in the database: nothing the receiving server kept is needed."""
    import tempfile
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this server's temp folder
    token = preview(admin_client).context["token"]
    assert list(tmp_path.iterdir()) == []  # nothing left on this server
    abandoned = preview(admin_client, name="squarespace.xml").context["token"]
    assert PendingImport.objects.count() == 2
    response = admin_client.post(UPLOAD_URL, {"token": token})
    assert "Import finished." in response.content.decode()
    assert PendingImport.objects.count() == 1  # the finished one is gone
    PendingImport.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = admin_client.post(UPLOAD_URL, {"token": abandoned}, follow=True)
    assert "This upload has expired or was already imported." in response.content.decode()
    assert not PendingImport.objects.exists()


def test_each_batch_keeps_a_long_import_from_expiring(admin_client, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr(admin_import, "BATCH_SIZE", 2)
    token = preview(admin_client).context["token"]
    soon = timezone.now() + timedelta(minutes=1)
    PendingImport.objects.update(expires_at=soon)
    assert admin_client.post(UPLOAD_URL, {"token": token}).context["token"]
    assert PendingImport.objects.get().expires_at > soon + timedelta(minutes=30)
