"""The clinic's brand in a real browser: set in the admin, seen on every public page."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageDraw

from clinic.domain.models import ClinicProfile
from tests.browser.checks import axe_violations
from tests.helpers import PASSWORD
from tests.public_pages import html_pages, page_url

pytestmark = pytest.mark.browser
LIGHT, DARK = "#8a1c4a", "#f2a7c6"  # a berry brand, with its dark-mode shade


def logo_png():
    """A wordmark-like logo: a berry disc and a dark bar on a transparent background."""
    image = Image.new("RGBA", (600, 150), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((5, 5, 145, 145), fill=LIGHT)
    draw.rectangle((170, 55, 590, 95), fill="#282830")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def superuser(django_user_model, settings, clinic):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)


def test_a_superuser_uploads_a_logo_and_picks_a_colour_and_visitors_see_them(
    new_context, superuser, log_in, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    admin = new_context().new_page()
    log_in(admin, "boss")
    admin.goto(reverse("admin:clinic_sitesettings_changelist"))  # goes straight to the form

    admin.locator("#id_brand_color_light").fill("#66aaff")  # too pale: refused
    admin.get_by_role("button", name="Save", exact=True).click()
    error = admin.locator(".field-brand_color_light .errorlist").inner_text()
    assert re.search(r"contrast of only \d\.\d\d:1", error) and "nearest colour" in error

    admin.locator("#id_logo").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": logo_png()}]
    )
    admin.locator("#id_brand_color_light").fill(LIGHT)
    admin.locator("#id_brand_color_dark").fill(DARK)
    admin.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in admin.locator(".messagelist").inner_text()

    visitor = new_context().new_page()
    visitor.goto("/")
    logo = visitor.locator("header .site-name__logo")
    assert logo.get_attribute("alt") == "Harbourlight Test Clinic"
    assert logo.evaluate("img => img.complete && img.naturalHeight") == 48
    assert " 2x" in logo.get_attribute("srcset") and " 3x" in logo.get_attribute("srcset")
    accent = visitor.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"
    )
    assert accent == LIGHT
    more = visitor.locator("a.more")
    assert more.evaluate("a => getComputedStyle(a).color") == "rgb(138, 28, 74)"

    dark = new_context(color_scheme="dark").new_page()
    dark.goto("/")
    assert (
        dark.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"
        )
        == DARK
    )


@pytest.fixture
def branded(library, settings):  # noqa: F811 - the imported fixture
    profile = ClinicProfile.load()
    profile.logo = SimpleUploadedFile("logo.png", logo_png(), "image/png")
    profile.brand_color_light, profile.brand_color_dark = LIGHT, DARK
    profile.booking_url = "https://example.org/book-online"
    profile.full_clean()
    profile.save()
    return library


@pytest.mark.parametrize("page_type", html_pages(), ids=lambda page: page.name)
def test_branded_public_page_meets_wcag_22_aa_in_light_and_dark(new_context, branded, page_type):
    for scheme, width in (("light", 1280), ("dark", 375)):
        page = new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
        tab = page.new_page()
        response = tab.goto(page_url(page_type, branded))
        assert response.status == page_type.status
        assert tab.locator("link[href^='/brand/']").count() == 1
        assert tab.locator("header .site-name__logo").count() == 1
        assert axe_violations(tab) == [], (scheme, page_type)
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth"), scheme
