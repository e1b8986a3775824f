"""Export then import into an empty site: every public page comes back the same."""

import io
import re
from datetime import date, time, timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleChange, Topic
from articles.services import record_substantive_update
from clinic.domain.models import ClinicProfile, Location, LocationException, Person, Redirect
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    weekly_hours,
)

NONCE = re.compile(r'(nonce|csrfmiddlewaretoken"? value|name="csrf-token" content)="[^"]*"')


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (6, 4), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def whole_site():
    """A clinic with one of everything a public page shows or staff set."""
    profile = ClinicProfile.objects.first() or ClinicProfile()
    profile.name, profile.tagline = "Harbour Mind Clinic", "Research, in plain words"
    profile.about = "We summarise **studies** for patients."
    profile.default_disclaimer = "Education only, not advice."
    profile.contact_email, profile.booking_url = "hello@example.org", "https://book.example.org"
    profile.save()
    ana = PersonFactory(
        name="Dr Ana Ruiz", slug="ana-ruiz", bio="I *study* trauma.", credentials="MD, FRCPC",
        regulator="CPSO", registration_number="12345", register_url="https://cpso.example/1",
        position=2, photo_alt="Ana smiling",
    )  # fmt: skip
    ana.photo.save("ana.png", ContentFile(png("olive")), save=True)
    PersonFactory(name="Dr Li Wei", slug="li-wei", role_title="Psychologist", position=1)
    gone = PersonFactory(name="Sam Old", slug="sam-old", is_active=False, bio="Retired.")
    ptsd = TopicFactory(name="PTSD", slug="ptsd", description="Trauma and its *treatment*.")
    TopicFactory(name="Sleep", slug="sleep", description="Rest.")
    chart = default_storage.save("editor/chart.png", ContentFile(png("navy")))
    article = ArticleFactory(
        title="Ketamine with therapy",
        slug="ketamine-with-therapy",
        body=f'## Findings\n\n![A chart]({default_storage.url(chart)} "Figure 1")\n\nText.\n',
        author=ana,
        reviewer=ana,
        reviewed_on=date(2024, 3, 2),
        review_interval_months=6,
        hero_alt="A calm room",
        hero_credit="Photo: J. Doe",
    )
    article.hero_image.save("room.png", ContentFile(png("teal")), save=True)
    article.topics.set([ptsd])
    StudyFactory(article=article, doi="10.4088/JCP.22r14614", pmid="36856620")
    record_substantive_update(article=article, note="Added a second trial.")
    ArticleFactory(title="By a former colleague", slug="former", author=gone)
    ArticleFactory(title="Not yet", slug="not-yet", publish_at=timezone.now() + timedelta(days=9))
    downtown = LocationFactory(name="Downtown", slug="downtown", parking_notes="Green P lot.")
    weekly_hours(downtown)
    LocationException.objects.create(location=downtown, date=date(2030, 7, 1), note="Canada Day")
    LocationException.objects.create(
        location=downtown, date=date(2030, 12, 24), is_closed=False,
        opens=time(9), closes=time(12), note="Short day",
    )  # fmt: skip
    Redirect.objects.create(
        old_path="/2023/05/ketamine/", new_path="/articles/ketamine-with-therapy/"
    )


def public_paths():
    paths = ["/", "/articles/", "/topics/", "/team/", "/locations/", "/feed/", "/feed/atom/",
             "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-topics.xml", "/sitemap-people.xml",
             "/sitemap-locations.xml", "/search/?q=ketamine", "/search/?q=ptsd",
             "/glossary/"]  # fmt: skip
    paths += [a.get_absolute_url() for a in Article.objects.published()]
    paths += [f"/topics/{t.slug}/" for t in Topic.objects.all()]
    paths += [f"/topics/{t.slug}/feed/" for t in Topic.objects.all()]
    paths += [p.get_absolute_url() for p in Person.objects.all()]
    paths += [loc.get_absolute_url() for loc in Location.objects.all()]
    return sorted(set(paths))


def pages():
    cache.clear()
    client = Client()
    seen = {}
    for path in public_paths():
        response = client.get(path)
        seen[path] = (response.status_code, NONCE.sub(r"\1=…", response.content.decode()))
    seen["/2023/05/ketamine"] = client.get("/2023/05/ketamine").status_code
    return seen


@pytest.mark.django_db(transaction=True)  # a real flush: PostgreSQL cannot TRUNCATE mid-transaction
def test_every_public_page_is_identical_after_export_and_import_into_an_empty_site(
    settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    whole_site()
    before = pages()
    people = list(Person.objects.values().order_by("slug"))
    out = tmp_path / "export"
    call_command("export_markdown", str(out), stdout=StringIO())

    call_command("flush", "--no-input", verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    assert not Person.objects.exists() and not Redirect.objects.exists()
    call_command("import_markdown", str(out), stdout=StringIO())

    after = pages()
    assert after.keys() == before.keys()
    for path, page in before.items():
        assert after[path] == page, path
    strip = {"id", "photo_width", "photo_height", "modified_at"}  # sizes and times of this copy
    assert [{k: v for k, v in p.items() if k not in strip} for p in
            Person.objects.values().order_by("slug")] == [
        {k: v for k, v in p.items() if k not in strip} for p in people]  # fmt: skip
    assert not Person.objects.get(slug="sam-old").is_active
    assert Topic.objects.get(slug="ptsd").description == "Trauma and its *treatment*."
    assert ArticleChange.objects.get().note == "Added a second trial."
    downtown = Location.objects.get(slug="downtown")
    assert downtown.hours.count() == 5 and downtown.exceptions.count() == 2
    assert ClinicProfile.objects.get().tagline == "Research, in plain words"


@pytest.mark.django_db
def test_images_read_back_go_through_the_upload_checks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    whole_site()
    out = tmp_path / "export"
    call_command("export_markdown", str(out), stdout=StringIO())
    (out / "images" / "articles" / "hero" / "room.png").write_bytes(b"<?php echo 'not an image';")
    Article.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("import_markdown", str(out), stdout=(output := StringIO()))
    assert "ketamine-with-therapy.md: the image images/articles/hero/room.png was refused" in (
        output.getvalue()
    )
    assert not Article.objects.filter(slug="ketamine-with-therapy").exists()
