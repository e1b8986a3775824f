"""`manage.py import_wxr EXPORT.xml`: `import_export` for WordPress and Squarespace exports."""

from .import_export import Command as ImportExportCommand


class Command(ImportExportCommand):
    help = (
        "Import posts from a WordPress or Squarespace export (WXR) as draft articles, with "
        "their authors, categories and tags, and redirect their old addresses. The same as "
        "`import_export`, which reads the other platforms' exports too."
    )
    wxr_only = True
