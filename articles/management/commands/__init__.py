"""import_wxr, export_markdown, import_markdown, review_report."""
