from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from clinic.authoring.renditions import FORMATS, rendition_name, rendition_widths
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def jpeg(width, height):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (40, 120, 110)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="picture.jpg")


def test_widths_never_upscale():
    assert rendition_widths(2000) == [480, 800, 1200, 1600, 2000]
    assert rendition_widths(700) == [480, 700]
    assert rendition_widths(None) == []


def test_saving_a_hero_image_makes_every_rendition_once(client):
    article = ArticleFactory(hero_alt="A calm waiting room")
    article.hero_image.save("hero.jpg", jpeg(1300, 650))
    assert (article.hero_width, article.hero_height) == (1300, 650)
    names = [
        rendition_name(article.hero_image.name, width, extension)
        for width in [480, 800, 1200, 1300]
        for extension, _, _ in FORMATS
    ]
    assert all(default_storage.exists(name) for name in names)
    with default_storage.open(names[-1]) as stored, Image.open(stored) as made:
        assert made.size == (1300, 650) and not made.getexif()
    html = client.get(article.get_absolute_url()).text
    assert '<source type="image/webp" srcset="' in html and " 480w, " in html and " 1300w" in html
    assert 'width="1300" height="650" fetchpriority="high"' in html
    assert 'alt="A calm waiting room"' in html


def test_people_photos_are_lazy_with_their_size(client):
    person = PersonFactory(photo_alt="Dr Ruiz smiling")
    person.photo.save("p.jpg", jpeg(600, 600))
    html = client.get(reverse("clinic:team")).text
    assert 'alt="Dr Ruiz smiling" width="600" height="600" class="person-card__photo"' in html
    assert 'loading="lazy"' in html
