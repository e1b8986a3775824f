"""Authoring tools for both apps: Markdown, safe uploads, picture renditions, the editor.

The one Markdown renderer, the rule for link targets that run code (`links`), image uploads
checked and re-encoded, AVIF/WebP renditions, and the admin's Markdown editor with its preview
and upload endpoints.
"""
