"""What a reader is offered after an article: the previous and next, and related ones; and
the few columns of the article itself that a page made from its stored parts reads.

Each is read from the (language, status, publish time, id) index starting at the article, or
at the newest articles of its topics, in the article's own language, so it costs the same in a
library of 100 or of 20,000. The SQL is written out (standard SQL, the same on SQLite and
PostgreSQL): every article page runs these queries, and building them through the ORM cost
more CPU than running them.
"""

from django.db import connection
from django.utils import timezone

# Related articles are chosen among this many newest articles sharing a topic with it.
RELATED_WINDOW = 24

NEAREST = """
    SELECT a.id FROM {article} a
    WHERE a.status = %s AND a.language = %s AND {range}
      AND NOT (a.publish_at = %s AND a.id {beyond} %s) {topic}
    ORDER BY a.publish_at {order}, a.id {order} LIMIT 1
"""
IN_TOPIC = "AND EXISTS (SELECT 1 FROM {links} l WHERE l.article_id = a.id AND l.topic_id = %s)"
NEIGHBOURS = (
    "SELECT id, title, slug, language, publish_at FROM {article} WHERE id IN (({older}), ({newer}))"
)
RELATED = """
    SELECT id, title, slug, language, summary, publish_at, shared_topics FROM (
        SELECT a.id, a.title, a.slug, a.language, a.summary, a.publish_at,
               (SELECT COUNT(*) FROM {links} s WHERE s.article_id = a.id AND s.topic_id IN
                ({topics})) AS shared_topics
        FROM {article} a
        WHERE a.status = %s AND a.language = %s AND a.publish_at <= %s AND a.id NOT IN ({left_out})
          AND EXISTS (SELECT 1 FROM {links} l WHERE l.article_id = a.id AND l.topic_id IN
                      ({topics}))
        ORDER BY a.publish_at DESC, a.id DESC LIMIT {window}
    ) newest
    ORDER BY shared_topics DESC, publish_at DESC, id DESC LIMIT {limit}
"""
# The article by its address: the columns its page shows besides its stored parts.
PAGE_HEAD = """
    SELECT id, title, slug, language, translation_key, status, publish_at, modified_at,
           edit_version
    FROM {article} WHERE slug = %s AND language = %s {live}
"""
LIVE = "AND status = %s AND publish_at <= %s"


def _tables(model):
    return {"article": model._meta.db_table, "links": model.topics.through._meta.db_table}


def _moment(value):
    return connection.ops.adapt_datetimefield_value(value)


class ReadingTrailMixin:
    """Previous/next and related live articles, for the Article model."""

    @classmethod
    def page_head(cls, slug, language, *, live_only):
        """The article at `slug` in `language` (live only, or any), with only the columns in
        PAGE_HEAD read (any other is read on first use); None when there is none."""
        live = LIVE if live_only else ""
        params = [slug, language]
        params += [cls.Status.PUBLISHED, _moment(timezone.now())] if live_only else []
        sql = PAGE_HEAD.format(**_tables(cls), live=live)
        return next(iter(cls.objects.raw(sql, params)), None)

    def get_neighbours(self, topic=None):
        """(previous, next) live articles in the article's language, found in one query with
        two scalar subqueries, each a range of article_public_idx that starts at this article."""
        if self.pk is None:
            return None, None
        model, now = type(self), timezone.now()
        tables, live = _tables(model), model.Status.PUBLISHED
        in_topic = IN_TOPIC.format(**tables) if topic is not None else ""
        older = NEAREST.format(
            **tables, range="a.publish_at <= %s", beyond=">=", order="DESC", topic=in_topic
        )
        newer = NEAREST.format(
            **tables, range="a.publish_at >= %s AND a.publish_at <= %s", beyond="<=", order="ASC",
            topic=in_topic,
        )  # fmt: skip
        when, pk = _moment(self.publish_at), self.pk
        topic_param = [topic.pk] if topic is not None else []
        lang = self.language
        params = [live, lang, _moment(min(self.publish_at, now)), when, pk, *topic_param]
        params += [live, lang, when, _moment(now), when, pk, *topic_param]
        sql = NEIGHBOURS.format(**tables, older=older, newer=newer)
        previous = next_ = None
        for article in model.objects.raw(sql, params):
            if (article.publish_at, article.pk) < (self.publish_at, self.pk):
                previous = article
            else:
                next_ = article
        return previous, next_

    def get_related(self, limit=3, topics=None, exclude=()):
        """Live articles in its language sharing the most topics with it, then the newest,
        leaving out `exclude` (the previous and next articles, already linked).

        Chosen among the `RELATED_WINDOW` newest articles sharing a topic, read newest first from
        article_public_idx with a test of the topic links for each, in one query that reads
        what the page shows of them: title, address (slug and language), summary and publish
        time (any other field is read on first use), with `shared_topics`, how many topics each
        shares.
        """
        topic_ids = [topic.pk for topic in (self.topics.all() if topics is None else topics)]
        if not topic_ids:
            return []
        model = type(self)
        left_out = [self.pk, *(other.pk for other in exclude if other)]
        sql = RELATED.format(
            **_tables(model), topics=", ".join(["%s"] * len(topic_ids)),
            left_out=", ".join(["%s"] * len(left_out)), window=int(RELATED_WINDOW),
            limit=int(limit),
        )  # fmt: skip
        params = [*topic_ids, model.Status.PUBLISHED, self.language, _moment(timezone.now())]
        params += left_out
        return list(model.objects.raw(sql, [*params, *topic_ids]))
