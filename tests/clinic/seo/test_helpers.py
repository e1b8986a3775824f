"""The small rules behind page metadata: descriptions, preview images, ids, profile links."""

import io
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from PIL import Image

from clinic.domain.models import ClinicProfile
from clinic.seo.links import tag_uri
from clinic.seo.meta import (
    DEFAULT_SOCIAL_IMAGE_ALT,
    cut_at_word,
    iso_datetime,
    meta_description,
    social_image,
)
from tests.factories import StudyFactory


def test_a_short_description_is_completed_by_the_next_text():
    assert meta_description("PTSD.", "Research summaries about PTSD from the clinic.") == (
        "PTSD. Research summaries about PTSD from the clinic."
    )
    assert meta_description("", None, "A page's own words, long enough on their own here.") == (
        "A page's own words, long enough on their own here."
    )


def test_a_long_description_is_cut_at_a_word_within_160_characters():
    text = "word " * 20 + "unbreakablewordthatgoesonandon " * 5
    cut = cut_at_word(text.strip())
    assert len(cut) <= 160 and cut.endswith("…")
    assert cut[:-1] == text[: len(cut) - 1] and text[len(cut) - 1] == " "


def test_markup_and_runs_of_space_are_removed():
    assert meta_description("<p>A  bio\nwith <strong>markup</strong></p>", "x" * 60).startswith(
        "A bio with markup."
    )


def test_a_description_exactly_160_long_is_kept_whole():
    text = ("abcd " * 32).strip()[:160]
    assert cut_at_word(text) == text


def test_social_image_prefers_the_pages_then_the_clinics_then_the_default():
    clinic = SimpleNamespace(name="Clinic", social_image=None)
    default = social_image(clinic)
    assert default.url.endswith("/static/img/social-default.png")
    assert (default.width, default.height, default.alt) == (1200, 630, DEFAULT_SOCIAL_IMAGE_ALT)
    clinic.social_image = SimpleNamespace(url="/media/brand/share.png")
    clinic.social_image_rendition_url = "/media/renditions/brand/share-1200x630.png"
    assert social_image(clinic).url.endswith("/media/renditions/brand/share-1200x630.png")
    assert (social_image(clinic).width, social_image(clinic).height) == (1200, 630)
    assert social_image(clinic).alt == "Clinic"
    hero = SimpleNamespace(url="/media/articles/hero/a.png")
    own = social_image(clinic, image=hero, width=800, height=600, alt="A room")
    assert (own.url.endswith("a.png"), own.width, own.alt) == (True, 800, "A room")


def test_tag_uris_use_the_host_and_the_utc_creation_day(settings):
    settings.SITE_URL = "https://Clinic.Example.org:8443"
    created = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)
    assert tag_uri(created, "article-7") == "tag:clinic.example.org,2026-01-01:article-7"


def test_iso_datetime_has_seconds_and_offset(settings):
    settings.TIME_ZONE = "America/Toronto"
    moment = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert iso_datetime(moment) == "2026-06-01T08:00:00-04:00"  # America/Toronto in summer


@pytest.mark.django_db
def test_profile_links_are_one_web_address_a_line():
    profile = ClinicProfile(profile_links="https://example.org/a\n\n  https://example.org/b  \n")
    profile.full_clean()
    assert profile.same_as == ["https://example.org/a", "https://example.org/b"]
    profile.profile_links = "https://example.org/a\nnot a link"
    with pytest.raises(ValidationError, match="Line 2 is not a full web address"):
        profile.full_clean()


@pytest.mark.django_db
def test_study_publication_date_is_as_precise_as_stored():
    assert StudyFactory(year=2023).published_on == "2023"
    assert StudyFactory(year=2023, month=4).published_on == "2023-04"
    with pytest.raises(ValidationError):
        StudyFactory.build(month=13, article=StudyFactory().article).full_clean()


def test_make_social_image_draws_1200_by_630(tmp_path):
    output = tmp_path / "share.png"
    call_command("make_social_image", output=output, stdout=io.StringIO())
    with Image.open(output) as image:
        assert image.size == (1200, 630) and image.mode == "RGB"


def test_the_shipped_default_image_is_1200_by_630(settings):
    with Image.open(settings.BASE_DIR / "static" / "img" / "social-default.png") as image:
        assert image.size == (1200, 630)
