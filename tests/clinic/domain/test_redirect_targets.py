"""Redirects lead to pages of this site; another site only where a superuser allowed it."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from clinic.domain.models import Redirect

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "https://evil.example/phish",
    "http://evil.example/phish",
    "//evil.example/phish",
    "///evil.example/phish",
    "/\\evil.example/phish",
    "\\\\evil.example/phish",
    "/articles\\..\\evil",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example/phish",
    "/\t/evil.example",
    "/articles/\r\nSet-Cookie: a=b",
    "/articles/\x00",
    "/\u202earticles",  # a right-to-left override
    " /articles/",
    "",
]
ON_SITE = ["/", "/articles/sleep-and-ptsd/", "/bibliothèque/sommeil/", "/a?b=c#d", "/%2F%2Fx"]
ADD_URL = reverse("admin:clinic_redirect_add")


def redirect(new_path, **fields):
    return Redirect(old_path="/old-post/", new_path=new_path, **fields)


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_target_off_the_site_is_refused_with_a_reason(target):
    with pytest.raises(ValidationError) as refused:
        redirect(target).full_clean()
    assert refused.value.message_dict["new_path"][0]


@pytest.mark.parametrize("target", ON_SITE)
def test_a_path_on_this_site_is_accepted(target):
    redirect(target).full_clean()


def test_an_address_elsewhere_says_that_a_superuser_may_allow_it():
    with pytest.raises(ValidationError) as refused:
        redirect("https://partner.example/page").full_clean()
    assert "Allow an address on another site" in str(refused.value)


def test_an_allowed_address_elsewhere_is_https_without_tricks():
    redirect("https://partner.example/moved-page/", is_external_allowed=True).full_clean()
    refused = ["http://partner.example/", "https://user@evil.example/", "https://",
               "javascript:alert(1)", "//evil.example/", "https://evil.example/\n"]  # fmt: skip
    for target in refused:
        with pytest.raises(ValidationError):
            redirect(target, is_external_allowed=True).full_clean()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example",
                                    "javascript:alert(1)", "evil.example"])  # fmt: skip
def test_the_database_refuses_an_active_redirect_off_the_site(target):
    with pytest.raises(IntegrityError), transaction.atomic():
        Redirect.objects.create(old_path="/old/", new_path=target)


def test_the_database_keeps_an_allowed_address_elsewhere_and_a_switched_off_row():
    Redirect.objects.create(old_path="/a/", new_path="https://p.example/", is_external_allowed=True)
    Redirect.objects.create(old_path="/b/", new_path="//evil.example", is_active=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Redirect.objects.create(old_path="/c/", new_path="http://p.example/", is_external_allowed=1)


def test_visitors_are_never_sent_to_an_unsafe_stored_target(client):
    # Rows that passed the database's coarse check but not the full rules (made without clean()).
    Redirect.objects.create(old_path="/tab/", new_path="/\t/evil.example")
    Redirect.objects.create(
        old_path="/user/", new_path="https://x@evil.example/", is_external_allowed=True
    )
    Redirect.objects.create(old_path="/off/", new_path="javascript:alert(1)", is_active=False)
    for path in ["/tab/", "/user/", "/off/"]:
        assert client.get(path).status_code == 404, path
    # An old site's plain address ("/?p=7") is checked the same way; the home page answers.
    Redirect.objects.create(old_path="/?p=7", new_path="/\t/evil.example")
    assert client.get("/?p=7").status_code == 200


def test_safe_targets_are_followed_with_the_query_string(client):
    Redirect.objects.create(old_path="/moved/", new_path="/articles/")
    Redirect.objects.create(
        old_path="/partner/", new_path="https://p.example/page?ref=clinic", is_external_allowed=True
    )
    assert client.get("/moved/?utm=x")["Location"] == "/articles/?utm=x"
    assert client.get("/partner/?utm=x")["Location"] == "https://p.example/page?ref=clinic&utm=x"


def test_the_admin_refuses_an_address_elsewhere_until_a_superuser_allows_it(admin_client):
    data = {"old_path": "/old-post/", "new_path": "https://evil.example/phish", "is_active": "on"}
    page = admin_client.post(ADD_URL, data)
    assert page.status_code == 200 and not Redirect.objects.exists()
    assert (
        "Allow an address on another site" in page.context["adminform"].form.errors["new_path"][0]
    )

    for target in ["//evil.example/phish", "javascript:alert(1)", "/\\evil.example"]:
        page = admin_client.post(ADD_URL, {**data, "new_path": target})
        assert page.status_code == 200 and not Redirect.objects.exists(), target

    allowed = {**data, "is_external_allowed": "on"}
    assert admin_client.post(ADD_URL, allowed).status_code == 302
    assert Redirect.objects.get().is_external_allowed


@pytest.fixture
def staff_client(client, django_user_model):
    """A staff member given the redirect permissions, who is not a superuser."""
    user = django_user_model.objects.create_user("web@clinic.example", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__endswith="_redirect"))
    client.force_login(user)
    return client


def test_only_superusers_may_allow_an_address_elsewhere(staff_client):
    form = staff_client.get(ADD_URL).context["adminform"].form
    assert "is_external_allowed" not in form.fields

    data = {"old_path": "/old/", "new_path": "https://evil.example/", "is_external_allowed": "on"}
    assert staff_client.post(ADD_URL, data).status_code == 200
    assert not Redirect.objects.exists()

    allowed = Redirect.objects.create(
        old_path="/p/", new_path="https://p.example/", is_external_allowed=True
    )
    change = staff_client.get(reverse("admin:clinic_redirect_change", args=[allowed.pk]))
    assert "new_path" not in change.context["adminform"].form.fields
