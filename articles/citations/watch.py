"""The citation watch: ask Crossref and PubMed about every cited study, record new notices,
and let a reviewer resolve them.

A notice is recorded once per study (a unique constraint; running the check twice finds
nothing new). An open notice puts the article at the top of the review list and shows readers
a dated notice above the study; `resolve_citation_notice` closes it with a note for readers.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from articles.models import ArticleChange, CitationNotice, Study
from articles.services import record_substantive_update
from clinic.domain.models.editing import bump_edit_version, lock_and_refresh

from . import crossref, pubmed
from .client import CitationServiceError, RecordNotFound
from .identifiers import normalise_doi
from .records import merge_notices

logger = logging.getLogger("articles.citations")


@dataclass
class WatchReport:
    """What one run of the check did."""

    identifiers_checked: int = 0
    studies_checked: int = 0
    new_notices: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (identifier text, message)


def cited_studies():
    """Studies with a DOI or PMID, grouped by the identifiers they name: each asked once."""
    groups = defaultdict(list)
    studies = Study.objects.exclude(doi="", pmid="").select_related("article")
    for study in studies.order_by("id"):
        groups[(normalise_doi(study.doi).lower(), study.pmid)].append(study)
    return groups


def notices_for(doi, pmid, *, fresh=True):
    """(notices, problems) for one study's identifiers, from every service that answers."""
    found, problems = [], []
    if doi:
        try:
            found.append(crossref.fetch_work(doi, fresh=fresh).notices)
        except RecordNotFound:
            pass  # a DOI registered elsewhere (DataCite...): PubMed may still know the study
        except CitationServiceError as problem:
            problems.append(f"DOI {doi}: {problem}")
    if pmid:
        try:
            found.append(pubmed.fetch_article(pmid, fresh=fresh).notices)
        except CitationServiceError as problem:
            problems.append(f"PMID {pmid}: {problem}")
    return merge_notices(*found), problems


def check_citations(*, fresh=True):
    """Look up every cited study and record the notices not seen before."""
    report = WatchReport()
    for (doi, pmid), studies in cited_studies().items():
        notices, problems = notices_for(doi, pmid, fresh=fresh)
        report.identifiers_checked += 1
        report.studies_checked += len(studies)
        report.problems.extend(problems)
        for study in studies:
            report.new_notices.extend(record_notices(study, notices))
    for notice in report.new_notices:
        logger.warning("New %s for study %s in article %s", notice.kind, notice.study_id,
                       notice.study.article_id)  # fmt: skip
    return report


def record_notices(study, notices):
    """Store the notices this study does not have yet; returns the new CitationNotices."""
    new = []
    for notice in notices:
        stored, created = CitationNotice.objects.get_or_create(
            study=study,
            kind=notice.kind,
            notice_key=notice.key,
            defaults={
                "published_on": notice.published_on,
                "date_precision": notice.precision or CitationNotice.Precision.DAY,
                "notice_doi": notice.doi[:200],
                "notice_url": notice.url[:500],
                "label": notice.label[:300],
                "source": ", ".join(notice.sources)[:200],
            },
        )
        if created:
            new.append(stored)
    return new


def resolve_citation_notice(*, notice, reviewer, note, user=None):
    """Close an open notice: the reviewer re-checked the summary; readers get `note`.

    The note becomes the article's public change note (listed in the corrections log), the
    article's “Updated” date moves, and the reviewer's check counts as its medical review.
    """
    with transaction.atomic():
        notice = CitationNotice.objects.select_for_update().get(pk=notice.pk)
        if not notice.is_open:
            return notice
        article = notice.study.article
        change = record_substantive_update(
            article=article, note=note, user=user, kind=ArticleChange.Kind.STUDY_NOTICE
        )
        _record_review(article, reviewer, user)
        notice.resolved_at, notice.resolved_by = change.changed_at, user
        notice.reviewer, notice.resolution_note, notice.change = reviewer, note, change
        notice.save()
    return notice


def _record_review(article, reviewer, user):
    # Under the row lock, like every other save of an article outside its change form.
    lock_and_refresh(article, only=("edit_version", "modified_at", "modified_by"))
    article.reviewer, article.reviewed_on = reviewer, timezone.localdate()
    bump_edit_version(article, user)
    article.save(update_fields=[
        "reviewer", "reviewed_on", "modified_at", "modified_by", "edit_version",
    ])  # fmt: skip
