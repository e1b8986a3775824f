"""What every clinic and library admin form shares: how its file, address and Markdown fields
are edited."""

from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html
from markdownx.models import MarkdownxField

from clinic.authoring.editor import MarkdownEditor
from clinic.authoring.uploads import SafeImageField


class ThumbnailFileWidget(AdminFileWidget):
    """The admin's file input, with a small picture of the current image above the filename."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not (value and getattr(value, "url", None)):
            return html
        thumbnail = format_html(
            '<img src="{}" alt="The current image" class="admin-thumbnail" width="240" '
            'loading="lazy">',
            value.url,
        )
        return thumbnail + html


# Links typed without a scheme are taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {
    models.URLField: {"assume_scheme": "https"},
    MarkdownxField: {"widget": MarkdownEditor},
    # Uploaded pictures are decoded, checked and re-encoded without metadata.
    models.ImageField: {"form_class": SafeImageField, "widget": ThumbnailFileWidget},
}
