"""Helpers for search engines and link previews: absolute URLs and schema.org data."""
