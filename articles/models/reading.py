"""What a reader is offered after an article: the previous and next, and related ones."""

from django.db import models
from django.db.models import Q


class ReadingTrailMixin:
    """Previous/next and related live articles, for the Article model."""

    def _neighbour_query(self, *, newer, topic=None):
        when, pk = self.publish_at, self.pk
        if newer:
            beyond = Q(publish_at__gt=when) | Q(publish_at=when, id__gt=pk)
            order = ("publish_at", "id")
        else:
            beyond = Q(publish_at__lt=when) | Q(publish_at=when, id__lt=pk)
            order = ("-publish_at", "-id")
        candidates = type(self).objects.published().filter(beyond)
        if topic is not None:
            candidates = candidates.filter(topics=topic)
        return candidates.order_by(*order)

    def get_neighbours(self, topic=None):
        """(previous, next) live articles, found in one query with two scalar subqueries."""
        if self.pk is None:
            return None, None
        nearest = [
            models.Subquery(self._neighbour_query(newer=newer, topic=topic).values("pk")[:1])
            for newer in (False, True)
        ]
        found = (
            type(self)
            .objects.filter(Q(pk=nearest[0]) | Q(pk=nearest[1]))
            .only("title", "slug", "publish_at")
        )
        previous = next_ = None
        for article in found:
            if (article.publish_at, article.pk) < (self.publish_at, self.pk):
                previous = article
            else:
                next_ = article
        return previous, next_

    def get_related(self, limit=3, topics=None, exclude=()):
        """Live articles sharing the most topics with this one, then the newest, leaving out
        `exclude` (the previous and next articles, already linked).

        Ranked on the small topic-link table (grouped by article id only), then the few
        winners are read whole: one query, cheap with thousands of articles.
        """
        topic_ids = [topic.pk for topic in (self.topics.all() if topics is None else topics)]
        links = type(self).topics.through.objects.filter(topic_id__in=topic_ids)
        best = (
            links.exclude(article_id__in=[self.pk, *(other.pk for other in exclude if other)])
            .filter(article__in=type(self).objects.published())
            .values("article_id")
            .annotate(shared=models.Count("topic_id"), newest=models.Max("article__publish_at"))
            .order_by("-shared", "-newest", "-article_id")
            .values("article_id")[:limit]
        )
        shared = (
            links.filter(article_id=models.OuterRef("pk"))
            .values("article_id")
            .annotate(count=models.Count("topic_id"))
            .values("count")
        )
        return (
            type(self)
            .objects.filter(pk__in=models.Subquery(best))
            .annotate(shared_topics=models.Subquery(shared))
            .order_by("-shared_topics", "-publish_at", "-id")
            .for_cards()
        )
