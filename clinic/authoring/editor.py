"""The admin's Markdown editor and its two staff-only endpoints: live preview and image upload.

The endpoints replace django-markdownx's views so that pictures dropped into the editor pass the
same checks as every other upload (`clinic.authoring.uploads`), and a malformed request gets a 400
rather than an error page. The editor's live preview shows the text in the site's own styles.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponseBadRequest
from markdownx.views import ImageUploadView, MarkdownifyView
from markdownx.widgets import AdminMarkdownxWidget, MarkdownxWidget

from .uploads import SafeImageField

EDITOR_PERMISSIONS = (
    "articles.add_article", "articles.change_article", "clinic.add_person", "clinic.change_person",
)  # fmt: skip


def for_editors(view):
    """Staff who write articles or bios may use the editor; others get 403, visitors a login."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not any(request.user.has_perm(permission) for permission in EDITOR_PERMISSIONS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_member_required(checked)


class EditorImageForm(forms.Form):
    image = SafeImageField()

    def save(self, commit=True):
        """Store the re-encoded picture under the editor's folder and return its URL."""
        image = self.cleaned_data["image"]
        name = default_storage.save(f"{settings.MARKDOWNX_MEDIA_PATH}{image.name}", image)
        return default_storage.url(name)


class EditorImageUploadView(ImageUploadView):
    form_class = EditorImageForm


class EditorPreviewView(MarkdownifyView):
    def post(self, request, *args, **kwargs):
        if "content" not in request.POST:
            return HttpResponseBadRequest("Send the Markdown to preview as “content”.")
        return super().post(request, *args, **kwargs)


class MarkdownEditor(AdminMarkdownxWidget):
    """django-markdownx's admin editor, its live preview an article's text as the site shows
    it: the preview carries the site's `prose` class and loads the site's tokens.css and
    prose.css (admin-preview.css draws the box), in place of markdownx's own admin styles."""

    template_name = "admin/markdown_editor.html"

    class Media:
        extend = False
        css = {"all": ["css/tokens.css", "css/prose.css", "css/admin-preview.css"]}
        js = MarkdownxWidget.Media.js
