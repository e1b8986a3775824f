"""A topic's live articles, newest first, as one range of one index (`TopicListing`).

An article's topics are a plain many-to-many link (topic id, article id), which knows nothing
of an article's language, status or publish time: a topic's page had either to walk the
library's public index newest first, testing each article for the topic (through the whole
library for a topic with few articles: 8.6 ms at 20,000 articles, and growing with it), or to
read and sort every article of the topic (growing with the topic).

`TopicListing` holds each link again with its article's language, status and publish time,
so that a topic's live articles in one language, newest first, are a range of
`topic_listing_live_idx`: a page, or the count of the pages offered, reads only what it shows.

Triggers in the database keep it exact whatever writes through SQL's INSERT, UPDATE and DELETE
(the admin's form, a list action, `QuerySet.update()`, an import, the `sqlite3` shell): a link
added, changed or removed adds, moves or removes its row, and a change of an article's
language, status or publish time is copied to its rows; an article or topic deleted takes its
rows along. The listing's language and status columns are as wide as the article's: a change
to those must change both.

The triggers belong to `migrate`, as the full-text index's do (search/sqlite_index.py), not to
a migration:

* on SQLite, a trigger on the links that reads the articles table makes every later rebuild
  of either table (SQLite's way to alter a column: copy, drop, rename) fail on the rename, so
  `drop_listing_triggers()` runs before every `migrate` (pre_migrate);
* after every `migrate` (post_migrate, also after `flush`), `ensure_listing()` creates them
  from this module's SQL and refills the listing from the links, in one transaction.

A dump for `loaddata` leaves the listing out (`dumpdata --exclude articles.topiclisting`): the
triggers write it as the links load, one row per link (`topic_listing_one_per_link`).
"""

from django.apps import apps
from django.db import models, transaction

from .languages import active_language

ARTICLE, LINKS, LISTING = "articles_article", "articles_article_topics", "articles_topiclisting"
COPIED = "language, status, publish_at"

# Constant SQL: table and column names only, no input from anyone.
_SQLITE_ADD = (
    f"INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "
    f"SELECT new.topic_id, a.id, a.language, a.status, a.publish_at FROM {ARTICLE} a "
    "WHERE a.id = new.article_id;"
)
_SQLITE_REMOVE = (
    f"DELETE FROM {LISTING} WHERE topic_id = old.topic_id AND article_id = old.article_id;"
)
SQLITE_TRIGGERS = {
    "topic_listing_link_added": f"AFTER INSERT ON {LINKS} BEGIN {_SQLITE_ADD} END",
    "topic_listing_link_changed": (
        f"AFTER UPDATE OF topic_id, article_id ON {LINKS} BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END"
    ),
    "topic_listing_link_removed": f"AFTER DELETE ON {LINKS} BEGIN {_SQLITE_REMOVE} END",
    "topic_listing_article_changed": (
        f"AFTER UPDATE OF {COPIED} ON {ARTICLE} "
        "WHEN old.language IS NOT new.language OR old.status IS NOT new.status "
        "OR old.publish_at IS NOT new.publish_at BEGIN "
        f"UPDATE {LISTING} SET language = new.language, status = new.status, "
        "publish_at = new.publish_at WHERE article_id = new.id; END"
    ),
    "topic_listing_article_deleted": (
        f"AFTER DELETE ON {ARTICLE} BEGIN DELETE FROM {LISTING} WHERE article_id = old.id; END"
    ),
    "topic_listing_topic_deleted": (
        f"AFTER DELETE ON articles_topic BEGIN DELETE FROM {LISTING} WHERE topic_id = old.id; END"
    ),
}

# PostgreSQL: a link's article is read with a share lock, so that a change of its status in
# another transaction waits for this one (and then updates the row this one added). The
# article trigger names no columns (a trigger on columns would forbid altering their type);
# its function compares them.
_PG_ADD = (
    f"PERFORM 1 FROM {ARTICLE} WHERE id = NEW.article_id FOR SHARE; "
    f"INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "
    f"SELECT NEW.topic_id, a.id, a.language, a.status, a.publish_at FROM {ARTICLE} a "
    "WHERE a.id = NEW.article_id;"
)
_PG_REMOVE = f"DELETE FROM {LISTING} WHERE topic_id = OLD.topic_id AND article_id = OLD.article_id;"
POSTGRESQL_FUNCTIONS = {
    "topic_listing_link_added": f"BEGIN {_PG_ADD} RETURN NULL; END",
    "topic_listing_link_changed": (
        "BEGIN IF NEW.topic_id IS DISTINCT FROM OLD.topic_id "
        f"OR NEW.article_id IS DISTINCT FROM OLD.article_id THEN {_PG_REMOVE} {_PG_ADD} END IF; "
        "RETURN NULL; END"
    ),
    "topic_listing_link_removed": f"BEGIN {_PG_REMOVE} RETURN NULL; END",
    "topic_listing_article_changed": (
        "BEGIN IF NEW.language IS DISTINCT FROM OLD.language "
        "OR NEW.status IS DISTINCT FROM OLD.status "
        "OR NEW.publish_at IS DISTINCT FROM OLD.publish_at THEN "
        f"UPDATE {LISTING} SET language = NEW.language, status = NEW.status, "
        "publish_at = NEW.publish_at WHERE article_id = NEW.id; END IF; RETURN NULL; END"
    ),
    "topic_listing_article_deleted": (
        f"BEGIN DELETE FROM {LISTING} WHERE article_id = OLD.id; RETURN NULL; END"
    ),
    "topic_listing_topic_deleted": (
        f"BEGIN DELETE FROM {LISTING} WHERE topic_id = OLD.id; RETURN NULL; END"
    ),
}
POSTGRESQL_TRIGGERS = {
    "topic_listing_link_added": f"AFTER INSERT ON {LINKS}",
    "topic_listing_link_changed": f"AFTER UPDATE ON {LINKS}",
    "topic_listing_link_removed": f"AFTER DELETE ON {LINKS}",
    "topic_listing_article_changed": f"AFTER UPDATE ON {ARTICLE}",
    "topic_listing_article_deleted": f"AFTER DELETE ON {ARTICLE}",
    "topic_listing_topic_deleted": "AFTER DELETE ON articles_topic",
}
REFILL = [
    f"DELETE FROM {LISTING}",
    f"INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "
    f"SELECT l.topic_id, a.id, a.language, a.status, a.publish_at FROM {LINKS} l "
    f"JOIN {ARTICLE} a ON a.id = l.article_id",
]


def _table(name):
    return POSTGRESQL_TRIGGERS[name].split(" ON ")[1]


def drop_listing_triggers(connection):
    """pre_migrate: on SQLite, no trigger on one table reads another during a rebuild."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def ensure_listing(connection):
    """post_migrate: the triggers as this module writes them, and the listing refilled from
    the links, in one transaction. False where the tables do not exist (yet)."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if not {LISTING, LINKS, ARTICLE} <= set(tables):
        return False
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name, when in POSTGRESQL_TRIGGERS.items():
                cursor.execute(
                    f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ {POSTGRESQL_FUNCTIONS[name]} $$"
                )
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {_table(name)}")
                cursor.execute(
                    f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION {name}()"
                )
        else:
            for name, trigger in SQLITE_TRIGGERS.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(f"CREATE TRIGGER {name} {trigger}")
        for statement in REFILL:
            cursor.execute(statement)
    return True


class TopicListingQuerySet(models.QuerySet):
    def live_in(self, topic, language=None, *, now):
        """The live articles about `topic` (a Topic, its id or an OuterRef) in the reader's
        language (or `language`), newest first: a range of topic_listing_live_idx."""
        return self.filter(
            topic=topic,
            language=language or active_language(),
            status=apps.get_model("articles", "Article").Status.PUBLISHED,
            publish_at__lte=now,
        ).order_by("-publish_at", "-article_id")


class TopicListing(models.Model):
    """A link between a topic and an article, with the article's language, status and publish
    time: written by the database's triggers only (see the module)."""

    topic = models.ForeignKey(  # its index is topic_listing_live_idx's first column
        "articles.Topic", models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    language = models.CharField(max_length=15)
    status = models.CharField(max_length=10)
    publish_at = models.DateTimeField()

    objects = TopicListingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "article"], name="topic_listing_one_per_link")
        ]
        indexes = [
            models.Index(
                fields=["topic", "language", "status", "publish_at", "article"],
                name="topic_listing_live_idx",
            ),
        ]

    def __str__(self):
        return f"{self.topic_id} / {self.article_id}"
