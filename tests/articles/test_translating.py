"""Starting a translation, the worklist of missing and stale ones, and marking one up to date."""

import pytest

from articles.models import Article
from articles.services import record_substantive_update, save_article
from articles.translating import (
    NotTranslatable,
    is_stale,
    mark_translation_up_to_date,
    original_changes,
    translate_article,
    translation_worklist,
)
from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR
from tests.factories import ArticleFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def original():
    article = ArticleFactory(
        title="Ketamine for PTSD", slug="ketamine-ptsd", body="Symptoms eased in most people."
    )
    article.topics.add(TopicFactory(name="PTSD"))
    StudyFactory(article=article)
    save_article(article=article, comment="First save.")  # a revision to start from
    return article


def test_a_translation_starts_as_a_draft_copying_the_text_for_the_translator(original):
    draft, created = translate_article(original=original, language="fr")
    assert created
    assert (draft.language, draft.status) == ("fr", Article.Status.DRAFT)
    assert draft.translation_key == original.translation_key
    assert (draft.title, draft.slug, draft.body) == (original.title, original.slug, original.body)
    # The original carries the clinic's default: the draft starts with the French default.
    assert draft.disclaimer == DEFAULT_DISCLAIMER_FR != original.disclaimer
    assert [t.name for t in draft.topics.all()] == ["PTSD"]
    assert not draft.studies.exists() and list(draft.shared_studies()) == list(
        original.studies.all()
    )
    assert draft.source_version is not None and draft.source_synced_at is not None
    assert not is_stale(draft, original)


def test_translating_again_gives_the_translation_it_has(original):
    first, _ = translate_article(original=original, language="fr")
    again, created = translate_article(original=original, language="fr")
    assert not created and again == first


def test_only_an_original_is_translated_and_only_into_another_site_language(original):
    draft, _ = translate_article(original=original, language="fr")
    with pytest.raises(NotTranslatable):
        translate_article(original=draft, language="en")
    with pytest.raises(NotTranslatable):
        translate_article(original=original, language="de")
    with pytest.raises(NotTranslatable):
        translate_article(original=original, language="en")


def test_a_substantive_update_of_the_original_makes_its_translation_stale(original):
    draft, _ = translate_article(original=original, language="fr")
    original.body = "Symptoms eased in most people and sleep improved."
    save_article(article=original, comment="Added sleep.")
    record_substantive_update(article=original, note="Added the sleep results.")
    assert is_stale(draft, original)
    worklist = translation_worklist("fr")
    assert [row.pk for row in worklist.stale] == [draft.pk]
    assert worklist.up_to_date == 0
    _, _, fields, _ = original_changes(draft, original)
    body = next(change for change in fields if change.label == "Body")
    assert body.diff == (
        "Symptoms eased in most <del>people.</del><ins>people and sleep improved.</ins>"
    )


def test_a_typo_fix_without_a_substantive_update_leaves_the_translation_current(original):
    draft, _ = translate_article(original=original, language="fr")
    original.body = "Symptoms eased in most people!"
    save_article(article=original, comment="Typo.")
    assert translation_worklist("fr").stale == []


def test_marking_up_to_date_records_the_originals_current_revision(original):
    draft, _ = translate_article(original=original, language="fr")
    first_base = draft.source_version
    original.body = "Symptoms eased, and sleep improved."
    save_article(article=original, comment="Added sleep.")
    record_substantive_update(article=original, note="Sleep.")
    assert [row.pk for row in translation_worklist("fr").stale] == [draft.pk]
    mark_translation_up_to_date(translation=draft, user=None)
    draft.refresh_from_db()
    assert draft.source_version != first_base
    assert draft.source_version.object_id == str(original.pk)
    assert draft.source_synced_at > original.updated_at
    worklist = translation_worklist("fr")
    assert worklist.stale == [] and worklist.up_to_date == 1
    assert original_changes(draft, original)[2:] == ([], [])


def test_an_original_cannot_be_marked_as_a_translation(original):
    with pytest.raises(NotTranslatable):
        mark_translation_up_to_date(translation=original)


def test_the_worklist_lists_published_originals_without_a_translation(original):
    translated = ArticleFactory(title="Translated", slug="translated")
    translate_article(original=translated, language="fr")
    ArticleFactory(title="A draft", slug="a-draft", draft=True)
    missing = [article.title for article in translation_worklist("fr").missing]
    assert missing == ["Ketamine for PTSD"]
