"""On SQLite, the hot pages' queries do a few pages' worth of work, not a scan.

SQLite has no EXPLAIN ANALYZE; its virtual machine's instruction count is the measure here
(`set_progress_handler`). Reading one article row through an index costs some tens of
instructions, so a query that walks all 3,000 articles of the library below, the whole public
index once per person, or the articles newest first looking for a rare topic's, goes past
the bound. Skipped on PostgreSQL, whose plans
tests/test_query_plans.py reads.
"""

import pytest
from django.db import connection

from tests.test_query_plans import hot_paths, library  # noqa: F401  (the same library)

# Instructions a page's queries may run together: a page of the article sitemap (1,000 rows
# read through an index) takes about 26,000; a topic's page about 2,000. Testing each article
# for a topic, newest first, took 50,000 to 90,000 for a topic's page, a rare topic's or the
# topics' sitemap in this library, and grows with the library.
MOST_STEPS = 30_000
STEP = 100  # the handler runs every STEP instructions

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's virtual machine"),
]


def steps_of(client, path):
    """The instructions SQLite runs for all the page's queries (rows are read step by step as
    they are fetched, so the page is measured whole)."""
    steps = [0]

    def tick():
        steps[0] += STEP
        return 0  # go on

    connection.ensure_connection()
    sqlite = connection.connection
    sqlite.set_progress_handler(tick, STEP)
    try:
        response = client.get(path)
    finally:
        sqlite.set_progress_handler(None, STEP)
    assert response.status_code == 200, path
    return steps[0]


def test_hot_pages_do_a_few_pages_of_work(client, library):  # noqa: F811
    client.get("/")  # the site-wide parts, cached after the first request
    paths = hot_paths()
    for path in paths:  # what a page caches for every later request
        client.get(path)
    steps = {path: steps_of(client, path) for path in paths}
    assert {path: n for path, n in steps.items() if n > MOST_STEPS} == {}, steps
