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


@pytest.fixture(scope="session")
def _recorded_services_server():
    from tests.articles.citations.server import RecordedServices

    server = RecordedServices()
    yield server
    server.stop()


@pytest.fixture
def recorded_services(_recorded_services_server, settings):
    """Crossref and E-utilities answering from recorded responses on 127.0.0.1."""
    from articles.citations.client import CROSSREF

    server = _recorded_services_server
    server.reset()
    CROSSREF.stated_interval = None
    settings.CROSSREF_API_URL = f"{server.url}/crossref"
    settings.NCBI_EUTILS_URL = f"{server.url}/eutils"
    settings.NCBI_API_KEY = "test-key"
    settings.CITATIONS_CONTACT_EMAIL = "library@example.org"
    settings.CITATIONS_TIMEOUT_SECONDS = 2
    return server
