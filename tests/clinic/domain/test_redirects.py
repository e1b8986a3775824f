import pytest
from django.urls import reverse

from clinic.domain.models import Redirect, record_redirect
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_changing_a_published_articles_slug_redirects_the_old_url(client):
    article = ArticleFactory(slug="old-name")
    article.slug = "new-name"
    article.save()
    response = client.get("/articles/old-name/?utm=x")
    assert response.status_code == 301
    assert response["Location"] == "/articles/new-name/?utm=x"
    assert client.get(response["Location"]).status_code == 200


def test_renaming_twice_keeps_every_old_url_one_hop_from_the_page(client):
    article = ArticleFactory(slug="first")
    for slug in ["second", "third"]:
        article.slug = slug
        article.save()
    assert client.get("/articles/first/")["Location"] == "/articles/third/"
    assert client.get("/articles/second/")["Location"] == "/articles/third/"


def test_moving_back_to_an_old_slug_removes_the_loop(client):
    article = ArticleFactory(slug="a")
    article.slug = "b"
    article.save()
    article.slug = "a"
    article.save()
    assert client.get("/articles/a/").status_code == 200
    assert client.get("/articles/b/")["Location"] == "/articles/a/"
    assert Redirect.objects.count() == 1


def test_draft_slug_changes_record_nothing():
    article = ArticleFactory(slug="draft-one", draft=True)
    article.slug = "draft-two"
    article.save()
    assert not Redirect.objects.exists()


def test_changing_a_persons_slug_redirects_their_old_page(client):
    person = PersonFactory(slug="dr-old")
    person.slug = "dr-new"
    person.save()
    response = client.get(reverse("clinic:person-detail", kwargs={"slug": "dr-old"}))
    assert response.status_code == 301
    assert response["Location"] == person.get_absolute_url()


def test_live_pages_are_never_shadowed_by_a_redirect(client):
    article = ArticleFactory(slug="here")
    record_redirect("/articles/here/", "/elsewhere/")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/unknown/").status_code == 404
