"""The article table's indexes, and an index that only SQLite gets."""

from django.db import models
from django.db.backends.ddl_references import Statement

from .search_columns import PostgreSQLGinIndex


class SQLiteIndex(models.Index):
    """An index on SQLite only; on PostgreSQL its planner would take it over a better one.

    The article admin's list of every article, newest first, needs (publish_at, id) on SQLite,
    which otherwise reads and sorts the whole table, large texts and all. PostgreSQL sorts the
    ids and dates from a smaller index without reading a row, and given this one, picked it for
    each person's newest article on the sitemap, walking the whole library backwards.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return Statement("-- %(note)s", note=f"{self.name}: SQLite only")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return Statement("-- %(note)s", note=f"{self.name}: SQLite only")
        return super().remove_sql(model, schema_editor, **kwargs)


def article_indexes():
    """Article.Meta.indexes."""
    # Each page reads only what it shows, in the reader's language: the live articles
    # newest first, the newest substantive update (the sitemap's dates), a person's bylines
    # and reviews.
    return [
        models.Index(fields=["status", "language", "publish_at", "id"], name="article_public_idx"),
        PostgreSQLGinIndex(fields=["search_vector"], name="article_search_vector_gin"),
        models.Index(fields=["language", "status", "updated_at"], name="article_updated_idx"),
        # Whether an article found by id (a search match, a topic link) is live, and a page
        # of the sitemap with the key of its translations, without reading the rows: on
        # SQLite, their large text would have to be read past first (a sitemap page of
        # 1,000: 13 ms instead of 1).
        models.Index(
            fields=[
                "id",
                "status",
                "publish_at",
                "language",
                "updated_at",
                "slug",
                "translation_key",
            ],
            name="article_live_idx",
        ),
        # An article's live translations (the language links, the sitemap's alternates)
        # without reading the rows, as article_live_idx.
        models.Index(
            fields=["translation_key", "language", "status", "publish_at", "slug"],
            name="article_family_idx",
        ),
        models.Index(
            fields=["author", "language", "status", "publish_at", "id"],
            name="article_author_idx",
        ),
        # A reviewer's live articles in one language, newest first (their page, the
        # sitemap's dates): without the language, SQLite reads the whole public index
        # instead, looking for the few articles a person reviewed.
        models.Index(
            fields=["reviewer", "language", "status", "publish_at", "id"],
            name="article_reviewer_lang_idx",
        ),
        # The admin: its list of every article newest first, the review worklist and
        # filters, and the images without alt text, each without reading the whole table.
        SQLiteIndex(fields=["publish_at", "id"], name="article_admin_list_idx"),
        *(
            models.Index(fields=[*fields, "publish_at", "id"], name=f"article_{name}_idx")
            for name, fields in [
                ("review_due", ["status", "review_due_on"]),
                ("reviewed", ["status", "reviewed_on"]),
                ("never_reviewed", ["reviewed_on"]),
                ("missing_alt", ["missing_alt_text"]),
            ]
        ),
    ]
