"""Uploads, renditions and backups in an S3-compatible object store shared by every server.

The store is a server speaking S3 over HTTP: the one `.ci/run` starts (`make objectstore` with
OBJECTSTORE=ceph: Ceph's RADOS Gateway; its endpoint is passed as TEST_S3_ENDPOINT_URL), or else
one started here on a free loopback port (tests/cluster/objectstore.py: Ceph when installed,
otherwise moto's standalone server). Each test gets its own bucket.
"""

import os
import re
import secrets
import urllib.request
from io import BytesIO

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image

from clinic.authoring.renditions import FORMATS, rendition_name
from clinic.authoring.tasks import make_renditions
from clinic.config.settings import media_storage_from_env
from clinic.operations.backups import copy_media_in, copy_media_out, stored_names
from clinic.tasks.status import RETRYING, progress
from tests.cluster import objectstore
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def endpoint():
    given = os.environ.get("TEST_S3_ENDPOINT_URL")
    if given:
        yield given
        return
    process, url = objectstore.start_server()
    yield url
    process.terminate()
    process.wait(timeout=10)


def use_bucket(endpoint, monkeypatch, bucket=None):
    """Settings for a new bucket of the store, through the site's own settings code."""
    bucket = bucket or f"test-{secrets.token_hex(6)}"
    objectstore.create_bucket(endpoint, bucket)
    for name, value in objectstore.settings_for(endpoint, bucket).items():
        monkeypatch.setenv(name, value)
    storages = {**settings.STORAGES, "default": media_storage_from_env()}
    return bucket, override_settings(STORAGES=storages)


def s3(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=objectstore.REGION,
        aws_access_key_id=objectstore.ACCESS_KEY,
        aws_secret_access_key=objectstore.SECRET_KEY,
    )


def jpeg(width, height):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (40, 120, 110)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="picture.jpg")


def test_a_hero_image_and_its_renditions_are_stored_and_served_by_the_object_store(
    endpoint, monkeypatch, client, run_tasks, django_capture_on_commit_callbacks
):
    bucket, storage = use_bucket(endpoint, monkeypatch)
    with storage:
        article = ArticleFactory(hero_alt="A calm waiting room")
        with django_capture_on_commit_callbacks(execute=True):
            article.hero_image.save("hero.jpg", jpeg(900, 450))
        assert run_tasks() == 1
        html = client.get(article.get_absolute_url()).text
    keys = {item["Key"] for item in s3(endpoint).list_objects_v2(Bucket=bucket)["Contents"]}
    renditions = {
        rendition_name(article.hero_image.name, width, extension)
        for width in (480, 800, 900)
        for extension, _, _ in FORMATS
    }
    assert {article.hero_image.name, *renditions} <= keys
    public = f"{endpoint}/{bucket}/{rendition_name(article.hero_image.name, 480, 'webp')}"
    assert public in html  # the page links the store's public address
    with urllib.request.urlopen(public, timeout=10) as response:  # noqa: S310 - loopback
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        with Image.open(BytesIO(response.read())) as served:
            assert served.size == (480, 240)


def test_a_missing_original_fails_its_task_with_the_reason_and_never_wipes_the_known_size(
    endpoint, monkeypatch, client, run_tasks, django_capture_on_commit_callbacks
):
    bucket, storage = use_bucket(endpoint, monkeypatch)
    with storage:
        article = ArticleFactory(hero_alt="A calm waiting room")
        with django_capture_on_commit_callbacks(execute=True):
            article.hero_image.save("hero.jpg", jpeg(900, 450))
        s3(endpoint).delete_object(Bucket=bucket, Key=article.hero_image.name)
        article.title = "Saved where the original cannot be read"
        article.save()  # reads nothing: the picture did not change
        assert run_tasks() == 1
        state = progress(make_renditions, name=article.hero_image.name)
        html = client.get(article.get_absolute_url()).text
    article.refresh_from_db()
    assert (article.hero_width, article.hero_height) == (900, 450)
    assert state.state == RETRYING and state.reason
    assert 'width="900" height="450"' in html and "<source" not in html


def test_backup_copies_the_object_store_and_restore_puts_it_back(endpoint, monkeypatch, tmp_path):
    bucket, storage = use_bucket(endpoint, monkeypatch)
    with storage:
        names = [default_storage.save(f"people/{n}.txt", ContentFile(b"x" * n)) for n in (1, 2)]
        names.append(default_storage.save("editor/deep/note.txt", ContentFile(b"note")))
        assert copy_media_out(tmp_path / "media") == 3
    assert sorted(p.relative_to(tmp_path / "media").as_posix() for p in
                  (tmp_path / "media").rglob("*.txt")) == sorted(names)  # fmt: skip
    empty, storage = use_bucket(endpoint, monkeypatch)
    with storage:
        assert copy_media_in(tmp_path / "media") == 3
        assert copy_media_in(tmp_path / "media") == 0  # already there: nothing doubled
        assert sorted(stored_names(default_storage)) == sorted(names)
        with default_storage.open("editor/deep/note.txt") as restored:
            assert restored.read() == b"note"


@pytest.mark.skipif(
    os.environ.get("OBJECTSTORE") != "ceph", reason="OBJECTSTORE=ceph not asked for"
)
def test_the_store_asked_for_is_cephs_rados_gateway(endpoint):
    """With OBJECTSTORE=ceph (as `.ci/run` sets) the tests above ran against the RADOS Gateway:
    its request ids are "tx" + hex + "-" + the zone group, and it names no web framework."""
    with urllib.request.urlopen(f"{endpoint}/", timeout=10) as response:  # noqa: S310 - loopback
        assert re.fullmatch(r"tx[0-9a-f]{21}-[0-9a-f]+-[0-9a-f]+-default",
                            response.headers["x-amz-request-id"])  # fmt: skip
        assert response.headers["Server"] is None


def test_the_object_store_server_is_chosen_by_objectstore(monkeypatch):
    monkeypatch.setenv("OBJECTSTORE", "minio")
    with pytest.raises(SystemExit, match="use ceph, moto or auto"):
        objectstore.server_kind()
    monkeypatch.setattr(objectstore.ceph_rgw.shutil, "which", lambda name: None)
    monkeypatch.setenv("OBJECTSTORE", "ceph")
    with pytest.raises(SystemExit, match="apt-get install ceph-mon ceph-osd radosgw"):
        objectstore.server_kind()
    monkeypatch.setenv("OBJECTSTORE", "auto")
    assert objectstore.server_kind() == "moto"
    monkeypatch.setattr(objectstore.ceph_rgw.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert objectstore.server_kind() == "ceph"


def test_without_a_bucket_uploads_stay_in_the_local_folder(monkeypatch):
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert media_storage_from_env() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
