"""An index that only SQLite gets."""

from django.db import models
from django.db.backends.ddl_references import Statement


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
