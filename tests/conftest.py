import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from clinic.domain.roles import FRONT_DESK, MARKETING
from tests.factories import ArticleFactory, PersonFactory
from tests.helpers import staff_in_role


def pytest_configure(config):
    from django.conf import settings

    # Hashing test passwords with PBKDF2's 1,000,000 rounds costs seconds per run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back rows must not linger in it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def run_tasks(db):
    """Run every queued background task that is due, as `manage.py db_worker` does.

    The worker's own code claims and runs each one (its polling loop, which closes database
    connections between tasks, is left out: tests run inside a transaction). Returns how many
    ran. Retries queued for later are left waiting.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test-worker",
                    excluded_queue_names=[])  # fmt: skip

    def run():
        ran = 0
        while (result := DBTaskResult.objects.ready().first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run


@pytest.fixture
def person(db):
    return PersonFactory()


@pytest.fixture
def article(db):
    return ArticleFactory()


@pytest.fixture
def editor(db, django_user_model):
    """A staff user who may view, add and change articles (but is not a superuser)."""
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "a-long-test-password", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=[
                "view_article",
                "add_article",
                "change_article",
                "view_study",
                "add_study",
                "change_study",
                "delete_study",
            ],
        )
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def marketing_user(db, django_user_model):
    """A member of the Marketing role: may add and change articles, not delete them."""
    return staff_in_role(django_user_model, MARKETING)


@pytest.fixture
def marketing_client(client, marketing_user):
    client.force_login(marketing_user)
    return client


@pytest.fixture
def front_desk_client(client, django_user_model):
    client.force_login(staff_in_role(django_user_model, FRONT_DESK))
    return client


@pytest.fixture(autouse=True)
def no_citation_services_on_the_network(settings):
    """Study look-ups reach nothing unless a test serves recorded answers
    (`recorded_services`): the discard port refuses at once."""
    settings.CROSSREF_API_URL = "http://127.0.0.1:9/crossref"
    settings.NCBI_EUTILS_URL = "http://127.0.0.1:9/eutils"
    settings.CITATIONS_TIMEOUT_SECONDS = 1


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
    yield server
    server.reset()  # answers a request still held
