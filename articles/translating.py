"""Translations of articles: starting one, keeping one up to date, and the worklist.

`translate_article` makes a draft in another language from the original, its text copied
for the translator to rewrite, through `articles.services.save_article` (one revision, the
search text, the page cache). The draft shares the original's translation key, topics and
studies, and records the original's revision it starts from.

A translation is stale once its original has a substantive update (the public “Updated”
date) after the translation was last based on it; `original_changes` shows what changed in
the original since then, word by word, and `mark_translation_up_to_date` records the
original's current revision as the new base.
"""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from reversion.models import Version

from clinic.domain.sitewide import clinic_profile

from .editorial.compare import article_changes
from .models import Article, default_language, language_codes
from .services import save_article

COPIED = [
    "title", "slug", "summary", "body", "disclaimer", "hero_image", "hero_width", "hero_height",
    "hero_alt", "hero_credit", "author", "reviewer", "review_interval_months",
    "service_disclosure",
]  # fmt: skip
# Left out of the changes a translator is shown: bookkeeping, and what is not translated.
NOT_TRANSLATED = [
    "body_html", "reading_minutes", "search_document", "review_due_on", "created_at",
    "modified_at", "modified_by", "edit_version", "preview_key", "status", "publish_at",
    "updated_at", "language", "translation_key", "source_version", "source_synced_at",
    "hero_width", "hero_height", "changes", "import_record", "daily_views", "overrides",
]  # fmt: skip


class NotTranslatable(Exception):
    """Why this article cannot be translated into that language."""


def latest_version(article):
    return Version.objects.get_for_object(article).order_by("-pk").first()


def translate_article(*, original, language, user=None):
    """A draft of `original` in `language` (its text copied, to be rewritten; the clinic's
    default disclaimer in that language where the original carries its own language's
    default), or the translation it already has: (article, created)."""
    if not original.is_original:
        raise NotTranslatable("Only an original (in the site's default language) is translated.")
    if language not in language_codes() or language == original.language:
        raise NotTranslatable(f"“{language}” is not another of the site's languages.")
    if existing := original.translation_in(language):
        return existing, False
    draft = Article(
        **{name: getattr(original, name) for name in COPIED},
        language=language,
        translation_key=original.translation_key,
        status=Article.Status.DRAFT,
        publish_at=timezone.now(),
        source_version=latest_version(original),
        source_synced_at=timezone.now(),
    )
    profile = clinic_profile()
    if original.disclaimer.strip() == profile.default_disclaimer_in(original.language).strip():
        draft.disclaimer = profile.default_disclaimer_in(language)  # already written there
    topics = list(original.topics.all())
    save_article(
        article=draft,
        user=user,
        comment=f"Translation of “{original.title}” started ({language}).",
        related=lambda: draft.topics.set(topics),
    )
    return draft, True


def mark_translation_up_to_date(*, translation, user=None):
    """Record that `translation` is now based on its original as the original stands."""
    original = translation.original()
    if original is None or original.pk == translation.pk:
        raise NotTranslatable("This article is not a translation of another.")
    translation.source_version = latest_version(original)
    translation.source_synced_at = timezone.now()
    comment = f"Marked up to date with the original (“{original.title}”)."
    return save_article(article=translation, user=user, comment=comment, changed=())


def based_at(translation):
    """When the translation was last based on its original."""
    return translation.source_synced_at or translation.created_at


def is_stale(translation, original):
    return original.updated_at is not None and original.updated_at > based_at(translation)


def original_changes(translation, original):
    """(base version, current version, field changes, study changes) of the original since
    the translation was based on it; the versions are None when History has too little."""
    versions = Version.objects.get_for_object(original).select_related("revision__user")
    current = versions.order_by("-pk").first()
    base = translation.source_version
    if base is None or base.object_id != str(original.pk):
        base = versions.filter(revision__date_created__lte=based_at(translation))
        base = base.order_by("-pk").first() or versions.order_by("pk").first()
    if base is None or current is None or base.pk == current.pk:
        return base, current, [], []
    fields, studies = article_changes(base, current, exclude=NOT_TRANSLATED)
    return base, current, fields, studies


@dataclass
class Worklist:
    language: str
    stale: list
    missing: object  # a queryset of originals, newest first, to page through
    up_to_date: int


def translation_worklist(language):
    """Published originals without a translation in `language`, and the translations in
    `language` whose original changed in substance since they were based on it."""
    default = default_language()
    in_language = Article.objects.filter(translation_key=OuterRef("translation_key"))
    originals = Article.objects.marked_published().filter(language=default)
    missing = (
        originals.exclude(Exists(in_language.filter(language=language)))
        .select_related("author")
        .only("title", "slug", "language", "publish_at", "updated_at", "author__name")
        .order_by("-publish_at", "-id")
    )
    original = in_language.filter(language=default)
    translations = (
        Article.objects.filter(language=language)
        .annotate(
            original_id=Subquery(original.values("pk")[:1]),
            original_title=Subquery(original.values("title")[:1]),
            original_updated_at=Subquery(original.values("updated_at")[:1]),
            based_at=Coalesce("source_synced_at", "created_at"),
        )
        .filter(original_id__isnull=False)
        .only("title", "slug", "language", "status", "publish_at", "source_synced_at")
    )
    stale = list(
        translations.filter(original_updated_at__gt=F("based_at")).order_by(
            "-original_updated_at", "-id"
        )
    )
    return Worklist(
        language=language,
        stale=stale,
        missing=missing,
        up_to_date=translations.count() - len(stale),
    )
