"""A save the database cannot take right now: the form comes back with what the editor typed
and a message to press Save again, never a server error (clinic/domain/busy_saves.py)."""

from contextlib import contextmanager
from html import unescape

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from reversion.models import Version

from articles.editorial.revisions import ensure_first_revision
from clinic.domain.busy_saves import BUSY_MESSAGE, is_transient
from clinic.domain.models import SiteSettings
from tests.factories import ArticleFactory, LocationFactory, PersonFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db
TYPED = "Typed just as the database was busy: every word of this must come back."


@contextmanager
def busy_once(statement, table):
    """The first `statement` ("UPDATE", "INSERT") on `table` fails as a locked database does."""
    state = {"raised": False}

    def execute(run, sql, params, many, context):
        if not state["raised"] and sql.startswith(statement) and f'"{table}"' in sql:
            state["raised"] = True
            raise OperationalError("database is locked")
        return run(sql, params, many, context)

    with connection.execute_wrapper(execute):
        yield state


def site_settings():
    return SiteSettings.load()


def opened(client, instance):
    """The change form's URL and what a browser would post back from it, unchanged."""
    opts = instance._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response, form_id=f"{opts.model_name}_form")


EDITED = [
    pytest.param(ArticleFactory, "body", id="article"),
    pytest.param(LocationFactory, "parking_notes_en", id="location"),
    pytest.param(PersonFactory, "bio_en", id="person"),
    pytest.param(site_settings, "footer_note_en", id="site-settings"),
]


@pytest.mark.parametrize(("make", "field"), EDITED)
def test_the_form_comes_back_with_the_text_and_saving_again_works(admin_client, make, field):
    instance = make()
    before = getattr(instance, field)
    url, data = opened(admin_client, instance)

    with busy_once("UPDATE", instance._meta.db_table) as busy:
        response = admin_client.post(url, {**data, field: TYPED})

    assert busy["raised"]
    assert response.status_code == 200
    page = unescape(response.text)
    assert BUSY_MESSAGE in page
    assert TYPED in page
    instance.refresh_from_db()
    assert getattr(instance, field) == before, "nothing of the failed attempt was kept"

    again = admin_client.post(url, form_data(response, form_id=f"{instance._meta.model_name}_form"))
    assert again.status_code == 302, unescape(again.text)[:2000]
    instance.refresh_from_db()
    assert getattr(instance, field) == TYPED


def bodies_in_history(article):
    return [version.field_dict["body"] for version in Version.objects.get_for_object(article)]


def test_an_article_save_that_fails_at_its_revision_is_not_announced_and_lands_on_retry(
    admin_client,
):
    article = ArticleFactory(body="Before")
    ensure_first_revision(article.pk)  # so the next revision stored is the save's own
    url, data = opened(admin_client, article)

    with busy_once("INSERT", "reversion_revision"):
        response = admin_client.post(url, {**data, "body": TYPED, "_continue": "1"})

    page = unescape(response.text)
    assert response.status_code == 200 and BUSY_MESSAGE in page and TYPED in page
    assert "was changed successfully" not in page
    assert TYPED not in bodies_in_history(article)

    again = admin_client.post(url, form_data(response))
    assert again.status_code == 302
    assert bodies_in_history(article).count(TYPED) == 1


def test_a_new_article_that_cannot_be_added_comes_back_filled_in(admin_client, person):
    url = reverse("admin:articles_article_add")
    data = form_data(admin_client.get(url), title="A new article", slug="a-new-article")
    data.update(author=[str(person.pk)], summary=["A summary."], body=[TYPED])
    data.update({"studies-TOTAL_FORMS": ["0"], "studies-INITIAL_FORMS": ["0"]})

    with busy_once("INSERT", "articles_article"):
        response = admin_client.post(url, data)

    page = unescape(response.text)
    assert response.status_code == 200 and BUSY_MESSAGE in page and TYPED in page


def test_an_error_that_waiting_would_not_cure_is_not_hidden(admin_client):
    article = ArticleFactory()
    url, data = opened(admin_client, article)

    def broken(run, sql, params, many, context):
        if sql.startswith("UPDATE"):
            raise OperationalError("no such column: articles_article.body")
        return run(sql, params, many, context)

    with connection.execute_wrapper(broken), pytest.raises(OperationalError):
        admin_client.post(url, {**data, "body": TYPED})


class DriverError(Exception):
    def __init__(self, sqlstate=None, sqlite_errorname=None):
        super().__init__("driver error")
        self.sqlstate, self.sqlite_errorname = sqlstate, sqlite_errorname


@pytest.mark.parametrize(
    ("cause", "transient"),
    [
        (DriverError(sqlstate="40P01"), True),  # deadlock detected
        (DriverError(sqlstate="40001"), True),  # serialization failure
        (DriverError(sqlstate="55P03"), True),  # lock not available
        (DriverError(sqlstate="57014"), True),  # lock_timeout / statement_timeout
        (DriverError(sqlstate="42703"), False),  # undefined column
        (DriverError(sqlite_errorname="SQLITE_BUSY"), True),
        (DriverError(sqlite_errorname="SQLITE_LOCKED_SHAREDCACHE"), True),
        (DriverError(sqlite_errorname="SQLITE_READONLY"), False),
    ],
)
def test_which_database_errors_are_worth_saving_again(cause, transient):
    error = OperationalError("wrapped")
    error.__cause__ = cause
    assert is_transient(error) is transient
