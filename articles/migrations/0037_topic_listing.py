"""A topic's live articles in one language, newest first, as a range of one index: the
topic links again, each with its article's language, status and publish time. The triggers
that write it are not made here: `migrate` makes them and fills the table after every run
(articles/models/listing.py, `ensure_listing`), and on SQLite removes them before it, so that
no trigger reading another table makes a later table rebuild fail."""

import django.db.models.deletion
from django.db import migrations, models


# The triggers `migrate` makes after every run (listing.py), by the table each is on: migrated
# back past this migration, they go before the table they write to.
TRIGGERS = {
    "topic_listing_link_added": "articles_article_topics",
    "topic_listing_link_changed": "articles_article_topics",
    "topic_listing_link_removed": "articles_article_topics",
    "topic_listing_article_changed": "articles_article",
    "topic_listing_article_deleted": "articles_article",
    "topic_listing_topic_deleted": "articles_topic",
}


def drop_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for name, table in TRIGGERS.items():
            if connection.vendor == "postgresql":
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
                "constraints": [
                    models.UniqueConstraint(
                        fields=("topic", "article"), name="topic_listing_one_per_link"
                    )
                ],
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, drop_triggers),
    ]
