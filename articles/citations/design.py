"""A suggested study design, from PubMed's publication types or, failing those, the title."""

import re

from articles.models import Study

from .records import FROM_JOURNAL, FROM_PUBLICATION_TYPES, FROM_TITLE

Design = Study.Design

# PubMed publication types (MeSH) in order of precedence: a meta-analysis is usually also
# indexed as a systematic review, and a review of trials as neither trial nor review alone.
PUBLICATION_TYPE_DESIGNS = [
    ("Meta-Analysis", Design.META_ANALYSIS),
    ("Systematic Review", Design.SYSTEMATIC_REVIEW),
    ("Randomized Controlled Trial", Design.RCT),
    ("Randomized Controlled Trial, Veterinary", Design.RCT),
    ("Case Reports", Design.CASE_SERIES),
]

TITLE_DESIGNS = [
    (re.compile(r"meta-?analys[ie]s", re.IGNORECASE), Design.META_ANALYSIS),
    (re.compile(r"systematic (?:literature )?review", re.IGNORECASE), Design.SYSTEMATIC_REVIEW),
    (re.compile(r"randomi[sz]ed\b.*\b(?:trial|study)", re.IGNORECASE), Design.RCT),
    (re.compile(r"\bcohort study\b", re.IGNORECASE), Design.COHORT),
    (re.compile(r"\bcase series\b", re.IGNORECASE), Design.CASE_SERIES),
]


def design_from_publication_types(types):
    """(design, basis) for PubMed publication types; ("", "") when none says."""
    names = {name.strip().lower() for name in types}
    for publication_type, design in PUBLICATION_TYPE_DESIGNS:
        if publication_type.lower() in names:
            return design.value, FROM_PUBLICATION_TYPES
    return "", ""


def design_from_title(title, journal=""):
    """(design, basis) from words in a title such as “a randomized controlled trial”; a
    Cochrane review, whatever its title, is a systematic review."""
    for pattern, design in TITLE_DESIGNS:
        if pattern.search(title or ""):
            return design.value, FROM_TITLE
    if "cochrane database of systematic reviews" in (journal or "").lower():
        return Design.SYSTEMATIC_REVIEW.value, FROM_JOURNAL
    return "", ""
