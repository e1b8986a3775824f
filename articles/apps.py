from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Research library"

    def ready(self):
        from clinic.slugs import redirect_old_urls

        from .models import Article

        redirect_old_urls(Article, was_public=lambda article: article.status == "published")
