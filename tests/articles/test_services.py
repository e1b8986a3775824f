"""One function per write: each saves through the publishing checks, stores one revision and
rewrites the search document once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, PublishingOverride, Study
from articles.search import documents
from articles.services import (
    PublishRefused,
    apply_default_disclaimer,
    import_article,
    publish_article,
    restore_article,
    save_article,
    schedule_article,
    unpublish_article,
)
from clinic.domain.models import DEFAULT_DISCLAIMER, ClinicProfile
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db
PROMISE = "## Key findings\n\nKetamine is guaranteed to help."


@pytest.fixture
def refreshes(monkeypatch):
    """The article ids of each search document refresh."""
    calls = []
    refresh = documents.refresh_search_documents

    def counting(ids):
        calls.append(sorted(ids))
        return refresh(ids)

    monkeypatch.setattr(documents, "refresh_search_documents", counting)
    return calls


def comments(article):
    return [v.revision.comment for v in Version.objects.get_for_object(article).order_by("pk")]


def test_a_save_with_its_studies_and_topics_refreshes_the_search_document_once(refreshes):
    article = Article(
        title="Sleep", slug="sleep", summary="S.", body="Text.", author=PersonFactory(),
        disclaimer=DEFAULT_DISCLAIMER, publish_at=timezone.now(),
    )  # fmt: skip
    topics = [TopicFactory(name="Insomnia"), TopicFactory(name="Anxiety")]

    def related():
        article.topics.set(topics)
        for position in range(3):
            Study.objects.create(article=article, title=f"Trial {position}", year=2024,
                                 journal="Sleep", position=position)  # fmt: skip

    save_article(article=article, comment="Written.", related=related)

    assert refreshes == [[article.pk]]
    article.refresh_from_db()
    assert "Trial 2" in article.search_document and "Insomnia" in article.search_document
    (version,) = Version.objects.get_for_object(article)
    assert version.revision.comment == "Written."
    assert version.revision.version_set.filter(content_type__model="study").count() == 3


def test_outside_a_write_each_change_still_refreshes_at_once(refreshes):
    study = StudyFactory()
    study.title = "Renamed"
    study.save()
    assert len(refreshes) == 3  # the article's save, the study's creation, its rename


def test_publishing_refuses_a_promise_and_names_the_fix():
    article = ArticleFactory(draft=True, body=PROMISE)
    with pytest.raises(PublishRefused) as refused:
        publish_article(article=article)
    assert "“guaranteed to help” is promotional wording" in str(refused.value)
    assert "Say what the studies found instead" in str(refused.value)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_scheduling_goes_through_the_same_checks():
    later = timezone.now() + timedelta(days=3)
    failing = ArticleFactory(draft=True, disclaimer="Book now!")
    with pytest.raises(PublishRefused, match="does not say that the summary is for education"):
        schedule_article(article=failing, publish_at=later)
    passing = schedule_article(article=ArticleFactory(draft=True), publish_at=later)
    passing.refresh_from_db()
    assert passing.is_scheduled and passing.publish_at == later


def test_an_edit_to_a_published_article_is_checked_but_an_untouched_one_is_not():
    article = ArticleFactory(disclaimer="Book now!")  # published before the checks existed
    article.hero_credit = "Photo: J. Doe"
    save_article(article=article)  # nothing the checks read changed
    article.body = PROMISE
    with pytest.raises(PublishRefused):
        save_article(article=article)
    assert Article.objects.get(pk=article.pk).body != PROMISE


def test_a_marketing_editor_publishes_past_the_checks_only_with_a_reason(marketing_user):
    article = ArticleFactory(draft=True, body=PROMISE)
    with pytest.raises(PublishRefused):
        publish_article(article=article, user=marketing_user)
    publish_article(article=article, user=marketing_user, reason="  Quoted from the trial.  ")

    assert article.is_live
    override = PublishingOverride.objects.get()
    assert (override.article, override.created_by) == (article, marketing_user)
    assert override.reason == "Quoted from the trial."
    assert "guaranteed to help" in override.problems
    assert (
        comments(article)[-1]
        == "Published. Published despite the checks. Reason: Quoted from the trial."
    )


def test_someone_outside_marketing_cannot_publish_past_the_checks(editor):
    article = ArticleFactory(draft=True, body=PROMISE)
    with pytest.raises(PublishRefused):
        publish_article(article=article, user=editor, reason="I am sure.")
    assert not PublishingOverride.objects.exists()


def test_nobody_publishes_past_a_required_medical_review(admin_user):
    profile = ClinicProfile.load()
    profile.require_review_before_publishing = True
    profile.save()
    article = ArticleFactory(draft=True, body=PROMISE)
    with pytest.raises(PublishRefused) as refused:
        publish_article(article=article, user=admin_user, reason="Urgent.")
    assert not refused.value.may_be_overridden
    assert "requires a medical review" in str(refused.value)


def test_an_override_closes_when_a_later_save_passes_the_checks(admin_user):
    article = ArticleFactory(draft=True, body=PROMISE)
    publish_article(article=article, user=admin_user, reason="The study's own words.")
    assert PublishingOverride.objects.open().count() == 1
    article.body = "## Key findings\n\nMost people slept better."
    save_article(article=article, user=admin_user)
    assert PublishingOverride.objects.open().count() == 0


def test_unpublishing_revokes_preview_links_in_one_revision():
    article = ArticleFactory(preview_key="old-key")
    unpublish_article(article=article, comment="Taken down.")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.preview_key == ""
    assert comments(article) == [
        "First version, as it was created (before any change in the admin).",
        "Taken down.",
    ]


def test_restoring_is_a_save_through_the_checks_with_its_own_comment(admin_user):
    article = ArticleFactory(draft=True)
    moment = timezone.now() - timedelta(days=2)
    restore_article(article=article, restored_from=moment, user=admin_user)
    assert comments(article)[-1].startswith("Restored the content of the revision from ")
    published = ArticleFactory()
    published.body = PROMISE
    with pytest.raises(PublishRefused):
        restore_article(article=published, restored_from=moment, user=admin_user)


def test_an_import_that_fails_the_checks_stays_a_draft_with_the_reason(refreshes):
    article = Article(
        title="Relief", slug="relief", summary="S.", body=PROMISE, author=PersonFactory(),
        disclaimer=DEFAULT_DISCLAIMER, publish_at=timezone.now(), status=Article.Status.DRAFT,
    )  # fmt: skip
    topic = TopicFactory()
    reason = import_article(
        article=article, status=Article.Status.PUBLISHED,
        related=lambda: article.topics.set([topic]),
    )  # fmt: skip
    assert "“guaranteed to help” is promotional wording" in reason
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert refreshes == [[article.pk]]
    assert comments(article) == ["Imported."]


def test_an_import_that_makes_a_live_article_fail_leaves_it_a_draft():
    article = ArticleFactory()
    article.body = PROMISE
    reason = import_article(article=article, status=Article.Status.PUBLISHED)
    article.refresh_from_db()
    assert reason and article.status == Article.Status.DRAFT and article.body == PROMISE


def test_a_new_default_disclaimer_that_would_fail_leaves_a_published_article_alone(admin_user):
    article = ArticleFactory(disclaimer=DEFAULT_DISCLAIMER)
    changed = apply_default_disclaimer(
        articles=[article], previous=DEFAULT_DISCLAIMER, new="Book now!", user=admin_user
    )
    article.refresh_from_db()
    assert changed == 0 and article.disclaimer == DEFAULT_DISCLAIMER
