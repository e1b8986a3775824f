"""What a reader is offered after an article: the previous and next, and related ones.

Each is read from the (status, publish time, id) index starting at the article, or at the
newest articles of its topics, so it costs the same in a library of 100 or of 20,000.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

# Related articles are chosen among this many newest articles sharing a topic with it.
RELATED_WINDOW = 24


class ReadingTrailMixin:
    """Previous/next and related live articles, for the Article model."""

    def _neighbour_query(self, *, newer, topic=None, now=None):
        """The live articles beyond this one, nearest first: a range of article_public_idx
        that starts at this article (one bound on the publish time, so the database starts
        there rather than at the newest article)."""
        now, when, pk = now or timezone.now(), self.publish_at, self.pk
        candidates = type(self).objects.marked_published()
        if newer:
            candidates = candidates.filter(publish_at__gte=when, publish_at__lte=now).exclude(
                publish_at=when, id__lte=pk
            )
            order = ("publish_at", "id")
        else:
            candidates = candidates.filter(publish_at__lte=min(when, now)).exclude(
                publish_at=when, id__gte=pk
            )
            order = ("-publish_at", "-id")
        if topic is not None:
            candidates = candidates.in_topic(topic)
        return candidates.order_by(*order)

    def get_neighbours(self, topic=None):
        """(previous, next) live articles, found in one query with two scalar subqueries."""
        if self.pk is None:
            return None, None
        now = timezone.now()
        nearest = [
            models.Subquery(
                self._neighbour_query(newer=newer, topic=topic, now=now).values("pk")[:1]
            )
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

        Chosen among the `RELATED_WINDOW` newest articles sharing a topic, read newest first from
        article_public_idx with a test of the topic links for each (their keys only, and how
        many topics each shares), then the few chosen are read whole: two small queries.
        """
        topic_ids = [topic.pk for topic in (self.topics.all() if topics is None else topics)]
        if not topic_ids:
            return []
        left_out = {self.pk, *(other.pk for other in exclude if other)}
        links = type(self).topics.through.objects.filter(topic_id__in=topic_ids)
        shared_count = (
            links.filter(article_id=models.OuterRef("pk"))
            .values("article_id")
            .annotate(count=models.Count("topic_id"))
            .values("count")
        )
        newest = (
            type(self)
            .objects.published()
            .filter(models.Exists(links.filter(article_id=models.OuterRef("pk"))))
            .exclude(pk__in=left_out)
            .annotate(shared=models.Subquery(shared_count))
            .order_by("-publish_at", "-id")
            .values_list("pk", "shared")[:RELATED_WINDOW]
        )
        shared = dict(newest)  # newest first
        chosen = sorted(shared, key=lambda pk: -shared[pk])[:limit]  # stable: newest first
        if not chosen:
            return []
        articles = {
            article.pk: article for article in type(self).objects.filter(pk__in=chosen).for_cards()
        }
        for pk in chosen:
            articles[pk].shared_topics = shared[pk]
        return [articles[pk] for pk in chosen]
