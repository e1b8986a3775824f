"""The research library: topics, articles, the studies they summarise, and staff records."""

from .changes import ArticleChange, PublishingOverride
from .glossary import GlossaryTerm
from .languages import ANY_LANGUAGE, active_language, default_language, language_codes
from .library import DISCLAIMER_REQUIRED, WORDS_PER_MINUTE, Article, add_months
from .listing import TopicListing
from .notices import CitationNotice
from .queries import ArticleQuerySet
from .records import ArticleDailyViews, ImportedPost, PendingImport, SiteImport
from .studies import Study, doi_validator, pmid_validator
from .synonyms import NarrowerTerm, SynonymGroup
from .topics import Topic, TopicQuerySet
from .vocabulary import ArticleWords, SearchWord

__all__ = [
    "ANY_LANGUAGE",
    "DISCLAIMER_REQUIRED",
    "WORDS_PER_MINUTE",
    "Article",
    "ArticleChange",
    "ArticleDailyViews",
    "ArticleQuerySet",
    "ArticleWords",
    "CitationNotice",
    "GlossaryTerm",
    "ImportedPost",
    "NarrowerTerm",
    "PendingImport",
    "PublishingOverride",
    "SearchWord",
    "SiteImport",
    "Study",
    "SynonymGroup",
    "Topic",
    "TopicListing",
    "TopicQuerySet",
    "active_language",
    "add_months",
    "default_language",
    "language_codes",
    "doi_validator",
    "pmid_validator",
]
