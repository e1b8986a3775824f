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
   topic or person is renamed (below). On SQLite, triggers in the database then refresh the
   FTS5 index (`articles.search.sqlite_index`); PostgreSQL's search vector is a generated
   column.
5. Saving or deleting a glossary term drops the cached glossary, so article bodies are marked
   afresh with the new terms (`articles.views.glossary.forget_entries`, connected below).
   Saving or deleting a search synonym group or narrower term drops the cached lists that
   search reads (`articles.search.synonyms.forget_lists`, connected below).
6. Every cached public page becomes stale, at once and again on commit
   (`clinic.site.page_cache`, which watches every public model of both apps).

Admin saves, the publish/unpublish actions and imports also store a revision
(`articles.editorial.revisions.article_revision`) and move the edit version on
(`clinic.domain.models.editing.bump_edit_version`); those are called explicitly, not through
signals. An article created anywhere else gets its first revision when its transaction
commits (`articles.editorial.revisions.connect`).
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from clinic.domain.models import Person
from clinic.domain.models.redirects import redirect_old_urls

from .models import Article, GlossaryTerm, NarrowerTerm, Study, SynonymGroup, Topic
from .search.synonyms import forget_lists
from .views.glossary import forget_entries


def connect():
    """Connect items 2 and 5 above (not Article saves); item 4 is the receivers below,
    connected on import."""
    redirect_old_urls(Article, was_public=lambda article: article.is_live)
    for signal in (post_save, post_delete):
        signal.connect(forget_entries, sender=GlossaryTerm, dispatch_uid="glossary-entries")
        for lists in (SynonymGroup, NarrowerTerm):
            signal.connect(
                forget_lists, sender=lists, dispatch_uid=f"search-lists-{lists.__name__}"
            )


def refresh_search_documents(article_ids):
    """Rewrite the study and topic text that search reads for these articles."""
    studies = {}
    for study in Study.objects.filter(article_id__in=article_ids).order_by("position", "id"):
        studies.setdefault(study.article_id, []).append(
            " ".join([study.title, study.journal, study.authors, study.population, study.measures])
        )
    topics = {}
    for article_id, name in Article.topics.through.objects.filter(
        article_id__in=article_ids
    ).values_list("article_id", "topic__name"):
        topics.setdefault(article_id, []).append(name)
    people = {}
    for article_id, author, reviewer, current in Article.objects.filter(
        pk__in=article_ids
    ).values_list("pk", "author__name", "reviewer__name", "search_document"):
        people[article_id] = ([author or "", reviewer or ""], current)
    for article_id, (names, current) in people.items():
        parts = studies.get(article_id, []) + topics.get(article_id, []) + names
        document = "\n".join(part for part in parts if part)
        if document != current:
            Article.objects.filter(pk=article_id).update(search_document=document)


@receiver(post_save, sender=Article, dispatch_uid="article_search_document")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_documents([instance.pk])


@receiver(post_save, sender=Person, dispatch_uid="person_search_document")
def person_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        ids = Article.objects.filter(Q(author=instance) | Q(reviewer=instance)).values_list(
            "pk", flat=True
        )
        refresh_search_documents(list(ids))


@receiver([post_save, post_delete], sender=Study, dispatch_uid="study_search_document")
def study_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_documents([instance.article_id])


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
    refresh_search_documents(ids)


@receiver(post_save, sender=Topic, dispatch_uid="topic_search_document")
def topic_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        refresh_search_documents(list(instance.articles.values_list("pk", flat=True)))
