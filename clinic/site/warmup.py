"""Work a new server process would otherwise do while answering its first reader.

Run by the WSGI module once the application is built (each gunicorn worker imports it before
serving), so the first request of a fresh process costs what the others do: the URL patterns
are imported and compiled, the templates of the public pages compiled into the cached loader,
the modules the views import lazily imported, and the site-wide parts and the glossary read.
A failure here (a database not up yet) is logged and left for the first request to meet.
"""

import logging
import time

logger = logging.getLogger(__name__)

TEMPLATES = [
    "base.html", "articles/home.html", "articles/article_list.html",
    "articles/article_detail.html", "articles/topic_detail.html", "articles/topic_list.html",
    "articles/search.html", "articles/glossaryterm_list.html", "clinic/person_detail.html",
    "clinic/person_list.html", "clinic/location_list.html", "clinic/location_detail.html",
    "error.html",
]  # fmt: skip


def warm_up():
    """Returns the milliseconds it took."""
    start = time.perf_counter()
    from django.template.loader import get_template
    from django.urls import get_resolver, reverse

    get_resolver().url_patterns  # noqa: B018 - imports every view module
    reverse("articles:home")  # fills the reverse lookup tables
    for name in TEMPLATES:
        get_template(name)
    try:
        _read_site_wide_parts()
    except Exception:  # noqa: BLE001 - the first request will meet it and report it properly
        logger.warning("Warm-up could not read the database; the first request will.")
    return (time.perf_counter() - start) * 1000


def _read_site_wide_parts():
    from django.db import connection

    from articles.models import Article
    from articles.views.glossary import compiled_glossary, current_entries
    from clinic.domain.sitewide import clinic_profile

    clinic_profile()
    compiled_glossary(*current_entries())
    newest = Article.objects.published().for_cards().first()  # the ORM's query machinery
    if newest is not None:
        newest.get_neighbours()
        newest.get_related()
    if not connection.in_atomic_block:  # opened here, before a fork or a thread:
        connection.close()  # each request opens its own
