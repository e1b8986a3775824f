from django.apps import AppConfig
from django.db.models.signals import post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Research library"

    def ready(self):
        from clinic.renditions import renditions_on_save
        from clinic.slugs import redirect_old_urls

        from . import revisions, signals  # noqa: F401 - registers for history; search receivers
        from .models import Article

        redirect_old_urls(Article, was_public=lambda article: article.is_live)
        post_save.connect(
            renditions_on_save("hero_image", "hero_width", "hero_height"),
            sender=Article,
            weak=False,
            dispatch_uid="hero-renditions",
        )
