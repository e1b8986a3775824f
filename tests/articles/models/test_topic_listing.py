"""A topic's listing (articles/models/listing.py) holds exactly its links, each with its
article's language, status and publish time, whatever writes them: the triggers are checked on
the database itself, on SQLite and on PostgreSQL."""

import importlib
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles import services
from articles.models import Article, Topic, TopicListing
from articles.models import listing as live
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def listed():
    """{(topic id, article id): (language, status, publish time)} of the listing."""
    return {
        (row.topic_id, row.article_id): (row.language, row.status, row.publish_at)
        for row in TopicListing.objects.all()
    }


def expected():
    """The same, from the topic links and the articles themselves."""
    return {
        (link.topic_id, link.article_id): (
            link.article.language, link.article.status, link.article.publish_at,
        )
        for link in Article.topics.through.objects.select_related("article")
    }  # fmt: skip


def test_the_listing_follows_every_kind_of_write():
    ptsd, sleep, rare = TopicFactory.create_batch(3)
    first, second = ArticleFactory(), ArticleFactory(draft=True)
    first.topics.set([ptsd, sleep])
    second.topics.add(ptsd)
    assert len(listed()) == 3 and listed() == expected()

    second.status = Article.Status.PUBLISHED  # a save through the model
    second.publish_at = timezone.now() + timedelta(days=2)
    second.save()
    assert listed()[(ptsd.pk, second.pk)][1:] == ("published", second.publish_at)

    Article.objects.filter(pk=first.pk).update(language="fr")  # a bulk update, no signals
    first.topics.remove(sleep)
    first.topics.add(rare)
    Article.topics.through.objects.bulk_create([Article.topics.through(article=second, topic=rare)])
    assert listed() == expected()
    assert listed()[(rare.pk, first.pk)][0] == "fr"

    sleep.articles.add(second)  # from the topic's side
    ptsd.articles.clear()
    assert listed() == expected()
    assert not any(topic == ptsd.pk for topic, _ in listed())

    rare.delete()
    second.delete()
    assert listed() == expected() == {}


def test_unpublishing_takes_an_article_off_its_topic_page(client):
    topic = TopicFactory(slug="ptsd")
    article = ArticleFactory(title="Ketamine and PTSD")
    article.topics.add(topic)
    assert "Ketamine and PTSD" in client.get("/topics/ptsd/").text
    services.unpublish_article(article=article)
    assert client.get("/topics/ptsd/").status_code == 404  # no live article: no topic page
    assert TopicListing.objects.get(article=article).status == "draft"


def test_a_topics_page_reads_its_articles_newest_first_from_the_listing(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    topic = TopicFactory(slug="ptsd")
    articles = ArticleFactory.create_batch(5)
    later = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))  # scheduled
    for article in [*articles, later]:
        article.topics.add(topic)
    ArticleFactory().topics.add(TopicFactory())  # another topic's
    newest_first = [a.title for a in reversed(articles)]
    shown = []
    for page in (1, 2, 3):
        text = client.get(f"/topics/ptsd/?page={page}").text
        shown += [title for title in newest_first if f">{title}<" in text]
    assert shown == newest_first
    assert client.get("/topics/ptsd/?page=4").status_code == 404


def test_a_migration_rebuilding_a_table_gets_its_triggers_back():
    """A table rebuild (SQLite's way to alter a column) drops the table's triggers; after
    every migrate they are back and the listing refilled."""
    topic, article = TopicFactory(), ArticleFactory()
    with connection.cursor() as cursor:
        for name in live.SQLITE_TRIGGERS:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER {name} ON {live._table(name)}")
            else:
                cursor.execute(f"DROP TRIGGER {name}")
    article.topics.add(topic)  # not seen without the triggers
    assert listed() == {}
    call_command("migrate", verbosity=0)
    assert listed() == expected() != {}
    article.topics.remove(topic)
    assert listed() == {}


def test_the_migration_made_the_triggers_the_live_code_keeps():
    frozen = importlib.import_module("articles.migrations.0037_topic_listing")
    for name in ("SQLITE_TRIGGERS", "POSTGRESQL_FUNCTIONS", "POSTGRESQL_TRIGGERS", "REFILL"):
        assert getattr(frozen, name) == getattr(live, name), name


def test_topics_without_live_articles_are_not_listed():
    shown, drafts_only = TopicFactory(), TopicFactory()
    ArticleFactory().topics.add(shown)
    ArticleFactory(draft=True).topics.add(drafts_only)
    assert list(Topic.objects.with_published_articles()) == [shown]
