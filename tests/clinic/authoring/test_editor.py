from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clinic.domain.models import Person
from tests.helpers import RANDOM_NAME, gps_jpeg, image_bytes

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def post_picture(client, data, name="picture.png", content_type="image/png"):
    picture = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(reverse("editor:upload"), {"image": picture}, **AJAX)


def test_staff_upload_returns_markdown_for_a_reencoded_picture(editor_client, media_root):
    response = post_picture(editor_client, gps_jpeg(), "holiday.jpg", "image/jpeg")

    assert response.status_code == 200
    image_code = response.json()["image_code"]
    assert image_code.startswith("![](/media/editor/") and image_code.endswith(".jpg)")
    [stored] = stored_files(media_root)
    assert stored.parent.name == "editor" and RANDOM_NAME.match(stored.name)
    assert b"PhoneCo" not in stored.read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("x.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("x.gif", b"GIF89a<script>alert(1)</script>", "image/gif"),
    ],
)
def test_staff_upload_of_svg_or_html_is_refused_with_a_message(
    editor_client, media_root, name, data, content_type
):
    response = post_picture(editor_client, data, name, content_type)

    assert response.status_code == 400
    assert "JPEG, PNG, WebP or GIF" in response.json()["image"][0]
    assert stored_files(media_root) == []


def test_anonymous_visitor_cannot_upload(client, media_root):
    response = post_picture(client, image_bytes())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert stored_files(media_root) == []


def test_signed_in_user_who_is_not_staff_cannot_upload(client, django_user_model, media_root):
    client.force_login(django_user_model.objects.create_user("visitor", password="x" * 20))

    response = post_picture(client, image_bytes())

    assert response.status_code == 302
    assert stored_files(media_root) == []


def test_preview_renders_through_the_sanitiser(editor_client):
    response = editor_client.post(
        reverse("editor:markdownify"), {"content": "**Hi** <script>alert(1)</script>"}
    )
    assert response.status_code == 200
    assert "<strong>Hi</strong>" in response.text and "<script" not in response.text


def test_preview_without_content_is_a_bad_request_not_an_error(editor_client):
    assert editor_client.post(reverse("editor:markdownify"), {}).status_code == 400


def test_anonymous_visitor_cannot_use_the_preview(client):
    response = client.post(reverse("editor:markdownify"), {"content": "hi"})
    assert response.status_code == 302


def person_form(**values):
    form = {
        "name": "Ana Ruiz",
        "slug": "ana-ruiz",
        "role_title": "Psychologist",
        "credentials": "",
        "bio": "",
        "photo_alt": "Ana smiling",
        "regulator": "",
        "registration_number": "",
        "register_url": "",
        "is_active": "on",
        "position": "0",
    }
    return {**form, **values}


def test_admin_photo_upload_is_reencoded_under_a_random_name(admin_client, media_root):
    photo = SimpleUploadedFile("ana-at-home.jpg", gps_jpeg(), content_type="image/jpeg")

    response = admin_client.post(reverse("admin:clinic_person_add"), person_form(photo=photo))

    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Person.objects.get(slug="ana-ruiz")
    assert person.photo.name.startswith("people/")
    assert RANDOM_NAME.match(person.photo.name.removeprefix("people/"))
    stored = Image.open(BytesIO((media_root / person.photo.name).read_bytes()))
    assert dict(stored.getexif()) == {}


def test_admin_photo_that_is_not_a_picture_is_refused(admin_client, media_root):
    fake = SimpleUploadedFile("ana.jpg", b"<html>not a photo</html>", content_type="image/jpeg")

    response = admin_client.post(reverse("admin:clinic_person_add"), person_form(photo=fake))

    assert response.status_code == 200
    assert "JPEG, PNG, WebP or GIF" in str(response.context["adminform"].form.errors["photo"])
    assert not Person.objects.exists()
    assert stored_files(media_root) == []


def test_article_hero_image_in_the_admin_goes_through_the_same_checks(rf, admin_user):
    from django.contrib import admin

    from articles.models import Article
    from clinic.authoring.uploads import SafeImageField

    request = rf.get("/")
    request.user = admin_user
    form_class = admin.site._registry[Article].get_form(request)
    assert isinstance(form_class.base_fields["hero_image"], SafeImageField)


def test_front_desk_staff_cannot_use_the_editor(client, django_user_model):
    from django.contrib.auth.models import Group

    desk = django_user_model.objects.create_user("desk", password="x" * 14, is_staff=True)
    desk.groups.add(Group.objects.get(name="Front desk"))
    client.force_login(desk)
    assert client.post(reverse("editor:markdownify"), {"content": "hi"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["article", "person"])
def test_the_editor_preview_carries_the_site_prose_class_and_styles(admin_client, form):
    from tests.factories import ArticleFactory, PersonFactory

    if form == "article":
        url = reverse("admin:articles_article_change", args=[ArticleFactory().pk])
    else:
        url = reverse("admin:clinic_person_change", args=[PersonFactory().pk])
    page = admin_client.get(url).text
    assert '<div class="markdownx-preview prose"></div>' in page
    for name in ("tokens", "prose", "admin-preview"):
        assert f'href="/static/css/{name}.css"' in page, name
    assert (
        "markdownx/admin/css/" not in page
    )  # markdownx's admin styles for the preview: not loaded
    assert "/static/css/base.css" not in page  # nothing of the site's reaches the admin around it
