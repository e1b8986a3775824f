"""The article change form: wide enough inputs, honest help, a thumbnail of the hero image."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import ArticleFactory, StudyFactory

pytestmark = pytest.mark.django_db


def test_address_help_says_a_redirect_is_made_and_the_study_order_is_explained(admin_client):
    article = StudyFactory().article
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "the old address sends readers to the new one" in html
    assert "breaks old links" not in html
    assert "Where this study appears among the article" in html
    assert "css/admin-articles.css" in html  # wider title and address inputs


def test_the_hero_image_shows_as_a_thumbnail(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Image.new("RGB", (32, 20), "teal").save(picture, "PNG")
    article = ArticleFactory(hero_alt="A teal square")
    article.hero_image = SimpleUploadedFile("hero.png", picture.getvalue(), "image/png")
    article.save()
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert (
        f'<img src="{article.hero_image.url}" alt="The current image" class="admin-thumbnail"'
        in html
    )
