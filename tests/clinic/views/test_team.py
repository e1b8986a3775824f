import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from clinic.domain.models import Person
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_team_lists_active_people_in_display_order(client):
    PersonFactory(name="Second", position=2)
    PersonFactory(name="First", position=1)
    PersonFactory(name="Gone", is_active=False)
    response = client.get(reverse("clinic:team"))
    assert [p.name for p in response.context["people"]] == ["First", "Second"]
    assert b"Gone" not in response.content


def test_inactive_author_page_stays_reachable_from_their_article(client):
    former = PersonFactory(name="Former Writer", is_active=False)
    article = ArticleFactory(author=former)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{former.get_absolute_url()}"' in html
    person_page = client.get(former.get_absolute_url())
    assert person_page.status_code == 200
    assert article.title.encode() in person_page.content


def test_person_page_shows_bio_registration_written_and_reviewed_articles(client):
    person = PersonFactory(
        name="Dr Ana Ruiz", credentials="MD, FRCPC",
        bio="I am a **psychiatrist**. <script>alert(1)</script>",
        regulator="College of Physicians and Surgeons of Ontario",
        registration_number="DEMO-1234", register_url="https://doctors.cpso.on.ca/",
    )  # fmt: skip
    written = ArticleFactory(author=person, title="Written by Ana")
    reviewed = ArticleFactory(reviewer=person, title="Reviewed by Ana")
    ArticleFactory(author=person, title="Ana's draft", draft=True)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "I am a <strong>psychiatrist</strong>." in html and "alert(1)" not in html
    assert "College of Physicians and Surgeons of Ontario" in html and "DEMO-1234" in html
    assert 'href="https://doctors.cpso.on.ca/"' in html
    assert written.title in html and reviewed.title in html
    assert "Ana's draft" not in html


def test_collective_byline_has_no_registration_section(client):
    team = PersonFactory(name="The Clinic Team", credentials="")
    assert not team.has_registration
    html = client.get(team.get_absolute_url()).content.decode()
    assert "Registration" not in html


def test_person_articles_are_paginated(client):
    person = PersonFactory()
    ArticleFactory.create_batch(13, author=person)
    url = person.get_absolute_url()
    assert len(client.get(url).context["articles"]) == 12
    assert len(client.get(url, {"page": 2}).context["articles"]) == 1
    assert client.get(url, {"page": "x"}).status_code == 404


def test_photo_needs_alt_text_or_the_decorative_flag():
    person = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(photo="people/p.jpg", photo_alt="  ")
    Person.objects.filter(pk=person.pk).update(photo="people/p.jpg", photo_is_decorative=True)
    person.refresh_from_db()
    person.photo_is_decorative = False
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "photo_alt" in excinfo.value.message_dict
