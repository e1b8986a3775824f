"""The spelling vocabulary kept current by the task worker (`manage.py db_worker`).

What can change the words an article brings to the vocabulary (`articles.search.vocabulary`):

* a save that changes its title, summary, body, status, publish time or language, or creates
  it (`article_saved`: the values loaded are remembered, so a save that changes none of these,
  such as a new hero image, queues nothing);
* a new `search_document` (its studies, topics or people changed:
  `articles.search.documents` calls `words_changed`);
* its deletion (`article_deleted`);
* the time: a scheduled article goes live at its publish time with no write at all, so its
  refresh is queued again for then (`run_after`).

`words_changed` gathers the articles a transaction changed and, once it commits, queues one
`refresh_search_words` task for them all: a write that never commits queues nothing, and the
task reads the articles as committed. The task is safe to run twice or late: it compares each
article's words with those it was last counted with.
"""

from itertools import groupby

from asgiref.local import Local
from django.db import transaction

from clinic.tasks.retries import task_with_retries

from ..models import Article
from .vocabulary import count_words

# The fields whose change can change an article's counted words (or whether it counts).
WATCHED = ("title", "summary", "body", "search_document", "status", "publish_at", "language")
LOADED = "_vocabulary_fields"  # instance attribute: {field: value when loaded or saved}

_pending = Local()


@task_with_retries()
def refresh_search_words(*, article_ids):
    """Count these articles' words as they now stand; returns how many changed."""
    return count_words(article_ids)


def after_commit(callback):
    transaction.on_commit(callback, robust=True)


def words_changed(article_ids):
    """Refresh these articles' words in the background once the write in progress commits
    (at once outside a transaction)."""
    ids = {pk for pk in article_ids if pk is not None}
    if ids:
        _pending.ids = getattr(_pending, "ids", set()) | ids
        after_commit(queue_pending)


def queue_pending():
    """Queue one task for every article noted since the last one, and one for each scheduled
    article at its publish time."""
    ids = sorted(getattr(_pending, "ids", ()))
    _pending.ids = set()
    if not ids:
        return  # an earlier callback of the same transaction queued them
    refresh_search_words.enqueue(article_ids=ids)
    if not refresh_search_words.get_backend().supports_defer:
        return  # a backend that runs tasks at once (tests) cannot wait for a publish time
    scheduled = Article.objects.scheduled().filter(pk__in=ids).order_by("publish_at", "pk")
    rows = scheduled.values_list("publish_at", "pk")
    for when, group in groupby(rows, key=lambda row: row[0]):
        refresh_search_words.using(run_after=when).enqueue(article_ids=[pk for _, pk in group])


def remember_fields(sender, instance, **kwargs):
    """post_init and after each save: the watched values as stored."""
    values = instance.__dict__  # the raw values: reading a deferred field would query
    values[LOADED] = {field: values[field] for field in WATCHED if field in values}


def article_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """post_save: note the article when its counted words may have changed."""
    if raw:
        return
    written = WATCHED if update_fields is None else set(WATCHED) & set(update_fields)
    before, values = instance.__dict__.get(LOADED, {}), instance.__dict__
    if created or any(
        field in values and (field not in before or before[field] != values[field])
        for field in written
    ):
        words_changed([instance.pk])
    remember_fields(sender, instance)


def article_deleted(sender, instance, **kwargs):
    """post_delete: its words come off the counts."""
    words_changed([instance.pk])
