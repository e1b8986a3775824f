"""Authoring tools for both apps: Markdown, safe uploads, picture renditions, the editor.

The one Markdown renderer, image uploads checked and re-encoded, AVIF/WebP renditions, and the
admin's Markdown editor with its preview and upload endpoints.
"""
