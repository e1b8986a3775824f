"""The text search reads besides an article's own: its studies, topics and people.

`refresh_search_documents` rewrites it; `articles.signals` calls `mark_stale` whenever one
of those changes. Inside `search_documents_refreshed_once` (every write of
`articles.services`) the stale articles are only noted, and each document is rewritten once
as the write ends, however many studies and topics it saved.
"""

from contextlib import contextmanager

from asgiref.local import Local

from ..models import Article, Study, default_language
from .tasks import words_changed

_batch = Local()
_saved = Local()  # the saved instances of the refresh in progress


@contextmanager
def search_documents_refreshed_once():
    """Inside the block, saves only note which articles' search documents are stale; each is
    rewritten once when the block ends without an error. Blocks nest: the outermost refreshes."""
    if getattr(_batch, "stale", None) is not None:
        yield
        return
    _batch.stale, _batch.saved = set(), []
    try:
        yield
        stale, saved = _batch.stale, _batch.saved
    finally:
        _batch.stale = _batch.saved = None
    if stale:
        _refresh_giving_documents_to(saved, sorted(stale))


def mark_stale(article_ids, saved=None):
    """Refresh now, or at the end of the write in progress. `saved`: the article instance
    whose save made it stale, given the document too."""
    stale = getattr(_batch, "stale", None)
    if stale is None:
        _refresh_giving_documents_to([saved] if saved else [], article_ids)
    else:
        stale.update(article_id for article_id in article_ids if article_id is not None)
        if saved is not None:
            _batch.saved.append(saved)


def _refresh_giving_documents_to(saved, article_ids):
    """Refresh, and give each saved instance its new document too: its next save then writes
    the document back as it is, not the one it was loaded with (which would make it stale
    again, and its spelling words with it)."""
    _saved.instances = saved
    try:
        refresh_search_documents(article_ids)
    finally:
        _saved.instances = []


def refresh_search_documents(article_ids):
    """Rewrite the study and topic text that search reads for these articles and their
    translations (a translation reads its original's studies, which it shares)."""
    originals, family = default_language(), {}
    keys = Article.objects.filter(pk__in=article_ids).values("translation_key")
    for row in Article.objects.filter(translation_key__in=keys).values_list(
        "pk", "translation_key", "language", "author__name", "reviewer__name", "search_document"
    ):
        family[row[0]] = row[1:]
    studied = {key: pk for pk, (key, language, *_) in family.items() if language == originals}
    studies = {}
    for study in Study.objects.filter(article_id__in=studied.values()).order_by("position", "id"):
        studies.setdefault(study.article_id, []).append(
            " ".join([study.title, study.journal, study.authors, study.population, study.measures])
        )
    topics = {}
    for article_id, name in Article.topics.through.objects.filter(
        article_id__in=family
    ).values_list("article_id", "topic__name"):
        topics.setdefault(article_id, []).append(name)
    changed, instances = [], {}
    for instance in getattr(_saved, "instances", None) or []:
        instances.setdefault(instance.pk, []).append(instance)
    for article_id, (key, _, author, reviewer, current) in family.items():
        names = [author or "", reviewer or ""]
        parts = studies.get(studied.get(key), []) + topics.get(article_id, []) + names
        document = "\n".join(part for part in parts if part)
        for instance in instances.get(article_id, ()):
            instance.search_document = document
        if document != current:
            Article.objects.filter(pk=article_id).update(search_document=document)
            changed.append(article_id)
    words_changed(changed)  # the spelling vocabulary counts these words too
