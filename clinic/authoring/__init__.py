"""Authoring tools for both apps.

The Markdown renderer, safe uploads, image renditions and the editor's endpoints.
"""
