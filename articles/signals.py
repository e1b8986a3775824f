"""Keep each article's search text current when its studies or topics change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, Study, Topic


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
    for article_id in article_ids:
        document = "\n".join(studies.get(article_id, []) + topics.get(article_id, []))
        Article.objects.filter(pk=article_id).update(search_document=document)


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
