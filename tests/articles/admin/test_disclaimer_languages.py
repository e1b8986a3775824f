"""“Use the clinic's default disclaimer” puts the default written in the article's language:
the French default (site settings, `default_disclaimer_fr`) on a French article, from the
form as posted, without JavaScript; a new translation starts with it too."""

from html import escape

import pytest
from django.urls import reverse

from articles.models import Article
from articles.translating import translate_article
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, PersonFactory
from tests.helpers import article_change_form, article_form

pytestmark = pytest.mark.django_db
ENGLISH = "Education only, not medical advice. Talk to your doctor. In an emergency, call 911."
FRENCH = (
    "Information seulement, pas un avis médical. Parlez à votre médecin. En cas d'urgence, "
    "composez le 911."
)


@pytest.fixture
def defaults():
    profile = ClinicProfile.load()
    profile.default_disclaimer_en, profile.default_disclaimer_fr = ENGLISH, FRENCH
    profile.save()
    return profile


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_box_puts_the_french_default_on_a_french_article(editor_client, defaults):
    article = ArticleFactory(language="fr", slug="cetamine", draft=True, disclaimer="Vieux.")
    data = article_change_form(article, disclaimer="", use_default_disclaimer="on")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.disclaimer == FRENCH


def test_the_box_still_puts_the_english_default_on_an_english_article(editor_client, defaults):
    article = ArticleFactory(draft=True, disclaimer="Old.")
    data = article_change_form(article, disclaimer="", use_default_disclaimer="on")
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.disclaimer == ENGLISH


def test_a_new_article_gets_the_default_of_the_language_chosen_on_the_form(editor_client, defaults):
    data = article_form(PersonFactory(), disclaimer="", use_default_disclaimer="on", language="fr")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get().disclaimer == FRENCH


def test_the_french_articles_form_shows_the_french_default(editor_client, defaults):
    article = ArticleFactory(language="fr", slug="cetamine", draft=True)
    html = editor_client.get(change_url(article)).text
    assert escape(FRENCH) in html and escape(ENGLISH) not in html
    new = editor_client.get(reverse("admin:articles_article_add")).text
    assert escape(FRENCH) in new and escape(ENGLISH) in new  # the language is chosen there
    french_new = editor_client.get(reverse("admin:articles_article_add") + "?language=fr")
    assert french_new.context["adminform"].form.initial["disclaimer"] == FRENCH


def test_a_translation_of_an_article_with_the_default_starts_with_the_french_one(defaults):
    with_default = ArticleFactory(disclaimer=ENGLISH)
    draft, _ = translate_article(original=with_default, language="fr")
    assert draft.disclaimer == FRENCH
    own = ArticleFactory(disclaimer="Our own careful wording, not the default.")
    draft, _ = translate_article(original=own, language="fr")
    assert draft.disclaimer == own.disclaimer  # copied, for the translator to rewrite
