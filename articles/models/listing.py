"""A topic's live articles, newest first, as one range of one index (`TopicListing`).

An article's topics are a plain many-to-many link (topic id, article id), which knows nothing
of an article's language, status or publish time: a topic's page had either to walk the
library's public index newest first, testing each article for the topic (through the whole
library for a topic with few articles: 8.6 ms at 20,000 articles, and growing with it), or to
read and sort every article of the topic (growing with the topic).

`TopicListing` holds each link again with its article's language, status and publish time,
so that a topic's live articles in one language, newest first, are a range of
`topic_listing_live_idx`: a page, or the count of the pages offered, reads only what it shows.

Triggers in the database keep it exact, whatever does the writing (the admin's form, a list
action, `QuerySet.update()`, an import, the `sqlite3` shell): a link added or removed adds or
removes its row, and a change of an article's language, status or publish time is copied to
its rows. An article or topic deleted takes its rows along. SQLite drops a table's triggers
when a later migration rebuilds the table, so `ensure_listing()` runs after every `migrate`:
it recreates missing triggers and, if any were, refills the table. Migration 0037 made them
first, with a frozen copy of this SQL.
"""

from django.apps import apps
from django.db import models

from .languages import active_language

ARTICLE, LINKS, LISTING = "articles_article", "articles_article_topics", "articles_topiclisting"
COPIED = "language, status, publish_at"

# Constant SQL: table and column names only, no input from anyone.
SQLITE_TRIGGERS = {
    "topic_listing_link_added": (
        f"AFTER INSERT ON {LINKS} BEGIN "
        f"INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "
        f"SELECT new.topic_id, a.id, a.language, a.status, a.publish_at FROM {ARTICLE} a "
        "WHERE a.id = new.article_id; END"
    ),
    "topic_listing_link_removed": (
        f"AFTER DELETE ON {LINKS} BEGIN "
        f"DELETE FROM {LISTING} WHERE topic_id = old.topic_id AND article_id = old.article_id; END"
    ),
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

POSTGRESQL_FUNCTIONS = {
    "topic_listing_link_added": (
        f"BEGIN INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "
        f"SELECT NEW.topic_id, a.id, a.language, a.status, a.publish_at FROM {ARTICLE} a "
        "WHERE a.id = NEW.article_id; RETURN NULL; END"
    ),
    "topic_listing_link_removed": (
        f"BEGIN DELETE FROM {LISTING} WHERE topic_id = OLD.topic_id "
        "AND article_id = OLD.article_id; RETURN NULL; END"
    ),
    "topic_listing_article_changed": (
        f"BEGIN UPDATE {LISTING} SET language = NEW.language, status = NEW.status, "
        "publish_at = NEW.publish_at WHERE article_id = NEW.id; RETURN NULL; END"
    ),
    "topic_listing_article_deleted": (
        f"BEGIN DELETE FROM {LISTING} WHERE article_id = OLD.id; RETURN NULL; END"
    ),
    "topic_listing_topic_deleted": (
        f"BEGIN DELETE FROM {LISTING} WHERE topic_id = OLD.id; RETURN NULL; END"
    ),
}
POSTGRESQL_TRIGGERS = {
    "topic_listing_link_added": f"AFTER INSERT ON {LINKS} FOR EACH ROW",
    "topic_listing_link_removed": f"AFTER DELETE ON {LINKS} FOR EACH ROW",
    "topic_listing_article_changed": (
        f"AFTER UPDATE OF {COPIED} ON {ARTICLE} FOR EACH ROW WHEN ("
        "OLD.language IS DISTINCT FROM NEW.language OR OLD.status IS DISTINCT FROM NEW.status "
        "OR OLD.publish_at IS DISTINCT FROM NEW.publish_at)"
    ),
    "topic_listing_article_deleted": f"AFTER DELETE ON {ARTICLE} FOR EACH ROW",
    "topic_listing_topic_deleted": "AFTER DELETE ON articles_topic FOR EACH ROW",
}
REFILL = [
    f"DELETE FROM {LISTING}",  # noqa: S608
    f"INSERT INTO {LISTING} (topic_id, article_id, {COPIED}) "  # noqa: S608
    f"SELECT l.topic_id, a.id, a.language, a.status, a.publish_at FROM {LINKS} l "
    f"JOIN {ARTICLE} a ON a.id = l.article_id",
]


def create_triggers(connection, names=None):
    """Create the triggers (`names`, or all) for the connection's database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name in names or POSTGRESQL_TRIGGERS:
                cursor.execute(
                    f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ {POSTGRESQL_FUNCTIONS[name]} $$"
                )
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {_table(name)}")
                cursor.execute(
                    f"CREATE TRIGGER {name} {POSTGRESQL_TRIGGERS[name]} EXECUTE FUNCTION {name}()"
                )
        else:
            for name in names or SQLITE_TRIGGERS:
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {SQLITE_TRIGGERS[name]}")


def _table(name):
    return POSTGRESQL_TRIGGERS[name].split(" ON ")[1].split()[0]


def ensure_listing(connection):
    """Create whichever trigger is missing and, if any was, refill the listing. True if so."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if LISTING not in tables or LINKS not in tables:
            return False
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    missing = [name for name in SQLITE_TRIGGERS if name not in present]
    if missing:
        create_triggers(connection, missing)
        with connection.cursor() as cursor:
            for statement in REFILL:
                cursor.execute(statement)
    return bool(missing)


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
        indexes = [
            models.Index(
                fields=["topic", "language", "status", "publish_at", "article"],
                name="topic_listing_live_idx",
            ),
        ]

    def __str__(self):
        return f"{self.topic_id} / {self.article_id}"
