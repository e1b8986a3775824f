"""Changes to articles that go beyond one row's own fields.

`publish_article` is the one way to publish: the admin's action, the change form
(through `publishing_problems`) and imports all apply the same rules.
"""

import secrets

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from clinic.domain.models.editing import bump_edit_version, lock_and_refresh
from clinic.domain.sitewide import clinic_profile

from .models import Article, ArticleChange

PREVIEW_SALT = "articles.preview-link"
PREVIEW_LINK_DAYS = 7


# Reloaded under the row lock before publishing or unpublishing; the caller's other fields are
# its own (an import may have set the reviewer a moment ago).
VERSION_FIELDS = ("edit_version", "modified_at", "modified_by")


class PreviewLinkRevoked(signing.BadSignature):
    """A genuine preview link that an editor has since turned off."""


class PublishRefused(Exception):
    """The article cannot be published yet; the message says why."""


def publishing_problems(*, reviewer, reviewed_on, profile=None):
    """What stops an article with this review information from being published."""
    profile = profile or clinic_profile()
    if profile.require_review_before_publishing and not (reviewer and reviewed_on):
        return [
            "This clinic requires a medical review before publishing: choose the medical "
            "reviewer and the date they reviewed it, then publish."
        ]
    return []


def publish_time_on_publishing(publish_at, *, chosen_by_editor=False, now=None):
    """The publish time a draft gets as it is published, from the list or the form.

    A past time is usually just when the draft was started, so it becomes now; a future one
    schedules the article. A time the editor set while publishing is kept: backdating stays
    possible on purpose.
    """
    now = now or timezone.now()
    if chosen_by_editor or publish_at is None or publish_at > now:
        return publish_at or now
    return now


def publish_article(*, article, user=None, keep_publish_time=False):
    """Publish now, or at the article's future publish time if it has one.

    A draft's publish time in the past is usually just when it was started, so it becomes
    now; imports and demo content keep theirs (`keep_publish_time`).
    """
    with transaction.atomic():
        lock_and_refresh(article, only=VERSION_FIELDS)
        problems = publishing_problems(reviewer=article.reviewer, reviewed_on=article.reviewed_on)
        if problems:
            raise PublishRefused(" ".join(problems))
        if not keep_publish_time and article.status == Article.Status.DRAFT:
            article.publish_at = publish_time_on_publishing(article.publish_at)
        article.status = Article.Status.PUBLISHED
        _save_state(article, user, ["status", "publish_at"])
    return article


def unpublish_article(*, article, user=None):
    """Take the article off the public site; nothing is deleted.

    Preview links made before are revoked: whoever saw the published article must not go
    on seeing the draft through an old link.
    """
    with transaction.atomic():
        lock_and_refresh(article, only=VERSION_FIELDS)
        article.status = Article.Status.DRAFT
        article.preview_key = ""
        _save_state(article, user, ["status", "preview_key"])
    return article


def sync_status(article, status):
    """Bring an imported article to the `status` its file or export gives, through
    `publish_article` and `unpublish_article`, so their rules apply to imports too.

    Returns a warning when the clinic's rules keep the article a draft (for example when a
    medical review is required before publishing).
    """
    try:
        if status == Article.Status.PUBLISHED and article.status != status:
            publish_article(article=article, keep_publish_time=True)
        elif status == Article.Status.DRAFT and article.status == Article.Status.PUBLISHED:
            unpublish_article(article=article)
    except PublishRefused as refusal:
        return f"“{article.title}” was imported as a draft: {refusal}"
    return None


def _save_state(article, user, fields):
    # Under the row lock taken by the caller: a change form opened before this save must not
    # silently undo it (see EditVersionFormMixin), nor can a save made meanwhile be undone.
    bump_edit_version(article, user)
    article.save(update_fields=[*fields, "modified_at", "modified_by", "edit_version"])


def record_substantive_update(*, article, note, user=None, when=None, kind=None):
    """Move the public “Updated” date and add the reader-facing change note (`kind`: an
    ordinary update by default; corrections also go to the public corrections log)."""
    when = when or timezone.now()
    Article.objects.filter(pk=article.pk).update(updated_at=when)
    article.updated_at = when
    return ArticleChange.objects.create(
        article=article, note=note, changed_at=when, created_by=user,
        kind=kind or ArticleChange.Kind.UPDATE,
    )  # fmt: skip


def preview_link_token(article):
    """A signed token naming the article and its current preview key."""
    if not article.preview_key:
        article.preview_key = secrets.token_urlsafe(32)
        Article.objects.filter(pk=article.pk).update(preview_key=article.preview_key)
    data = {"article": article.pk, "key": article.preview_key}
    return signing.dumps(data, salt=PREVIEW_SALT, compress=True)


def revoke_preview_links(article):
    """Every preview link made so far stops working (a new key; links made later work)."""
    article.preview_key = secrets.token_urlsafe(32)
    Article.objects.filter(pk=article.pk).update(preview_key=article.preview_key)


def preview_link(article, request):
    """An absolute, signed URL that shows this draft to anyone holding it, for a week."""
    path = reverse("articles:preview", kwargs={"token": preview_link_token(article)})
    return request.build_absolute_uri(path)


def article_from_preview_token(token):
    """The article a preview token names. Raises signing.SignatureExpired / BadSignature."""
    data = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_LINK_DAYS * 24 * 3600)
    article = (
        Article.objects.select_related("author", "reviewer").filter(pk=data["article"]).first()
    )
    if article is not None and data.get("key") != article.preview_key:
        raise PreviewLinkRevoked("This preview link was revoked.")
    return article
