"""The parts of a live article's page that only change when its own content does, kept made.

An article page is mostly the article itself: its header and byline, the lead, the studies
with their evidence boxes and notices, the body with its glossary terms explained, the
corrections and the disclaimer, its head tags and its schema.org graph. Making them is most of
the page's cost (a dozen template includes, five queries, the JSON-LD). They are stored in the
cache, made once per version of what they show, while the page cache is cleared by every
edit anywhere on the site: after someone edits one article, the other articles' pages are
made again from these parts, and only what depends on other articles (previous/next,
related) is read afresh.

An entry is current while both of these are as when it was made:

* the article's own version: moved on by every write of the article, its studies, its
  corrections and notes, its topic links and its pictures' renditions;
* the shared version: moved on by every write of anything else a public page shows
  (topics, people, the glossary, the clinic's profile...), so an edit of a topic or a person
  makes every article's parts stale at once, as the page cache does for pages.

Each version moves on at once and again when the transaction commits (a request between the
two could read the old rows and store them under the new version). The article's modified
time and edit version are part of the check too. Previews never read or store parts.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from clinic.authoring.tasks import renditions_made

SHARED_KEY = "article-parts:shared"
ARTICLE_KEY = "article-parts:article:{pk}"
ENTRY_KEY = "article-parts:entry:{digest}"
ENTRY_SECONDS = 24 * 60 * 60


class PageParts:
    """What `{% part %}` reads (`cached`) and fills (`made`) while one page renders."""

    def __init__(self, cached=None):
        self.cached = cached or {}
        self.made = {}

    def get(self, name):
        return self.cached.get(name)

    def record(self, name, html):
        self.made[name] = html


def _version(key, known=None):
    """The version stored under `key`; a new one when missing (so a stamp never holds None,
    and an evicted version cannot match an entry made before it was lost)."""
    if known is not None:
        return known
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time(), timeout=None)
        version = cache.get(key)
    return version


class ArticleParts:
    """The stored parts of one article page: found current (`entry`), or to be made and kept.

    `lookup` reads what is stored for the page's address in one cache round trip. Only when
    something is stored under the current shared version does the view read the article's
    page head (`Article.page_head`) and ask `is_current_for` it; else it reads the whole
    article at once and `prepare`s to keep the parts it makes.
    """

    def __init__(self, key, state):
        self.key, self.entry, self.stamp = key, None, None
        self.shared = state.get(SHARED_KEY)
        self.stored = state.get(key)
        self.page = PageParts()

    @property
    def may_be_current(self):
        return self.stored is not None and self.stored[0][0] == self.shared

    def _stamp(self, article):
        shared = _version(SHARED_KEY, self.shared)
        own = _version(ARTICLE_KEY.format(pk=article.pk))
        return (shared, own, article.modified_at, article.edit_version)

    def is_current_for(self, article):
        """Whether the stored parts were made from the article as it is now."""
        stamp = self._stamp(article)
        if self.stored[0] != stamp:
            return False
        self.entry = self.stored[1]
        self.page = PageParts(self.entry["html"])
        return True

    def prepare(self, article):
        """Note the versions the parts about to be made of `article` are made from."""
        self.stamp = self._stamp(article)

    @property
    def found(self):
        return self.entry is not None

    def store(self, **data):
        """Keep this page's parts: the rendered HTML and `data` (head tags, graph, topics)."""
        if self.found or self.stamp is None or not self.page.made:
            return
        entry = {**data, "html": dict(self.page.made)}
        cache.set(self.key, (self.stamp, entry), timeout=ENTRY_SECONDS)


def lookup(*, url, language):
    """What is stored for the article page at `url` in `language` (one cache round trip)."""
    digest = hashlib.sha256(f"{language}:{url}".encode()).hexdigest()[:32]
    key = ENTRY_KEY.format(digest=digest)
    return ArticleParts(key, cache.get_many([SHARED_KEY, key]))


def _bump(key):
    cache.set(key, time.time(), timeout=None)


def _bump_now_and_on_commit(key):
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def shared_changed(**kwargs):
    """Signal receiver: every article's parts are stale."""
    _bump_now_and_on_commit(SHARED_KEY)


def articles_changed(pks):
    """These articles' parts are stale."""
    for pk in {pk for pk in pks if pk is not None}:
        _bump_now_and_on_commit(ARTICLE_KEY.format(pk=pk))


def _article_ids(sender, instance):
    """The articles a write of `instance` concerns, or None when it may concern them all."""
    from articles.models import Article, ArticleChange, CitationNotice, Study

    if sender is Article:
        pks = [instance.pk]
    elif sender in (Study, ArticleChange, Article.topics.through):
        pks = [instance.article_id]
    elif sender is CitationNotice:
        pks = list(Study.objects.filter(pk=instance.study_id).values_list("article", flat=True))
    else:
        return None
    # A translation shows its original's studies and notices: the same key's articles too.
    keys = Article.objects.filter(pk__in=pks).values("translation_key")
    return [*pks, *Article.objects.filter(translation_key__in=keys).values_list("pk", flat=True)]


def content_written(sender, instance=None, signal=None, **kwargs):
    """Signal receiver for a save or delete (or new renditions) of anything a page shows; an
    article deleted may have been a translation's original, so every article's parts go."""
    deleted = signal is post_delete and getattr(sender, "__name__", "") == "Article"
    pks = _article_ids(sender, instance) if instance is not None and not deleted else None
    if pks is None:
        shared_changed()
    else:
        articles_changed(pks)


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Signal receiver for many-to-many links: an article's topics concern that article."""
    from articles.models import Article

    if not action.startswith("post_"):
        return
    if sender is Article.topics.through and not reverse:
        articles_changed([instance.pk])
    elif sender is Article.topics.through and pk_set:
        articles_changed(pk_set)
    else:
        shared_changed()


def connect(models):
    """Keep parts current as `models` (every model a public page shows) are written."""
    renditions_made.connect(content_written, dispatch_uid="article-parts:renditions")
    for model in models:
        uid = f"article-parts:{model._meta.label}"
        post_save.connect(content_written, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(content_written, sender=model, dispatch_uid=uid + ":delete")
        if model._meta.auto_created:
            m2m_changed.connect(links_changed, sender=model, dispatch_uid=uid + ":links")
