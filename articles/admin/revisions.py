"""History, side-by-side comparison and restore for articles in the admin.

django-reversion stores a revision on every admin save; django-reversion-compare shows two
revisions field by field. Restoring brings back an old revision's content and studies but
never its publish state: the form shows the article's status and publish time as they are
now, and saving says so.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateformat import format as format_date
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.forms import SelectDiffForm

from articles.editorial.compare import article_changes
from articles.editorial.revisions import article_revision, ensure_first_revision
from articles.services import CHECKED_FIELDS


@dataclass
class Restore:
    """What an editor is restoring, and the article's state that restoring keeps."""

    revision_created_at: datetime
    kept: dict
    # The checked content as it is now: restoring older text onto a published article is an
    # edit the publishing checks read (articles.services.CHECKED_FIELDS).
    current: dict


def when(moment):
    return format_date(timezone.localtime(moment), "j F Y, H:i")


def publish_state(article):
    """“Draft”, “Published”, or “Published, scheduled for <time>”."""
    if article.is_scheduled:
        return f"Published, scheduled for {when(article.publish_at)}"
    return article.get_status_display()


class ArticleRevisionAdmin(CompareVersionAdmin):
    """VersionAdmin for articles: newest revision first, one revision per article saved."""

    history_latest_first = True
    object_history_template = "admin/articles/article/history.html"
    # Kept as they are now when an old revision is restored. edit_version too, so that
    # someone else's save since the restore form was opened is still noticed.
    kept_on_restore = ("status", "publish_at", "updated_at", "edit_version", "preview_key")
    checked_on_restore = CHECKED_FIELDS
    # Derived or bookkeeping fields: they change on every save and only hide the real diff.
    compare_exclude = [
        "body_html", "reading_minutes", "search_document", "review_due_on", "created_at",
        "modified_at", "modified_by", "edit_version", "preview_key", "changes", "import_record",
        "daily_views",
    ]  # fmt: skip

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            _keep_first_revision(object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        _keep_first_revision(object_id)
        return super().history_view(request, object_id, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        # reversion-compare's own view only asks for a staff login, and shows changes letter
        # by letter; this one checks permissions and compares word by word
        # (articles.editorial.compare).
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        form = SelectDiffForm(request.GET)
        if article is None or not form.is_valid():
            raise Http404("Choose two saved versions of an existing article to compare.")
        ids = sorted([form.cleaned_data["version_id1"], form.cleaned_data["version_id2"]])
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        older, newer = (get_object_or_404(versions, pk=pk) for pk in ids)
        fields, studies = article_changes(older, newer, exclude=self.compare_exclude)
        previous = versions.filter(pk__lt=older.pk).order_by("-pk").first()
        following = versions.filter(pk__gt=newer.pk).order_by("pk").first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta, "original": article, "title": f"Changes to “{article}”",
            "older": older, "newer": newer, "fields": fields, "studies": studies,
            "previous_pair": previous and (previous.pk, older.pk),
            "next_pair": following and (newer.pk, following.pk),
            **(extra_context or {}),
        }  # fmt: skip
        return render(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = get_object_or_404(self.model, pk=unquote(object_id))
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        request._article_restore = Restore(
            revision_created_at=version.revision.date_created,
            kept={name: getattr(article, name) for name in self.kept_on_restore},
            current={name: getattr(article, name) for name in self.checked_on_restore},
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        restore = getattr(request, "_article_restore", None)
        if article is not None and restore is not None:
            # The old revision has just been written to the database (inside a transaction
            # that a GET rolls back): put the current state back on the row and the object,
            # so the form shows it and the form's own checks see it.
            for name, value in restore.kept.items():
                setattr(article, name, value)
            type(article)._default_manager.filter(pk=article.pk).update(**restore.kept)
        return article

    def response_change(self, request, obj):
        if restore := getattr(request, "_article_restore", None):
            kept = obj.status == restore.kept["status"] and (
                obj.publish_at == restore.kept["publish_at"]
            )
            state = "unchanged" if kept else "changed, as set in the form"
            self.message_user(
                request,
                f"Restored the content of the revision from {when(restore.revision_created_at)}."
                f" Publish state {state}: {publish_state(obj)}.",
                messages.INFO,
            )
        return super().response_change(request, obj)

    def changelist_view(self, request, extra_context=None):
        # Skips VersionAdmin's single revision around the whole list: an action on many
        # articles would store them all in one revision, and restoring any one of them would
        # restore them all. Actions store one revision per article (`article_revision`).
        context = {
            "has_change_permission": self.has_change_permission(request)
            and self.has_delete_permission(request),  # only they see “Recover deleted”
            **(extra_context or {}),
        }
        return super(VersionAdmin, self).changelist_view(request, context)

    def recoverlist_view(self, request, extra_context=None):
        # Bringing back a deleted article is for those who may delete one.
        if not self.has_delete_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def article_revision(self, request, comment, article):
        """One revision for what an action saves for one article (see changelist_view)."""
        ensure_first_revision(article.pk)
        return article_revision(user=request.user, comment=comment)


def _keep_first_revision(object_id):
    # An article made before history was kept (or by a script) has no revision yet: its
    # current state is its original, stored before the first change so it can come back.
    object_id = unquote(object_id)
    if object_id.isdigit():
        ensure_first_revision(int(object_id))
