from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Research library"

    def ready(self):
        from . import revisions, signals  # noqa: F401 - registers articles for history

        signals.connect()  # every side effect of saving an article: see articles/signals.py
        revisions.connect()  # a first revision for an article made outside the admin
