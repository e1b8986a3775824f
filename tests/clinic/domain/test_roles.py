"""Each role logs in through the admin's own login form and is held to its permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from clinic.domain.models import Location, OpeningHours
from clinic.domain.roles import FRONT_DESK, MARKETING
from tests.factories import ArticleFactory, LocationFactory, PersonFactory, weekly_hours
from tests.helpers import location_form

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-role-password"


def login_as(client, django_user_model, role):
    user = django_user_model.objects.create_user(
        f"{role.replace(' ', '-').lower()}@example.org", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    response = client.post(
        reverse("admin:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return user


def test_role_groups_hold_exactly_the_documented_permissions():
    marketing = set(
        Group.objects.get(name=MARKETING).permissions.values_list("codename", flat=True)
    )
    front_desk = set(
        Group.objects.get(name=FRONT_DESK).permissions.values_list("codename", flat=True)
    )
    assert "change_article" in marketing and "add_person" in marketing
    assert not any("location" in c or "user" in c or "delete_article" == c for c in marketing)
    assert front_desk == {
        "view_location", "change_location",
        "add_openinghours", "change_openinghours", "delete_openinghours", "view_openinghours",
        "add_locationexception", "change_locationexception", "delete_locationexception",
        "view_locationexception",
    }  # fmt: skip


def test_front_desk_changes_phone_hours_and_closures(client, django_user_model):
    login_as(client, django_user_model, FRONT_DESK)
    location = LocationFactory()
    url = reverse("admin:clinic_location_change", args=[location.pk])
    data = location_form(
        location, phone="416-555-0188",
        **{"hours-TOTAL_FORMS": "1", "hours-0-weekday": "0", "hours-0-opens": "08:00",
           "hours-0-closes": "16:00", "exceptions-TOTAL_FORMS": "1",
           "exceptions-0-date": "2026-12-25", "exceptions-0-is_closed": "on",
           "exceptions-0-note_en": "Christmas Day"},
    )  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    location.refresh_from_db()
    assert location.phone.as_e164 == "+14165550188"
    assert location.hours.get().closes.hour == 16
    assert location.exceptions.get().note == "Christmas Day"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:articles_article_changelist", "admin:articles_article_add",
        "admin:articles_topic_changelist", "admin:clinic_person_changelist",
        "admin:clinic_person_add", "admin:auth_user_changelist", "admin:auth_group_changelist",
    ],
)  # fmt: skip
def test_front_desk_gets_403_on_everything_else(client, django_user_model, url_name):
    login_as(client, django_user_model, FRONT_DESK)
    assert client.get(reverse(url_name)).status_code == 403


def test_front_desk_admin_index_shows_only_locations(client, django_user_model):
    login_as(client, django_user_model, FRONT_DESK)
    app_list = client.get(reverse("admin:index")).context["app_list"]
    assert [(a["app_label"], [m["object_name"] for m in a["models"]]) for a in app_list] == [
        ("clinic", ["Location"])
    ]


def test_marketing_creates_and_publishes_articles_and_people(client, django_user_model):
    login_as(client, django_user_model, MARKETING)
    response = client.post(
        reverse("admin:clinic_person_add"),
        {"name": "New Writer", "slug": "new-writer", "role_title_en": "", "credentials": "",
         "bio_en": "", "photo_alt": "", "regulator": "", "registration_number": "",
         "register_url": "", "is_active": "on", "position": "0"},
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = ArticleFactory(draft=True)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


@pytest.mark.parametrize(
    "url_name",
    ["admin:clinic_location_changelist", "admin:clinic_location_add",
     "admin:auth_user_changelist", "admin:clinic_clinicprofile_changelist"],
)  # fmt: skip
def test_marketing_gets_403_on_locations_and_users(client, django_user_model, url_name):
    login_as(client, django_user_model, MARKETING)
    assert client.get(reverse(url_name)).status_code == 403


def test_marketing_admin_index_shows_the_library_people_site_imports_and_crisis_lines(
    client, django_user_model
):
    login_as(client, django_user_model, MARKETING)
    app_list = client.get(reverse("admin:index")).context["app_list"]
    models = {(a["app_label"], m["object_name"]) for a in app_list for m in a["models"]}
    assert models == {
        ("articles", "Article"),
        ("articles", "CitationNotice"),
        ("articles", "Topic"),
        ("articles", "GlossaryTerm"),
        ("articles", "SynonymGroup"),
        ("articles", "NarrowerTerm"),
        ("articles", "SiteImport"),  # import from the site's address
        ("articles", "ImportedPost"),  # and follow what it imported
        ("clinic", "CrisisLine"),
        ("clinic", "Person"),
    }


def test_invalid_phone_gives_a_field_error_and_keeps_what_was_typed(admin_client):
    location = LocationFactory()
    url = reverse("admin:clinic_location_change", args=[location.pk])
    response = admin_client.post(url, location_form(location, phone="555-CALL-NOW-9"))
    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors
    assert 'value="555-CALL-NOW-9"' in response.content.decode()


def test_overlapping_or_backwards_hours_are_refused_with_messages(admin_client):
    location = LocationFactory()
    url = reverse("admin:clinic_location_change", args=[location.pk])
    data = location_form(
        location,
        **{"hours-TOTAL_FORMS": "3",
           "hours-0-weekday": "1", "hours-0-opens": "09:00", "hours-0-closes": "13:00",
           "hours-1-weekday": "1", "hours-1-opens": "12:00", "hours-1-closes": "17:00",
           "hours-2-weekday": "2", "hours-2-opens": "17:00", "hours-2-closes": "09:00"},
    )  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This overlaps another interval on the same day." in html
    assert "The closing time must be after the opening time." in html
    assert not OpeningHours.objects.exists()


def test_deleting_a_person_with_articles_is_refused_with_advice(admin_client):
    author = PersonFactory()
    ArticleFactory(author=author)
    url = reverse("admin:clinic_person_delete", args=[author.pk])
    html = admin_client.get(url).content.decode()
    assert "untick “active”" in html
    admin_client.post(url, {"post": "yes"})
    assert author.__class__.objects.filter(pk=author.pk).exists()


def test_deleting_a_location_asks_first_then_removes_its_hours(admin_client):
    location = LocationFactory()
    weekly_hours(location)
    url = reverse("admin:clinic_location_delete", args=[location.pk])
    assert b"Are you sure" in admin_client.get(url).content
    admin_client.post(url, {"post": "yes"})
    assert not Location.objects.exists() and not OpeningHours.objects.exists()


def test_create_staff_user_puts_the_user_in_the_role(django_user_model, capsys):
    call_command("create_staff_user", "--role", "front-desk", "--email", "desk@example.org")
    user = django_user_model.objects.get(username="desk@example.org")
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [FRONT_DESK]
    assert "changepassword desk@example.org" in capsys.readouterr().out


def test_a_change_to_the_role_map_reaches_existing_installs_on_migrate(monkeypatch):
    from clinic.domain import roles

    changed = {**roles.ROLE_PERMISSIONS}
    changed[FRONT_DESK] = {**changed[FRONT_DESK], "clinic": {"location": ["view"]}}
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", changed)
    call_command("migrate", verbosity=0)
    front_desk = Group.objects.get(name=FRONT_DESK)
    assert set(front_desk.permissions.values_list("codename", flat=True)) == {"view_location"}

    monkeypatch.undo()
    call_command("migrate", verbosity=0)
    assert front_desk.permissions.filter(codename="change_openinghours").exists()
