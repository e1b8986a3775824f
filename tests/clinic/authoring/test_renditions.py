"""Hero images and people's photos: sized when saved, renditions made by a background task."""

import os
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image

from clinic.authoring.renditions import FORMATS, rendition_name, rendition_names, rendition_widths
from clinic.authoring.tasks import make_renditions
from tests.factories import ArticleFactory, PersonFactory
from tests.helpers import jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def article_with_hero(django_capture_on_commit_callbacks):
    article = ArticleFactory(hero_alt="A calm waiting room")
    with django_capture_on_commit_callbacks(execute=True):
        article.hero_image.save("hero.jpg", jpeg(1300, 650))
    return article


def expected_names(article):
    return [
        rendition_name(article.hero_image.name, width, extension)
        for width in [480, 800, 1200, 1300]
        for extension, _, _ in FORMATS
    ]


def test_widths_never_upscale():
    assert rendition_widths(2000) == [480, 800, 1200, 1600, 2000]
    assert rendition_widths(700) == [480, 700]
    assert rendition_widths(None) == []


def test_a_save_stores_the_size_and_queues_one_task_but_makes_no_rendition(article_with_hero):
    article = article_with_hero
    article.refresh_from_db()
    assert (article.hero_width, article.hero_height) == (1300, 650)
    assert not any(default_storage.exists(name) for name in expected_names(article))
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "clinic.authoring.tasks.make_renditions"
    assert queued.args_kwargs["kwargs"] == {
        "model": "articles.article", "pk": article.pk, "field": "hero_image",
        "name": article.hero_image.name,
    }  # fmt: skip


def test_before_the_task_the_page_shows_the_original_sized_and_no_missing_file(
    article_with_hero, client
):
    html = client.get(article_with_hero.get_absolute_url()).text
    assert "<source" not in html and "renditions/" not in html
    assert f'<img src="{article_with_hero.hero_image.url}" alt="A calm waiting room" ' in html
    assert 'width="1300" height="650" loading="lazy"' in html  # after the findings


def test_the_task_makes_every_rendition_and_then_the_page_lists_them(
    article_with_hero, run_tasks, client
):
    assert run_tasks() == 1
    names = expected_names(article_with_hero)
    assert all(default_storage.exists(name) for name in names)
    with default_storage.open(names[-1]) as stored, Image.open(stored) as made:
        assert made.size == (1300, 650) and not made.getexif()
    assert DBTaskResult.objects.get().return_value == len(names)
    html = client.get(article_with_hero.get_absolute_url()).text
    assert '<source type="image/webp" srcset="' in html and " 480w, " in html and " 1300w" in html
    assert 'width="1300" height="650" loading="lazy"' in html  # after the findings


def test_running_the_task_again_does_nothing(article_with_hero, run_tasks):
    run_tasks()
    names = expected_names(article_with_hero)
    times = {name: os.stat(default_storage.path(name)).st_mtime_ns for name in names}
    again = make_renditions.call(
        model="articles.article",
        pk=article_with_hero.pk,
        field="hero_image",
        name=article_with_hero.hero_image.name,
    )
    assert again == 0
    assert times == {name: os.stat(default_storage.path(name)).st_mtime_ns for name in names}


def test_saving_without_a_new_picture_queues_nothing(
    article_with_hero, run_tasks, django_capture_on_commit_callbacks
):
    run_tasks()
    article = type(article_with_hero).objects.get(pk=article_with_hero.pk)
    article.title = "A new title, the same picture"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    # The new title queues the spelling vocabulary's refresh; no picture task.
    assert DBTaskResult.objects.filter(task_path=make_renditions.module_path).count() == 1


def test_a_picture_replaced_before_its_task_ran_is_left_alone(
    article_with_hero, run_tasks, django_capture_on_commit_callbacks
):
    first = article_with_hero.hero_image.name
    with django_capture_on_commit_callbacks(execute=True):
        article_with_hero.hero_image.save("second.jpg", jpeg(600, 300))
    assert run_tasks() == 2
    assert not default_storage.exists(rendition_names(first, 1300)[0])
    second = article_with_hero.hero_image.name
    assert all(default_storage.exists(name) for name in rendition_names(second, 600))


def test_the_size_follows_the_exif_orientation_of_a_picture_stored_by_name():
    name = default_storage.save("articles/hero/upright.jpg", jpeg(400, 300, orientation=6))
    article = ArticleFactory(hero_image=name, hero_alt="A portrait")
    assert (article.hero_width, article.hero_height) == (300, 400)


def test_removing_the_picture_clears_its_size(article_with_hero):
    article_with_hero.hero_image = ""
    article_with_hero.save()
    article_with_hero.refresh_from_db()
    assert (article_with_hero.hero_width, article_with_hero.hero_height) == (None, None)


def test_people_photos_are_lazy_with_their_size_then_get_renditions(
    client, run_tasks, django_capture_on_commit_callbacks
):
    person = PersonFactory(photo_alt="Dr Ruiz smiling")
    with django_capture_on_commit_callbacks(execute=True):
        person.photo.save("p.jpg", jpeg(600, 600))
    html = client.get(reverse("clinic:team")).text
    assert 'alt="Dr Ruiz smiling" width="600" height="600" class="person-card__photo"' in html
    assert 'loading="lazy"' in html and "<source" not in html
    assert run_tasks() == 1
    html = client.get(reverse("clinic:team")).text
    assert " 600w" in html and "<source" in html


def test_pictures_lacking_renditions_can_be_queued_again(article_with_hero, run_tasks):
    DBTaskResult.objects.all().delete()  # as if its task were lost, or failed for good
    call_command("queue_renditions", stdout=(out := StringIO()))
    assert out.getvalue() == "1 picture(s) queued for renditions.\n"
    assert run_tasks() == 1
    call_command("queue_renditions", stdout=(out := StringIO()))
    assert out.getvalue() == "0 picture(s) queued for renditions.\n"
