"""The sitemap: every indexable page, each with the time it last changed (<lastmod>).

items() return lists, not querysets: one query per section, no separate COUNT. A page's
<lastmod> is the newer of its own row's change and the newest change of the live articles
it lists.
"""

from django.db.models import Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from articles.models import Article, GlossaryTerm, Topic
from clinic.domain.models import Location, Person
from clinic.seo.sitemaps import PublicSitemap


def changed():
    """When a live article last changed: its substantive update, else its publication."""
    return Coalesce("updated_at", "publish_at")


def newest_change(articles):
    """A subquery: the newest change among `articles` (filtered on OuterRef by the caller)."""
    latest = articles.annotate(changed=changed()).order_by("-changed").values("changed")[:1]
    return Subquery(latest)


def newer(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


class ArticleSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return list(
            Article.objects.published()
            .annotate(last_changed=changed())
            .only("slug", "publish_at", "updated_at")
            .order_by("-publish_at", "-id")
        )

    def lastmod(self, article):
        return article.last_changed


class TopicSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        live = Article.objects.published().filter(topics=OuterRef("pk"))
        return list(Topic.objects.with_published_articles().annotate(newest=newest_change(live)))

    def lastmod(self, topic):
        return newer(topic.modified_at, topic.newest)


class PersonSitemap(PublicSitemap):
    """The team, and former colleagues whose pages live articles still link to."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        live = Article.objects.published()
        bylines = live.filter(Q(author=OuterRef("pk")) | Q(reviewer=OuterRef("pk")))
        linked = Q(pk__in=live.values("author")) | Q(pk__in=live.values("reviewer"))
        people = Person.objects.filter(Q(is_active=True) | linked)
        return list(people.annotate(newest=newest_change(bylines)).only("slug", "modified_at"))

    def lastmod(self, person):
        return newer(person.modified_at, person.newest)


class LocationSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return list(Location.objects.active().only("slug", "modified_at"))

    def lastmod(self, location):
        return location.modified_at


class StaticPageSitemap(PublicSitemap):
    """Pages that exist once: home and the lists, dated by the newest change they show."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        newest = Article.objects.published().aggregate(at=Max(changed()))["at"]
        topics = Topic.objects.with_published_articles().aggregate(at=Max("modified_at"))["at"]
        team = Person.objects.active().aggregate(at=Max("modified_at"))["at"]
        places = Location.objects.active().aggregate(at=Max("modified_at"))["at"]
        return [
            ("articles:home", newest),
            ("articles:list", newest),
            ("articles:topic-list", newer(newest, topics)),
            ("clinic:team", team or newest),
            ("clinic:locations", places or newest),
            ("articles:glossary", GlossaryTerm.objects.aggregate(at=Max("updated_at"))["at"]),
            # Written from the profile, the people and the topics; a correction moves its
            # article's “Updated” date, so the newest change dates the log too.
            ("articles:editorial-policy", newer(newest, team, topics)),
            ("articles:corrections", newest),
        ]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]
