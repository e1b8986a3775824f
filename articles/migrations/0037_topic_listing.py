"""A topic's live articles in one language, newest first, as a range of one index: the
topic links again, each with its article's language, status and publish time, kept by triggers
(articles/models/listing.py). The triggers' SQL is frozen here; a test checks it against the
live copy, which `ensure_listing()` recreates after every migrate where a rebuild dropped it."""

import django.db.models.deletion
from django.db import migrations, models


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


def create_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name, when in POSTGRESQL_TRIGGERS.items():
                table = when.split(" ON ")[1].split()[0]
                cursor.execute(
                    f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ {POSTGRESQL_FUNCTIONS[name]} $$"
                )
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {name}()")
        else:
            for name, trigger in SQLITE_TRIGGERS.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {trigger}")
        for statement in REFILL:
            cursor.execute(statement)


def drop_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for name, when in POSTGRESQL_TRIGGERS.items():
            if connection.vendor == "postgresql":
                table = when.split(" ON ")[1].split()[0]
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0036_sitemap_indexes_by_language"),
    ]

    operations = [
        migrations.CreateModel(
            name="TopicListing",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=15)),
                ("status", models.CharField(max_length=10)),
                ("publish_at", models.DateTimeField()),
                (
                    "article",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.topic",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["topic", "language", "status", "publish_at", "article"],
                        name="topic_listing_live_idx",
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
