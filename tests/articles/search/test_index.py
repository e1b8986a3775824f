"""The search index follows every change: article saves and updates, deletes, studies, topics,
people, on both databases (SQLite's FTS5 triggers, PostgreSQL's generated column)."""

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from articles.apps import ensure_search_index
from articles.models import Article
from articles.search.sqlite_index import drop_index
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


def found(client, query):
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context["page_obj"].object_list]


def test_saving_an_article_reindexes_it(client):
    article = ArticleFactory(title="Agoraphobia explained")
    article.title = "Claustrophobia explained"
    article.save()
    assert found(client, "claustrophobia") == ["Claustrophobia explained"]
    assert found(client, "agoraphobia") == []


def test_a_queryset_update_reindexes_too(client):
    article = ArticleFactory(summary="About insomnia.")
    Article.objects.filter(pk=article.pk).update(summary="About nightmares.")
    assert found(client, "nightmares") == [article.title]
    assert found(client, "insomnia") == []


def test_a_deleted_article_leaves_the_index(client):
    ArticleFactory(title="Agoraphobia explained").delete()
    ArticleFactory(title="Agoraphobia again")
    assert found(client, "agoraphobia") == ["Agoraphobia again"]


def test_studies_are_found_by_title_journal_authors_and_measures(client):
    study = StudyFactory(
        article=ArticleFactory(title="The trial"), title="Zuranolone in the postpartum period",
        journal="Lancet Psychiatry", authors="Deligiannidis KM, Meltzer-Brody S",
        measures="HAMD-17, PCL-5",
    )  # fmt: skip
    for query in ["zuranolone", "lancet", "Deligiannidis", "Meltzer-Brody", "HAMD-17", "PCL-5"]:
        assert found(client, query) == ["The trial"], query
    study.delete()
    assert found(client, "zuranolone") == []


def test_topics_added_renamed_and_removed_reach_the_index(client):
    article = ArticleFactory(title="The article")
    topic = TopicFactory(name="Agoraphobia")
    article.topics.add(topic)
    assert found(client, "agoraphobia") == ["The article"]
    topic.name = "Claustrophobia"
    topic.save()
    assert found(client, "claustrophobia") == ["The article"]
    article.topics.remove(topic)
    assert found(client, "claustrophobia") == []


def test_author_and_reviewer_names_are_found_and_follow_a_rename(client):
    author, reviewer = PersonFactory(name="Miriam Okafor"), PersonFactory(name="Daniel Levesque")
    ArticleFactory(title="Written", author=author)
    ArticleFactory(title="Reviewed", reviewer=reviewer)
    assert found(client, "Okafor") == ["Written"]
    assert found(client, "levesque") == ["Reviewed"]
    reviewer.name = "Daniel Tremblay"
    reviewer.save()
    assert found(client, "levesque") == []
    assert found(client, "Tremblay") == ["Reviewed"]


def test_after_migrate_a_lost_index_is_rebuilt_from_the_articles(client):
    """A table rebuild by a later migration drops SQLite's triggers; migrate puts them back."""
    ArticleFactory(title="Agoraphobia explained")
    drop_index(connection)  # as if the index had never been built (nothing on PostgreSQL)
    ensure_search_index(sender=apps.get_app_config("articles"))
    assert found(client, "agoraphobia") == ["Agoraphobia explained"]
    ArticleFactory(title="Agoraphobia again")  # and the triggers are back
    assert sorted(found(client, "agoraphobia")) == ["Agoraphobia again", "Agoraphobia explained"]
