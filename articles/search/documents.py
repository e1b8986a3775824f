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


@contextmanager
def search_documents_refreshed_once():
    """Inside the block, saves only note which articles' search documents are stale; each is
    rewritten once when the block ends without an error. Blocks nest: the outermost refreshes."""
    if getattr(_batch, "stale", None) is not None:
        yield
        return
    _batch.stale = set()
    try:
        yield
        stale = _batch.stale
    finally:
        _batch.stale = None
    if stale:
        refresh_search_documents(sorted(stale))


def mark_stale(article_ids):
    """Refresh now, or at the end of the write in progress."""
    stale = getattr(_batch, "stale", None)
    if stale is None:
        refresh_search_documents(article_ids)
    else:
        stale.update(article_id for article_id in article_ids if article_id is not None)


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
    changed = []
    for article_id, (key, _, author, reviewer, current) in family.items():
        names = [author or "", reviewer or ""]
        parts = studies.get(studied.get(key), []) + topics.get(article_id, []) + names
        document = "\n".join(part for part in parts if part)
        if document != current:
            Article.objects.filter(pk=article_id).update(search_document=document)
            changed.append(article_id)
    words_changed(changed)  # the spelling vocabulary counts these words too
