# items() return lists, not querysets: one query per section, no separate COUNT.
from django.db.models.functions import Coalesce
from django.urls import reverse

from clinic.seo.sitemaps import PublicSitemap

from .models import Article, Topic


class ArticleSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return list(
            Article.objects.published()
            .annotate(last_changed=Coalesce("updated_at", "publish_at"))
            .only("slug", "publish_at", "updated_at")
            .order_by("-publish_at", "-id")
        )

    def lastmod(self, article):
        return article.last_changed


class TopicSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return list(Topic.objects.with_published_articles())


class StaticPageSitemap(PublicSitemap):
    """Pages that exist once: home and the lists."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["articles:home", "articles:list", "articles:topic-list", "clinic:team",
                "clinic:locations"]  # fmt: skip

    def location(self, name):
        return reverse(name)
