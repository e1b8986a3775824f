from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from clinic.site.logins import client_ip

PASSWORD = "a-long-staff-password"
WRONG = "not-the-password"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("sam", password=PASSWORD, is_staff=True)


def sign_in(client, password, username="sam", address="203.0.113.5"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail(client, times, **kwargs):
    """Sign in with a wrong password `times` times; the last is refused if it reaches the limit."""
    for _ in range(times):
        response = sign_in(client, WRONG, **kwargs)
    return response


def test_the_fifth_wrong_password_pauses_sign_in_with_a_clear_message(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(client, 4)

    response = sign_in(client, WRONG)

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text
    assert "paused for 30 minutes" in response.text
    assert "ask a site administrator to unlock" in response.text


def test_right_password_is_refused_while_locked_out(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_then_the_right_one_signs_in(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302


def test_success_resets_the_count(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302


def test_lockout_is_per_username_and_address(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)

    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302


def test_lockout_ends_after_the_cooloff(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    assert sign_in(client, PASSWORD).status_code == 302


def test_superuser_unlocks_an_account_with_the_management_command(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset_username", "sam", verbosity=0)

    assert sign_in(client, PASSWORD).status_code == 302


def test_superuser_sees_the_access_attempts_in_the_admin(client, staff, admin_client, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)

    response = admin_client.get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 200 and "sam" in response.text


def test_the_test_clients_login_still_works(client, staff):
    assert client.login(username="sam", password=PASSWORD)


def test_client_address_is_remote_addr_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.1"


def test_client_address_behind_a_proxy_ignores_what_the_visitor_typed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forwarded = "6.6.6.6, 203.0.113.9"  # the visitor wrote the first; our proxy added the last
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == "203.0.113.9"


@pytest.mark.parametrize("password", ["short", "password1234", "12345678901234"])
def test_weak_passwords_are_refused(staff, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=staff)


def test_a_long_uncommon_password_is_accepted(staff):
    validate_password("harbour-violet-tuesday-81", user=staff)


def test_signing_in_starts_a_session_that_ends_after_the_idle_time(client, staff):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == 60 * 60
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=59)


def test_idle_staff_session_is_signed_out(client, staff):
    client.force_login(staff)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_sign_in_form_asks_for_the_email_address(client, db):
    html = client.get(reverse("admin:login")).text
    assert '<label for="id_username" class="required">Email address:</label>' in html
    assert "Username" not in html
