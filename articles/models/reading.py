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

from .listing import LISTING

# Related articles are chosen among this many newest articles sharing a topic with it.
RELATED_WINDOW = 24

NEAREST = """
    SELECT a.{id} FROM {table} a
    WHERE {topic} a.status = %s AND a.language = %s AND {range}
      AND NOT (a.publish_at = %s AND a.{id} {beyond} %s)
    ORDER BY a.publish_at {order}, a.{id} {order} LIMIT 1
"""
# Within a topic, the same range of the topic's listing (listing.py) instead: a test of each
# article for the topic walked through the whole library for a topic with few articles.
IN_LIBRARY = {"table": "{article}", "id": "id", "topic": ""}
IN_TOPIC = {"table": "{listing}", "id": "article_id", "topic": "a.topic_id = %s AND"}
# The rows found are checked again as live, in case the listing were ever behind.
NEIGHBOURS = (
    "SELECT id, title, slug, language, publish_at FROM {article} WHERE id IN (({older}), ({newer}))"
    " AND status = %s AND language = %s AND publish_at <= %s"
)
# The newest live articles of one of the article's topics, a range of its listing's index.
TOPIC_NEWEST = """
    SELECT * FROM (
        SELECT l.article_id, l.publish_at FROM {listing} l
        WHERE l.topic_id = %s AND l.language = %s AND l.status = %s AND l.publish_at <= %s
          AND l.article_id NOT IN ({left_out})
        ORDER BY l.publish_at DESC, l.article_id DESC LIMIT {window}
    ) topic_{n}
"""
RELATED = """
    SELECT id, title, slug, language, summary, publish_at, shared_topics FROM (
        SELECT a.id, a.title, a.slug, a.language, a.summary, a.publish_at,
               (SELECT COUNT(*) FROM {links} s WHERE s.article_id = a.id AND s.topic_id IN
                ({topics})) AS shared_topics
        FROM {article} a
        WHERE a.id IN (
            SELECT article_id FROM ({each_topic}) sharing
            ORDER BY publish_at DESC, article_id DESC LIMIT {window}
        ) AND a.status = %s AND a.language = %s AND a.publish_at <= %s
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
    return {
        "article": model._meta.db_table,
        "links": model.topics.through._meta.db_table,
        "listing": LISTING,
    }


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
        two scalar subqueries, each a range of article_public_idx that starts at this article
        (within `topic`, of the topic's listing: listing.py)."""
        if self.pk is None:
            return None, None
        model, now = type(self), timezone.now()
        tables, live = _tables(model), model.Status.PUBLISHED
        where = {key: value.format(**tables)
                 for key, value in (IN_LIBRARY if topic is None else IN_TOPIC).items()}  # fmt: skip
        older = NEAREST.format(range="a.publish_at <= %s", beyond=">=", order="DESC", **where)
        newer = NEAREST.format(
            range="a.publish_at >= %s AND a.publish_at <= %s", beyond="<=", order="ASC", **where
        )
        when, pk = _moment(self.publish_at), self.pk
        in_topic = [topic.pk] if topic is not None else []
        lang = self.language
        params = [*in_topic, live, lang, _moment(min(self.publish_at, now)), when, pk]
        params += [*in_topic, live, lang, when, _moment(now), when, pk]
        params += [live, lang, _moment(now)]
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
        each topic's listing (a range of its index, listing.py), in one query that reads
        what the page shows of them: title, address (slug and language), summary and publish
        time (any other field is read on first use), with `shared_topics`, how many topics each
        shares.
        """
        topic_ids = [topic.pk for topic in (self.topics.all() if topics is None else topics)]
        if not topic_ids:
            return []
        model, tables = type(self), _tables(type(self))
        left_out = [self.pk, *(other.pk for other in exclude if other)]
        window = int(RELATED_WINDOW)
        each_topic = " UNION ".join(
            TOPIC_NEWEST.format(**tables, left_out=", ".join(["%s"] * len(left_out)),
                                window=window, n=n)
            for n in range(len(topic_ids))
        )  # fmt: skip
        sql = RELATED.format(
            **tables, topics=", ".join(["%s"] * len(topic_ids)), each_topic=each_topic,
            window=window, limit=int(limit),
        )  # fmt: skip
        now = _moment(timezone.now())
        params = [*topic_ids]
        for topic_id in topic_ids:
            params += [topic_id, self.language, model.Status.PUBLISHED, now, *left_out]
        params += [model.Status.PUBLISHED, self.language, now]
        return list(model.objects.raw(sql, params))
