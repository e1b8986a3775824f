"""A topic's listing (articles/models/listing.py) holds exactly its links, each with its
article's language, status and publish time, whatever writes them: the triggers are checked on
the database itself, on SQLite and on PostgreSQL."""

import importlib
from copy import copy
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_pre_migrate_signal
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


def test_a_link_moved_by_sql_moves_its_row():
    ptsd, sleep = TopicFactory.create_batch(2)
    article = ArticleFactory()
    article.topics.add(ptsd)
    Article.topics.through.objects.filter(article=article).update(topic=sleep)
    assert (
        listed() == expected() == {(sleep.pk, article.pk): ("en", "published", article.publish_at)}
    )


@pytest.mark.django_db(transaction=True)
def test_migrate_owns_the_triggers_so_a_table_rebuild_still_works():
    """On SQLite a trigger on the links that reads the articles table made every rebuild of
    either table fail ("error in trigger …: no such table"); migrate removes the triggers
    before it runs and makes them again after, with the listing refilled."""
    topic, article = TopicFactory(), ArticleFactory()
    article.topics.add(topic)
    emit_pre_migrate_signal(verbosity=0, interactive=False, db="default")
    if connection.vendor == "sqlite":
        assert not trigger_names()
    summary = Article._meta.get_field("summary")
    wider = copy(summary)
    wider.max_length = 5000
    with connection.schema_editor() as editor:  # a rebuild of the table on SQLite
        editor.alter_field(Article, summary, wider)
        editor.alter_field(Article, wider, summary)
    article.topics.add(TopicFactory())  # while the triggers are away
    call_command("migrate", verbosity=0)
    assert trigger_names() == set(live.SQLITE_TRIGGERS)
    assert listed() == expected() and len(listed()) == 2
    article.topics.clear()
    assert listed() == {}


def trigger_names():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'topic_listing%%'")
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'topic_listing%'"
            )
        return {row[0] for row in cursor.fetchall()}


def test_topics_without_live_articles_are_not_listed():
    shown, drafts_only = TopicFactory(), TopicFactory()
    ArticleFactory().topics.add(shown)
    ArticleFactory(draft=True).topics.add(drafts_only)
    assert list(Topic.objects.with_published_articles()) == [shown]


def test_migrating_back_past_the_listing_drops_the_triggers_that_write_to_it():
    frozen = importlib.import_module("articles.migrations.0037_topic_listing")
    assert frozen.TRIGGERS == {name: live._table(name) for name in live.POSTGRESQL_TRIGGERS}
    assert set(frozen.TRIGGERS) == set(live.SQLITE_TRIGGERS)
