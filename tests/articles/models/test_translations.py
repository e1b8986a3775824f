"""Articles in several languages: the constraints hold per language, studies are shared."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from articles.models import ANY_LANGUAGE, Article
from clinic.domain.models import Redirect
from tests.factories import ArticleFactory, StudyFactory

pytestmark = pytest.mark.django_db

FRENCH_DISCLAIMER = (
    "Ce résumé est offert à titre informatif et ne remplace pas un avis médical. Parlez à "
    "votre médecin. En cas d'urgence, composez le 911."
)


def french(original, **kwargs):
    values = {
        "slug": f"{original.slug}-fr", "title": f"{original.title} (fr)",
        "disclaimer": FRENCH_DISCLAIMER,
    }  # fmt: skip
    values.update(kwargs)
    return ArticleFactory(language="fr", translation_key=original.translation_key, **values)


def test_a_new_article_is_in_the_default_language_with_a_key_of_its_own():
    first, second = ArticleFactory(), ArticleFactory()
    assert first.language == second.language == "en"
    assert first.translation_key != second.translation_key
    assert first.is_original


def test_the_same_address_may_be_used_once_in_each_language():
    original = ArticleFactory(slug="ketamine-ptsd")
    french(original, slug="ketamine-ptsd")  # allowed: another language
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="ketamine-ptsd")


def test_an_article_has_at_most_one_translation_per_language():
    original = ArticleFactory()
    french(original)
    with pytest.raises(IntegrityError), transaction.atomic():
        french(original, slug="autre-adresse")


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_the_disclaimer_constraint_holds_for_a_translation(blank):
    original = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        french(original, disclaimer=blank)


def test_a_translation_reads_its_originals_studies_without_copies():
    original = ArticleFactory()
    study = StudyFactory(article=original, participants=34)
    translated = french(original)
    assert list(translated.shared_studies()) == [study]
    assert list(original.shared_studies()) == [study]
    assert not translated.studies.exists()  # nothing re-typed


def test_a_translation_of_nothing_has_no_studies():
    alone = ArticleFactory(language="fr", slug="seulement-en-francais")
    assert list(alone.shared_studies()) == []
    assert alone.original() is None


def test_translations_are_listed_in_the_order_of_the_sites_languages():
    original = ArticleFactory()
    translated = french(original)
    assert translated.translations() == [original, translated]
    assert original.translation_in("fr") == translated
    assert translated.original() == original
    assert original.translation_in("es") is None


def test_only_live_translations_are_offered_to_readers():
    original = ArticleFactory()
    draft = french(original, draft=True)
    assert original.live_translations() == [original]
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert [row.pk for row in original.live_translations()] == [original.pk, draft.pk]


def test_published_is_the_readers_language_unless_every_language_is_asked_for():
    original = ArticleFactory()
    translated = french(original)
    assert list(Article.objects.published()) == [original]
    with translation.override("fr"):
        assert list(Article.objects.published()) == [translated]
    with translation.override("fr-ca"):  # a regional variant reads its language
        assert list(Article.objects.published()) == [translated]
    assert set(Article.objects.published(language=ANY_LANGUAGE)) == {original, translated}


def test_an_address_is_made_in_the_articles_own_language():
    original = ArticleFactory(slug="ketamine-ptsd")
    translated = french(original, slug="ketamine-tspt")
    with translation.override("fr"):
        expected = translated.get_absolute_url()
        assert expected.endswith("/articles/ketamine-tspt/")
    assert translated.get_absolute_url() == expected  # whatever the active language
    assert original.get_absolute_url() == "/articles/ketamine-ptsd/"


def test_a_live_translations_new_address_redirects_from_its_old_one_in_its_language():
    original = ArticleFactory(slug="ketamine-ptsd")
    translated = french(original, slug="ketamine-tspt")
    with translation.override("fr"):
        old_path = translated.get_absolute_url()
    translated.slug = "la-ketamine-et-le-tspt"
    translated.save()
    redirect = Redirect.objects.get(old_path=old_path)
    assert redirect.new_path == translated.get_absolute_url()
