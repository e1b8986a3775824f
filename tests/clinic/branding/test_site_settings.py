"""Site settings: brand colours, logo, icons and sharing image, edited in the admin."""

import re
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clinic.branding import assets, contrast
from clinic.domain.models import ClinicProfile
from clinic.domain.roles import MARKETING, SITE_SETTINGS

pytestmark = pytest.mark.django_db
CHANGE_URL = reverse("admin:clinic_sitesettings_change", args=[1])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(width, height, colour=(200, 30, 90, 255), name="logo.png"):
    buffer = BytesIO()
    Image.new("RGBA", (width, height), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def settings_form(**changes):
    profile = ClinicProfile.load()
    fields = [
        "brand_color_light", "brand_color_dark", "booking_url", "home_title", "home_intro",
        "contact_heading", "contact_text", "articles_intro", "topics_intro", "team_intro",
        "locations_intro", "footer_note", "urgent_help_intro", "quick_exit_url",
    ]  # fmt: skip
    data = {name: getattr(profile, name) for name in fields}
    if profile.quick_exit_enabled:
        data["quick_exit_enabled"] = "on"
    data.update(changes)
    return data


def test_a_pale_brand_colour_is_refused_with_its_ratio_and_the_nearest_passing_colour(
    admin_client,
):
    response = admin_client.post(CHANGE_URL, settings_form(brand_color_light="#66aaff"))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["brand_color_light"][0]
    assert "2.01:1" in errors and "at least 4.5:1" in errors
    nearest = re.search(r"The nearest colour that passes is (#[0-9a-f]{6})", errors).group(1)
    assert contrast.passes(nearest, ["#f7f5f0", "#ffffff", "#efebe3"])
    assert ClinicProfile.load().brand_color_light == "#1f5f5b"  # nothing saved


def test_a_dark_mode_colour_too_dark_is_refused(admin_client):
    response = admin_client.post(CHANGE_URL, settings_form(brand_color_dark="#1f5f5b"))

    assert "brand_color_dark" in response.context["adminform"].form.errors


def test_a_passing_colour_reaches_visitors_at_once_through_the_page_cache(admin_client, client):
    first = client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    assert "/brand/" not in first.text  # the default colours need no extra stylesheet

    response = admin_client.post(
        CHANGE_URL, settings_form(brand_color_light="#8a1c4a", brand_color_dark="#f2a7c6")
    )
    assert response.status_code == 302

    page = client.get("/")
    assert page["X-Cache"] == "miss"
    css_url = re.search(r'<link rel="stylesheet" href="(/brand/[0-9a-f]{12}\.css)">', page.text)
    css = client.get(css_url.group(1))
    assert css["Content-Type"].startswith("text/css")
    assert "immutable" in css["Cache-Control"]
    assert "--brand:#8a1c4a" in css.text and "--brand:#f2a7c6" in css.text
    assert '<meta name="theme-color" content="#8a1c4a"' in page.text
    assert '<meta name="theme-color" content="#f2a7c6"' in page.text


def test_an_old_stylesheet_address_sends_the_browser_to_the_current_one(client):
    response = client.get(reverse("brand-css", args=["000000000000"]))
    assert response.status_code == 302
    assert re.fullmatch(r"/brand/[0-9a-f]{12}\.css", response["Location"])


def test_a_logo_shows_in_the_header_with_the_clinics_name_and_high_density_copies(
    admin_client, client
):
    ClinicProfile.objects.update_or_create(pk=1, defaults={"name": "Northside Therapy"})
    data = settings_form(logo=png(600, 200))

    assert admin_client.post(CHANGE_URL, data).status_code == 302

    profile = ClinicProfile.load()
    assert (profile.logo_width, profile.logo_height) == (600, 200)
    html = client.get("/").text
    img = re.search(r'<img class="site-name__logo"[^>]*>', html).group(0)
    assert 'alt="Northside Therapy"' in img
    assert 'width="144" height="48"' in img
    for density in (1, 2, 3):
        name = assets.logo_rendition_name(profile.logo.name, density)
        assert f"{default_storage.url(name)} {density}x" in img
        with default_storage.open(name) as stored, Image.open(stored) as copy:
            assert copy.height == 48 * density
    assert "exif" not in Image.open(profile.logo.path).info  # through the safe upload path


def test_a_small_logo_is_never_upscaled_for_high_density_screens(admin_client, client):
    admin_client.post(CHANGE_URL, settings_form(logo=png(120, 60)))

    img = re.search(r'<img class="site-name__logo"[^>]*>', client.get("/").text).group(0)
    assert " 1x" in img and " 2x" not in img


def test_a_file_that_is_not_a_picture_is_refused_as_a_logo(admin_client):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")

    response = admin_client.post(CHANGE_URL, settings_form(logo=fake))

    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors


def test_icons_follow_the_logo_and_the_colour(admin_client, client):
    assert 'favicon.svg" type="image/svg+xml">' in client.get("/").text  # the default

    admin_client.post(CHANGE_URL, settings_form(brand_color_light="#8a1c4a"))
    touch = assets.icon_name("", "#8a1c4a", "touch")
    assert (
        f'<link rel="apple-touch-icon" href="{default_storage.url(touch)}">' in client.get("/").text
    )
    with default_storage.open(touch) as stored, Image.open(stored) as icon:
        assert icon.size == (180, 180)
        assert icon.getpixel((25, 90))[:3] == contrast.parse_hex("#8a1c4a")  # beside the cross
        assert icon.getpixel((90, 90))[:3] == (255, 255, 255)  # the cross

    admin_client.post(CHANGE_URL, settings_form(logo=png(300, 300, (10, 200, 10, 255))))
    profile = ClinicProfile.load()
    favicon = assets.icon_name(profile.logo.name, profile.brand_color_light, "favicon")
    html = client.get("/").text
    assert f'<link rel="icon" href="{default_storage.url(favicon)}" type="image/png">' in html
    with default_storage.open(favicon) as stored, Image.open(stored) as icon:
        assert icon.size == (32, 32)
        assert icon.convert("RGB").getpixel((16, 16)) == (10, 200, 10)  # from the logo


def test_the_sharing_image_gets_a_1200_by_630_copy(admin_client):
    admin_client.post(CHANGE_URL, settings_form(social_image=png(2000, 2000, name="share.png")))

    profile = ClinicProfile.load()
    name = assets.social_rendition_name(profile.social_image.name)
    assert profile.social_image_rendition_url == default_storage.url(name)
    with default_storage.open(name) as stored, Image.open(stored) as copy:
        assert copy.size == (1200, 630)


def login_with_roles(client, django_user_model, *roles):
    user = django_user_model.objects.create_user("m@example.org", is_staff=True)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def test_marketing_without_the_site_settings_role_cannot_open_them(client, django_user_model):
    login_with_roles(client, django_user_model, MARKETING)

    assert client.get(CHANGE_URL).status_code == 403
    assert client.post(CHANGE_URL, settings_form(footer_note="x")).status_code == 403


def test_marketing_with_the_site_settings_role_edits_them_but_not_the_profile(
    client, django_user_model
):
    login_with_roles(client, django_user_model, MARKETING, SITE_SETTINGS)

    listing = client.get(reverse("admin:clinic_sitesettings_changelist"))
    assert listing.status_code == 302 and listing["Location"] == CHANGE_URL
    response = client.post(CHANGE_URL, settings_form(footer_note="Our own footer."))
    assert response.status_code == 302
    assert ClinicProfile.load().footer_note == "Our own footer."
    assert client.get(reverse("admin:clinic_clinicprofile_change", args=[1])).status_code == 403


def test_the_admin_carries_the_clinics_name(admin_client):
    ClinicProfile.objects.update_or_create(pk=1, defaults={"name": "Northside Therapy"})

    html = admin_client.get(reverse("admin:index")).text

    assert '<div id="site-name"><a href="/admin/">Northside Therapy</a></div>' in html
    assert "| Northside Therapy admin</title>" in html
