"""The research library: topics, articles, the studies they summarise, and staff records."""

from .changes import ArticleChange, PublishingOverride
from .glossary import GlossaryTerm
from .library import (
    DISCLAIMER_REQUIRED,
    WORDS_PER_MINUTE,
    Article,
    ArticleQuerySet,
    Topic,
    TopicQuerySet,
    add_months,
)
from .notices import CitationNotice
from .records import ArticleDailyViews, ImportedPost, PendingImport, SiteImport
from .studies import Study, doi_validator, pmid_validator
from .synonyms import NarrowerTerm, SynonymGroup

__all__ = [
    "DISCLAIMER_REQUIRED",
    "WORDS_PER_MINUTE",
    "Article",
    "ArticleChange",
    "ArticleDailyViews",
    "ArticleQuerySet",
    "CitationNotice",
    "GlossaryTerm",
    "ImportedPost",
    "NarrowerTerm",
    "PendingImport",
    "PublishingOverride",
    "SiteImport",
    "Study",
    "SynonymGroup",
    "Topic",
    "TopicQuerySet",
    "add_months",
    "doi_validator",
    "pmid_validator",
]
