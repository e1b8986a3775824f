import socket

import pytest
from django.contrib.auth.models import Group

from clinic.domain.roles import FRONT_DESK, MARKETING


def _staff_in_role(django_user_model, role):
    user = django_user_model.objects.create_user(
        f"{role.replace(' ', '-').lower()}@example.org", password="a-long-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def marketing_user(db, django_user_model):
    """A member of the Marketing role: may add and change articles, not delete them."""
    return _staff_in_role(django_user_model, MARKETING)


@pytest.fixture
def marketing_client(client, marketing_user):
    client.force_login(marketing_user)
    return client


@pytest.fixture
def front_desk_client(client, django_user_model):
    client.force_login(_staff_in_role(django_user_model, FRONT_DESK))
    return client


class _NoNetwork:
    """Name lookups for the picture copier: this machine's addresses only."""

    def getaddrinfo(self, host, *args, **kwargs):
        if host == "localhost" or host.replace(".", "").isdigit() or ":" in host:
            return socket.getaddrinfo(host, *args, **kwargs)
        raise OSError(f"no network in tests ({host})")


@pytest.fixture(autouse=True)
def no_picture_downloads_from_the_internet(monkeypatch):
    """Imports copy pictures by default; in tests no address outside this machine is looked up."""
    from articles.transfer.wordpress import images

    monkeypatch.setattr(images, "socket", _NoNetwork())
