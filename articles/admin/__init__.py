"""The library in Django's admin: articles, topics, the glossary, search synonyms and imports."""

# Django's admin imports `articles.admin` at start-up: each module registers its pages.
from . import articles, glossary, imports, notices, site_imports, synonyms  # noqa: F401
