"""RSS 2.0 and Atom feeds of the latest live articles, for the site and for each topic.

Every URL is absolute on the public site (settings.SITE_URL), like the pages' canonical
links. Each entry's id is a `tag:` URI made from the site's host, the article's creation day
and its primary key: it survives a new slug or title, so readers never see an entry twice.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from articles.models import Article, Topic, TopicListing
from clinic.domain.sitewide import clinic_profile
from clinic.seo.links import absolute_url, tag_uri

FEED_LENGTH = 20


def latest(articles):
    return (
        articles.select_related("author")
        .prefetch_related("topics")
        .order_by("-publish_at", "-id")[:FEED_LENGTH]
    )


def article_guid(article):
    """The article's permanent id in every feed: `tag:host,YYYY-MM-DD:article-N`."""
    return tag_uri(article.created_at, f"article-{article.pk}")


class LatestArticlesFeed(Feed):
    def title(self):
        return _("%(clinic)s: research summaries") % {"clinic": clinic_profile().name}

    def link(self):
        return absolute_url(reverse("articles:list"))

    def description(self):
        return _("Plain-language summaries of published research, newest first.")

    def feed_url(self):
        return absolute_url(reverse("articles:feed"))

    def items(self):
        return latest(Article.objects.published())

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return item.author.name

    def item_author_link(self, item):
        return absolute_url(item.author.get_absolute_url())

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at or item.publish_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all() if topic.is_listed]

    def item_guid(self, item):
        return article_guid(item)

    item_guid_is_permalink = False


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def feed_url(self):
        return absolute_url(reverse("articles:atom-feed"))


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.with_published_articles().with_slug(slug))

    def title(self, topic):
        # French puts a space before the colon (“Clinique Harbourlight : TSPT”).
        return _("%(clinic)s: %(topic)s") % {"clinic": clinic_profile().name, "topic": topic.name}

    def link(self, topic):
        return absolute_url(topic.get_absolute_url())

    def description(self, topic):
        return topic.description or _("Research summaries about %(topic)s.") % {"topic": topic.name}

    def feed_url(self, topic):
        return absolute_url(reverse("articles:topic-feed", kwargs={"slug": topic.slug}))

    def items(self, topic):
        """The topic's newest live articles, their ids a range of its listing's index."""
        now = timezone.now()
        newest = TopicListing.objects.live_in(topic, now=now).values("article_id")[:FEED_LENGTH]
        return latest(Article.objects.published(now=now).filter(pk__in=newest))


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed
    subtitle = TopicFeed.description

    def feed_url(self, topic):
        return absolute_url(reverse("articles:topic-atom-feed", kwargs={"slug": topic.slug}))
