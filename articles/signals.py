"""Everything that happens when an article is saved, in one list.

Saving an `Article` (from the admin, a list action, an import, a script):

1. `Article.save()` renders the Markdown body to sanitised HTML (`body_html`), counts the
   reading time and works out the next medical review date.
2. When a live article's slug changes, its old address gets a permanent redirect to the new
   one (`clinic.domain.models.redirects.redirect_old_urls`, connected below).
3. The hero image's width and height are stored, and its AVIF/WebP renditions queued for the
   background worker (`Article.responsive_images`, wired by `clinic.authoring.tasks`).
4. The text search reads besides the article's own (`search_document`: its studies' titles,
   journals, authors and measures, its topics, its author's and reviewer's names) is rewritten
   when the article is saved, a study is saved or deleted, topics are added or removed, or a
   topic or person is renamed (below). Inside one write of `articles.services` the
   receivers only note which articles changed, and each document is rewritten once, as the
   write ends (`articles.search.documents`). On SQLite, triggers in the database
   then refresh the FTS5 index (`articles.search.sqlite_index`); PostgreSQL's search vector
   is a generated column.
5. The spelling vocabulary that "Did you mean …?" reads is refreshed in the background for
   an article whose words, status, publish time or language changed, or that was deleted,
   once the write commits, and again at a scheduled article's publish time
   (`articles.search.tasks`, connected below; the search document's rewrite notes it too).
6. Saving or deleting a glossary term drops the cached glossary, so article bodies are marked
   afresh with the new terms (`articles.views.glossary.forget_entries`, connected below).
   Saving or deleting a search synonym group or narrower term drops the cached lists that
   search reads (`articles.search.synonyms.forget_lists`, connected below).
7. Every cached public page becomes stale, at once and again on commit
   (`clinic.site.page_cache`, which watches every public model of both apps).

Every write through `articles.services` (the admin, list actions, imports, restore) also
stores a revision and moves the edit version on; those are called explicitly, not through
signals. An article created anywhere else gets its first revision when its transaction
commits (`articles.editorial.revisions.connect`).
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import receiver

from clinic.domain.models import Person
from clinic.domain.models.redirects import redirect_old_urls

from .models import Article, GlossaryTerm, NarrowerTerm, Study, SynonymGroup, Topic
from .search import tasks as vocabulary
from .search.documents import mark_stale as _stale
from .search.documents import refresh_search_documents  # noqa: F401 - used by the bench seed
from .search.synonyms import forget_lists
from .views.glossary import forget_entries


def connect():
    """Connect items 2, 5 and 6 above; item 4 is the receivers below, connected on import."""
    redirect_old_urls(Article, was_public=lambda article: article.is_live)
    post_init.connect(vocabulary.remember_fields, sender=Article, dispatch_uid="article-words")
    post_save.connect(vocabulary.article_saved, sender=Article, dispatch_uid="article-words")
    post_delete.connect(vocabulary.article_deleted, sender=Article, dispatch_uid="article-words")
    for signal in (post_save, post_delete):
        signal.connect(forget_entries, sender=GlossaryTerm, dispatch_uid="glossary-entries")
        for lists in (SynonymGroup, NarrowerTerm):
            signal.connect(
                forget_lists, sender=lists, dispatch_uid=f"search-lists-{lists.__name__}"
            )


@receiver(post_save, sender=Article, dispatch_uid="article_search_document")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale([instance.pk], saved=instance)


@receiver(post_save, sender=Person, dispatch_uid="person_search_document")
def person_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        ids = Article.objects.filter(Q(author=instance) | Q(reviewer=instance)).values_list(
            "pk", flat=True
        )
        _stale(list(ids))


@receiver([post_save, post_delete], sender=Study, dispatch_uid="study_search_document")
def study_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale([instance.article_id])


@receiver(m2m_changed, sender=Article.topics.through, dispatch_uid="topics_search_document")
def topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse and action == "pre_clear":  # topic.articles.clear(): remember who is affected
        instance._cleared_article_ids = list(instance.articles.values_list("pk", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        ids = [instance.pk]
    elif action == "post_clear":
        ids = getattr(instance, "_cleared_article_ids", [])
    else:
        ids = list(pk_set)
    _stale(ids)


@receiver(post_save, sender=Topic, dispatch_uid="topic_search_document")
def topic_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _stale(list(instance.articles.values_list("pk", flat=True)))
