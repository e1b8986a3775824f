from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


def ensure_search_index(sender, using="default", **kwargs):
    """post_migrate: SQLite's full-text index and triggers exist (a table rebuild drops them)."""
    from django.db import connections

    from .search.sqlite_index import ensure_index

    ensure_index(connections[using])


def drop_topic_listing_triggers(sender, using="default", **kwargs):
    """pre_migrate: on SQLite, no trigger reading another table is left to fail a rebuild."""
    from django.db import connections

    from .models.listing import drop_listing_triggers

    drop_listing_triggers(connections[using])


def ensure_topic_listing(sender, using="default", **kwargs):
    """post_migrate: the triggers that keep topics' listings, and the listings refilled."""
    from django.db import connections

    from .models.listing import ensure_listing

    ensure_listing(connections[using])


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Research library"

    def ready(self):
        from . import signals
        from .editorial import revisions  # registers articles for history

        signals.connect()  # every side effect of saving an article: see articles/signals.py
        post_migrate.connect(ensure_search_index, sender=self, dispatch_uid="search-index")
        pre_migrate.connect(
            drop_topic_listing_triggers, sender=self, dispatch_uid="topic-listing-triggers"
        )
        post_migrate.connect(ensure_topic_listing, sender=self, dispatch_uid="topic-listing")
        revisions.connect()  # a first revision for an article made outside the admin
