"""The admin's import page for a blog's export, of any platform (superusers only).

"Imported posts" lists where each imported article came from, and where the background copy
of its pictures stands (with any picture that could not be copied, and why); those who may
import from a site's address (`site_imports`) see it too. Its "add" page is
the upload: upload → dry-run report → "Confirm import" (with the choice to publish what was
published on the old site; otherwise everything arrives as a draft). The file is recognised
by its content (`articles.transfer.formats`).
The upload is kept in the database (PendingImport, never under MEDIA_ROOT), so the confirm
works on whichever app server receives it, and the confirm form carries a signed,
time-limited reference to it. Each request copies it to a private temporary file for the
importer and removes that file when done. An upload expires UPLOAD_EXPIRY after its last use
and is deleted at the next upload or confirm.
Work per request is bounded: a file of at most MAX_UPLOAD_BYTES with at most MAX_POSTS posts
and pages, and each confirm request imports at most BATCH_SIZE posts or BATCH_SECONDS'
worth, then offers "Continue" (importing is idempotent, so a repeated click is harmless).
"""

import logging
import re
import secrets
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html_join

from articles.models import ImportedPost, PendingImport
from articles.transfer.apply import ImportOptions, import_file
from articles.transfer.pictures import copy_state
from articles.transfer.posts import ExportError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_POSTS = 2_000
BATCH_SIZE = 100
BATCH_SECONDS = 20
TOKEN_MAX_AGE = 60 * 60
UPLOAD_EXPIRY = timedelta(hours=2)
SIGNING_SALT = "articles.admin_import"  # the module's old name, kept so signed forms stay valid
UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
UNREADABLE = (
    "Something in this export could not be read, so nothing more was imported from it (the "
    "details are in the server's log). Export the blog again, or ask whoever runs the server "
    "to look at it."
)
logger = logging.getLogger(__name__)


class ExportUploadForm(forms.Form):
    export = forms.FileField(
        label="Export file",
        help_text="WordPress or Squarespace (.xml), Wix (.csv), Blogger (.xml), Ghost (.json) "
        "or Medium (.zip). At most 20 MB and 2,000 posts.",
    )
    include_pages = forms.BooleanField(
        label="Import pages too", required=False, help_text="Usually only blog posts are wanted."
    )
    fetch_images = forms.BooleanField(
        label="Copy pictures to this site",
        required=False,
        initial=True,
        help_text="Pictures are copied from the old site (those that cannot be are listed). "
        "Untick to leave them as links to the old site.",
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 2**20:.1f} MB; this page takes at most "
                f"{MAX_UPLOAD_BYTES // 2**20} MB. Whoever runs the server can import a larger "
                "export there."
            )
        return upload


def store_upload(upload, user):
    """Keep the upload in the database, forgetting expired ones; returns its random id."""
    PendingImport.objects.filter(expires_at__lt=timezone.now()).delete()
    data = b"".join(upload.chunks())
    pending = PendingImport.objects.create(
        id=secrets.token_hex(16),
        uploaded_by=user,
        data=data,
        expires_at=timezone.now() + UPLOAD_EXPIRY,
    )
    return pending.id


def pending_upload(upload_id):
    """The stored upload with this id, or None once it expired or finished."""
    if not UPLOAD_ID.fullmatch(str(upload_id)):
        raise PermissionDenied
    PendingImport.objects.filter(expires_at__lt=timezone.now()).delete()
    return PendingImport.objects.filter(pk=upload_id).first()


@contextmanager
def upload_file(pending):
    """The upload as a private temporary file (the importer reads a path), removed after."""
    with tempfile.NamedTemporaryFile(prefix="clinic-import-") as handle:
        handle.write(bytes(pending.data))
        handle.flush()
        yield Path(handle.name)


@admin.register(ImportedPost)
class ImportedPostAdmin(admin.ModelAdmin):
    list_display = ["article", "old_url", "pictures", "imported_at", "updated_at"]
    list_select_related = ["article"]
    search_fields = ["article__title", "old_url", "import_key"]
    readonly_fields = ["import_key", "article", "old_url", "pictures", "why_not_copied",
                       "imported_at", "updated_at"]  # fmt: skip

    @admin.display(description="pictures")
    def pictures(self, record):
        """Where the background copy of the article's pictures stands."""
        state, failed = copy_state(record.article_id)
        return f"{state}; {len(failed)} not copied" if failed else state

    @admin.display(description="pictures not copied, and why")
    def why_not_copied(self, record):
        _, failed = copy_state(record.article_id)
        return format_html_join("", "<p>{}: {}</p>", failed) or "—"

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        """Superusers, and whoever may import from a site's address (to follow its pictures)."""
        user = request.user
        return user.is_active and (user.is_superuser or user.has_perm("articles.add_siteimport"))

    def has_add_permission(self, request):
        return request.user.is_active and request.user.is_superuser  # the export upload

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request)  # forgets the link; keeps the article

    def add_view(self, request, form_url="", extra_context=None):
        """The upload page: upload and preview, then confirm (and continue) the import."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self.confirm(request)
        form = ExportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            return self.preview(request, form)
        return self.render(request, "upload.html", form=form)

    def preview(self, request, form):
        """Store the upload, run the dry run, and show its report with a "Confirm" button."""
        upload_id = store_upload(form.cleaned_data["export"], request.user)
        pending = PendingImport.objects.get(pk=upload_id)
        choices = {"pages": form.cleaned_data["include_pages"]}
        choices["images"] = form.cleaned_data["fetch_images"]
        options = ImportOptions(
            dry_run=True,
            include_pages=choices["pages"],
            fetch_images=choices["images"],
            deadline=time.monotonic() + BATCH_SECONDS,
            max_posts=MAX_POSTS,
        )
        try:
            with upload_file(pending) as path:
                report = import_file(path, options)
        except ExportError as error:
            pending.delete()
            form.add_error("export", str(error))
            return self.render(request, "upload.html", form=form)
        except Exception:  # a hostile or broken file must not leave a 500 or its upload behind
            pending.delete()
            logger.exception("Reading an uploaded export failed")
            form.add_error("export", UNREADABLE)
            return self.render(request, "upload.html", form=form)
        if report.empty_reason:  # nothing to confirm
            pending.delete()
            return self.render(request, "report.html", report=report)
        data = {"id": upload_id, "user": request.user.pk, "start": 0, **choices}
        return self.render(request, "report.html", report=report, token=self.sign(data))

    def confirm(self, request):
        """Import the stored upload from `start`, for at most one batch."""
        try:
            data = signing.loads(request.POST["token"], salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            return self.start_again(request, "This import has expired or its form was altered.")
        if data["user"] != request.user.pk:
            raise PermissionDenied
        pending = pending_upload(data["id"])
        if pending is None:
            return self.start_again(request, "This upload has expired or was already imported.")
        if "publish" not in data:  # chosen on the preview, kept for every "Continue"
            data["publish"] = request.POST.get("publish_published") == "on"
        options = ImportOptions(
            include_pages=data["pages"],
            fetch_images=data["images"],
            publish_published=data["publish"],
            start=data["start"],
            limit=BATCH_SIZE,
            deadline=time.monotonic() + BATCH_SECONDS,
            max_posts=MAX_POSTS,
        )
        try:
            with upload_file(pending) as path:
                report = import_file(path, options)
        except ExportError as error:
            pending.delete()
            return self.start_again(request, str(error))
        except Exception:  # each post imported so far is kept; the rest of the upload is not
            pending.delete()
            logger.exception("Importing an uploaded export failed")
            return self.start_again(request, UNREADABLE)
        token = None
        if report.is_complete:
            pending.delete()
        else:
            PendingImport.objects.filter(pk=pending.pk).update(
                expires_at=timezone.now() + UPLOAD_EXPIRY
            )
            token = self.sign({**data, "start": report.next_start})
        return self.render(request, "report.html", report=report, token=token, start=data["start"])

    def sign(self, data):
        return signing.dumps(data, salt=SIGNING_SALT)

    def start_again(self, request, message):
        messages.error(request, f"{message} Upload the export again.")
        return redirect("admin:articles_importedpost_add")

    def render(self, request, template, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import a blog's export",
            "max_upload_mb": MAX_UPLOAD_BYTES // 2**20,
            "max_posts": MAX_POSTS,
            "batch_size": BATCH_SIZE,
            **context,
        }
        return TemplateResponse(request, f"admin/articles/importedpost/{template}", context)
