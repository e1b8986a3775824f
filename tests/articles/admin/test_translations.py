"""The admin's language fields, “Translate”, and the translation worklist."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.services import record_substantive_update, save_article
from articles.translating import translate_article
from tests.factories import ArticleFactory, StudyFactory
from tests.helpers import article_change_form, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def original():
    article = ArticleFactory(title="Ketamine for PTSD", slug="ketamine-ptsd")
    StudyFactory(article=article)
    save_article(article=article, comment="First save.")
    return article


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_translate_asks_first_then_makes_the_draft(marketing_client, original):
    url = reverse("admin:articles_article_translate", args=[original.pk, "fr"])
    page = marketing_client.get(url)
    assert page.status_code == 200 and "Make the Français draft" in page.text
    assert not Article.objects.filter(language="fr").exists()
    response = marketing_client.post(url)
    draft = Article.objects.get(language="fr")
    assert response.status_code == 302 and response["Location"] == change_url(draft)
    assert draft.translation_key == original.translation_key


def test_translate_into_an_unknown_language_is_404(marketing_client, original):
    url = reverse("admin:articles_article_translate", args=[original.pk, "xx"])
    assert marketing_client.post(url).status_code == 404


def test_the_list_action_starts_drafts_for_the_selected_originals(marketing_client, original):
    other = ArticleFactory()
    response = marketing_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "translate_into_fr", "_selected_action": [original.pk, other.pk]},
    )
    assert response.status_code == 302
    assert Article.objects.filter(language="fr").count() == 2


def test_a_translations_change_page_links_its_original_and_has_no_studies_of_its_own(
    marketing_client, original
):
    draft, _ = translate_article(original=original, language="fr")
    page = marketing_client.get(change_url(draft))
    assert page.status_code == 200
    assert 'name="translation_of" value="ketamine-ptsd"' in page.text
    assert "studies-TOTAL_FORMS" not in page.text  # shared: edited on the original
    assert change_url(original) in page.text
    original_page = marketing_client.get(change_url(original)).text
    assert change_url(draft) in original_page and "studies-TOTAL_FORMS" in original_page


def test_an_article_is_linked_to_its_original_by_the_originals_address(marketing_client, original):
    alone = ArticleFactory(language="fr", slug="ketamine-tspt", title="Kétamine et TSPT")
    page = marketing_client.get(change_url(alone))
    data = form_data(page, translation_of="ketamine-ptsd")
    response = marketing_client.post(change_url(alone), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    alone.refresh_from_db()
    assert alone.translation_key == original.translation_key
    assert alone.source_synced_at is not None


@pytest.mark.parametrize(
    ("language", "address", "message"),
    [
        ("fr", "no-such-article", "No English article has the address"),
        ("en", "ketamine-ptsd", "is an original"),
    ],
)
def test_a_wrong_original_is_explained_on_the_form(
    marketing_client, original, language, address, message
):
    other = ArticleFactory(language="fr", slug="autre")
    data = article_change_form(other, language=language, translation_of=address)
    response = marketing_client.post(change_url(other), data)
    assert response.status_code == 200 and message in response.text


def test_a_second_translation_in_one_language_is_refused(marketing_client, original):
    translate_article(original=original, language="fr")
    other = ArticleFactory(language="fr", slug="deuxieme")
    data = article_change_form(other, language="fr", translation_of="ketamine-ptsd")
    response = marketing_client.post(change_url(other), data)
    assert response.status_code == 200 and "already has a Français version" in response.text


def test_the_worklist_shows_missing_and_stale_translations_with_the_changes(
    marketing_client, original
):
    ArticleFactory(title="Not translated yet", slug="not-yet")
    draft, _ = translate_article(original=original, language="fr")
    original.body = "Symptoms eased and sleep improved."
    save_article(article=original, comment="Added sleep.")
    record_substantive_update(article=original, note="Sleep results.")
    page = marketing_client.get(reverse("admin:articles_article_translations"))
    assert page.status_code == 200
    assert [row.pk for row in page.context["worklist"].stale] == [draft.pk]
    assert [a.title for a in page.context["missing"]] == ["Not translated yet"]
    changes_url = reverse("admin:articles_article_translation_changes", args=[draft.pk])
    assert changes_url in page.text
    changes = marketing_client.get(changes_url)
    assert changes.status_code == 200 and "<ins>" in changes.text
    done = marketing_client.post(
        reverse("admin:articles_article_translation_up_to_date", args=[draft.pk])
    )
    assert done.status_code == 302
    after = marketing_client.get(reverse("admin:articles_article_translations"))
    assert after.context["worklist"].stale == [] and after.context["worklist"].up_to_date == 1


def test_the_worklist_is_for_editors_only(front_desk_client, original):
    draft, _ = translate_article(original=original, language="fr")
    urls = [
        reverse("admin:articles_article_translations"),
        reverse("admin:articles_article_translation_changes", args=[draft.pk]),
    ]
    for url in urls:
        assert front_desk_client.get(url).status_code == 403
    marked = reverse("admin:articles_article_translation_up_to_date", args=[draft.pk])
    assert front_desk_client.post(marked).status_code == 403


def test_marking_up_to_date_is_a_post(marketing_client, original):
    draft, _ = translate_article(original=original, language="fr")
    marked = reverse("admin:articles_article_translation_up_to_date", args=[draft.pk])
    assert marketing_client.get(marked).status_code == 405


def test_bad_worklist_input_is_404_not_500(marketing_client, original):
    worklist = reverse("admin:articles_article_translations")
    assert marketing_client.get(worklist, {"language": "en"}).status_code == 404
    assert marketing_client.get(worklist, {"page": "x"}).status_code == 200
    not_translation = reverse("admin:articles_article_translation_changes", args=[original.pk])
    assert marketing_client.get(not_translation).status_code == 404


def test_a_published_translation_edited_in_the_admin_is_checked_in_its_own_language(
    marketing_client, original
):
    from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR

    french = ArticleFactory(
        language="fr", translation_key=original.translation_key, slug="ketamine-et-tspt",
        title="La kétamine et le TSPT", disclaimer=DEFAULT_DISCLAIMER_FR,
        body="Le sommeil aide. Les gens dorment mieux. Parlez à votre médecin.",
    )  # fmt: skip
    page = marketing_client.get(change_url(french))
    data = form_data(page, title="La kétamine et le TSPT : une revue")

    response = marketing_client.post(change_url(french), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    french.refresh_from_db()
    assert (french.title, french.status) == ("La kétamine et le TSPT : une revue", "published")
