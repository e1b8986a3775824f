"""Every write to an article is one function here; the admin's change form and list actions,
the importers, restore, the demo content, the picture copy and scripts only call them:
`save_article`, `publish_article`, `schedule_article`, `unpublish_article`,
`restore_article`, `import_article`, `apply_default_disclaimer`, and
`record_substantive_update` for the public “Updated” note.

Side effects of every write, in the order they happen (`article_write`):

1. One transaction. Publishing and unpublishing lock the article's row first and reload its
   edit version, so a change form opened before cannot silently undo them.
2. The publishing checks (`articles.editorial.gates`) run before anything is written when
   the article ends up published (live or scheduled) and either was not before or an editor
   changed its title, summary, body, disclaimer or hero image: promotional wording, reading
   grade over the clinic's limit, missing alt text and a disclaimer without its core message
   stop the write with `PublishRefused`, which names each problem and its fix. A medical
   review the clinic requires stops publishing too. A Marketing editor or superuser may
   publish past the content checks (never the review) by giving a `reason`: it goes into the
   revision's comment and a `PublishingOverride`, listed on the review worklist until a later
   save passes the checks.
3. The edit version moves on and the saving user is recorded
   (`clinic.domain.models.editing.bump_edit_version`).
4. `Article.save()` renders the body to sanitised HTML, counts the reading time, works out
   the next review date, stores the hero image's size and queues its AVIF/WebP renditions
   for the background worker (on commit); a live article whose slug changed gets a redirect
   from its old address (`articles.signals`).
5. What belongs to the article (topics, studies: the caller's `related`) is saved.
6. One revision in History (django-reversion, with the studies), with the write's comment.
7. The search document is rewritten once, as the write ends, however many studies and
   topics changed (`articles.search.documents`); the full-text index follows in the
   database, and the spelling vocabulary in the background once the write commits
   (`articles.search.tasks`).
8. The public page cache moves to a new generation, at once and again on commit
   (`clinic.site.page_cache`).

Unpublishing also revokes preview links (`articles.previews`).
"""

from contextlib import contextmanager

import reversion
from django.db import transaction
from django.utils import timezone

from clinic.domain.models.editing import bump_edit_version, lock_and_refresh
from clinic.domain.sitewide import clinic_profile

from .editorial.disclaimers import same_text
from .editorial.gates import content_problems, may_publish_despite_checks, review_problems
from .editorial.revisions import ensure_first_revision
from .models import Article, ArticleChange, PublishingOverride
from .search.documents import search_documents_refreshed_once

# The fields the content checks read: a change to one of them in a published article is
# checked again.
CHECKED_FIELDS = ("title", "summary", "body", "disclaimer", "hero_image", "hero_alt")


# Reloaded under the row lock before publishing or unpublishing; the caller's other fields are
# its own (an import may have set the reviewer a moment ago).
VERSION_FIELDS = ("edit_version", "modified_at", "modified_by")


class PublishRefused(Exception):
    """The article cannot be published yet: `problems` says why, each with its fix."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(str(problem) for problem in self.problems))

    @property
    def may_be_overridden(self):
        return all(problem.may_be_overridden for problem in self.problems)


def publishing_problems(article, *, publishing=True, profile=None):
    """What stops `article`, as it stands in memory, from being published (or staying so)."""
    profile = profile or clinic_profile()
    problems = review_problems(article, profile) if publishing else []
    return problems + content_problems(article, profile)


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


@contextmanager
def article_write(*, article, user, comment, savepoint=True):
    """One write: one transaction, one revision, each search document rewritten once.

    The revision takes the article (with its studies) once, as the write ends, rather than
    at every save of the article, a study or a topic link. Nested writes (publishing an
    article an import has just saved) join the outer one and keep its comment. An article
    without history gets its first revision before the write.
    """
    nested = reversion.is_active()
    if not nested and article.pk and not article._state.adding:
        ensure_first_revision(article.pk)
    with (
        transaction.atomic(savepoint=savepoint),
        search_documents_refreshed_once(),
        reversion.create_revision(manage_manually=True, atomic=False),
    ):
        if not nested:
            reversion.set_user(user)
            reversion.set_comment(comment)
        yield
        reversion.add_to_revision(article)


def _gate(article, *, user, publishing, changed, reason):
    """Run the publishing checks (reading only). Returns None when they do not apply, False
    when the article passes them, or the `PublishingOverride` to record; raises
    `PublishRefused` otherwise."""
    if article.status != Article.Status.PUBLISHED or not (publishing or changed):
        return None
    problems = publishing_problems(article, publishing=publishing)
    if not problems:
        return False
    refusal = PublishRefused(problems)
    reason = (reason or "").strip()
    if not (reason and refusal.may_be_overridden and may_publish_despite_checks(user)):
        raise refusal
    return PublishingOverride(
        created_by=user, reason=reason, problems="\n".join(map(str, problems))
    )


def _record_gate(article, verdict, *, is_new=False):
    """Inside the write: keep an override (in History and on the worklist), or close the
    article's open overrides once it passes the checks."""
    if verdict is False and not is_new:
        article.overrides.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    elif verdict:
        verdict.article = article
        verdict.save()
        comment = f"{_current_comment()} Published despite the checks. Reason: {verdict.reason}"
        reversion.set_comment(comment.strip())


def _current_comment():
    try:
        return reversion.get_comment()
    except reversion.RevisionManagementError:
        return ""


def _changed_checked_fields(article):
    """The checked fields whose value differs from the stored row (all, for a new article)."""
    if article.pk is None or article._state.adding:
        return set(CHECKED_FIELDS)
    stored = Article.objects.filter(pk=article.pk).values(*CHECKED_FIELDS).first() or {}
    return {name for name in CHECKED_FIELDS if stored.get(name) != getattr(article, name)}


def save_article(
    *, article, user=None, comment="", related=None, changed=None, was_published=None, reason=""
):
    """Save `article` and, through `related()`, what belongs to it, as one write.

    `changed` names the fields an editor changed (the change form knows; otherwise the
    stored row is compared), `was_published` whether the stored article was published
    (read from the row when not given). Raises `PublishRefused` when the publishing checks
    stop the save; nothing is written then.
    """
    is_new = article.pk is None or article._state.adding
    if was_published is None:
        was_published = not is_new and (
            Article.objects.marked_published().filter(pk=article.pk).exists()
        )
    changed = _changed_checked_fields(article) if changed is None else set(changed)
    verdict = _gate(
        article, user=user, publishing=not was_published,
        changed=bool(changed & set(CHECKED_FIELDS)), reason=reason,
    )  # fmt: skip
    # The checks ran before the write, so nothing inside it is caught: it needs no savepoint.
    with article_write(article=article, user=user, comment=comment, savepoint=False):
        bump_edit_version(article, user)
        article.save()
        if related is not None:
            related()
        _record_gate(article, verdict, is_new=is_new)
    return article


def publish_article(*, article, user=None, keep_publish_time=False, reason="", comment=""):
    """Publish now, or at the article's future publish time if it has one.

    A draft's publish time in the past is usually just when it was started, so it becomes
    now; imports and demo content keep theirs (`keep_publish_time`).
    """
    with article_write(article=article, user=user, comment=comment or "Published."):
        lock_and_refresh(article, only=(*VERSION_FIELDS, "status"))
        was_published = article.status == Article.Status.PUBLISHED
        before = article.status, article.publish_at
        if not keep_publish_time and not was_published:
            article.publish_at = publish_time_on_publishing(article.publish_at)
        article.status = Article.Status.PUBLISHED
        try:
            verdict = _gate(
                article, user=user, publishing=not was_published, changed=False, reason=reason
            )
        except PublishRefused:
            article.status, article.publish_at = before  # as it stays in the database
            raise
        _save_state(article, user, ["status", "publish_at"])
        _record_gate(article, verdict)
    return article


def schedule_article(*, article, publish_at, user=None, reason="", comment=""):
    """Publish at `publish_at`: hidden until then, through the same checks as publishing."""
    article.publish_at = publish_at
    comment = comment or f"Scheduled for {_when(publish_at)}."
    return publish_article(
        article=article, user=user, keep_publish_time=True, reason=reason, comment=comment
    )


def unpublish_article(*, article, user=None, comment=""):
    """Take the article off the public site; nothing is deleted.

    Preview links made before are revoked: whoever saw the published article must not go
    on seeing the draft through an old link.
    """
    with article_write(article=article, user=user, comment=comment or "Unpublished."):
        lock_and_refresh(article, only=VERSION_FIELDS)
        article.status = Article.Status.DRAFT
        article.preview_key = ""
        _save_state(article, user, ["status", "preview_key"])
    return article


def restore_article(*, article, restored_from, user=None, related=None, changed=None,
                    was_published=None, reason=""):  # fmt: skip
    """Save an old revision's content (already on `article` and in `related`), as it is
    restored from History: the publish state is the article's own, checked like any save."""
    comment = f"Restored the content of the revision from {_when(restored_from)}."
    return save_article(
        article=article, user=user, comment=comment, related=related, changed=changed,
        was_published=was_published, reason=reason,
    )  # fmt: skip


def import_article(*, article, status, related=None, user=None, comment="Imported."):
    """Write one imported article (its topics and studies through `related()`), then bring
    it to `status` through `publish_article` or `unpublish_article`, so their checks apply.

    A published article whose imported content fails the checks is kept as a draft. Returns
    why the article is a draft although `status` is published ("" when nothing stopped it).
    """
    with article_write(article=article, user=user, comment=comment):
        article.full_clean()
        try:
            save_article(article=article, user=user, related=related)
        except PublishRefused as refusal:
            article.status, article.preview_key = Article.Status.DRAFT, ""
            save_article(article=article, user=user, related=related, changed=())
            return str(refusal)
        try:
            if status == Article.Status.PUBLISHED and article.status != status:
                publish_article(article=article, user=user, keep_publish_time=True)
            elif status == Article.Status.DRAFT and article.status == Article.Status.PUBLISHED:
                unpublish_article(article=article, user=user)
        except PublishRefused as refusal:
            return str(refusal)
    return ""


APPLIED_COMMENT = "Took the clinic's new default disclaimer."


def apply_default_disclaimer(*, articles, previous, new, user):
    """Give each article still carrying `previous` the `new` text; returns how many changed.

    Each article is checked again as it is saved, so one edited meanwhile keeps its text; a
    published article that the new text would make fail the checks keeps the old one.
    """
    changed = 0
    for article in articles:
        article.refresh_from_db(fields=["disclaimer", "edit_version"])
        if not same_text(article.disclaimer, previous) or same_text(article.disclaimer, new):
            continue
        article.disclaimer = new
        try:
            save_article(article=article, user=user, comment=APPLIED_COMMENT)
        except PublishRefused:
            article.disclaimer = previous
            continue
        changed += 1
    return changed


def _when(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


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
