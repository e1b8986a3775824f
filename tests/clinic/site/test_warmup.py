"""A new server process does its one-off work before its first reader arrives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.views import glossary
from clinic.site import warmup
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_warm_up_compiles_what_the_first_request_would(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory()
    glossary._compiled.clear()
    assert warmup.warm_up() >= 0
    assert len(glossary._compiled) == 1  # the glossary's patterns, built once for the process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert "glossaryterm" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_a_database_not_up_yet_is_left_for_the_first_request(monkeypatch, caplog):
    def unavailable():
        raise ConnectionError("no database yet")

    monkeypatch.setattr(warmup, "_read_site_wide_parts", unavailable)
    assert warmup.warm_up() >= 0
    assert "first request" in caplog.text
