"""Crossref's record of a DOI (`/works/{doi}`), read into a CitationRecord.

Crossref carries Retraction Watch's data and publishers' own notices as `updated-by`
relations on the study's record: retractions, corrections and expressions of concern become
Notices; a new version, an addendum or a clarification does not.
"""

import json
from html import unescape
from urllib.parse import quote

from django.utils.html import strip_tags

from .client import CROSSREF, CitationServiceError, RecordNotFound, fetch
from .design import design_from_title
from .identifiers import doi_variants
from .records import (
    CORRECTION,
    EXPRESSION_OF_CONCERN,
    RETRACTION,
    CitationRecord,
    Notice,
    merge_notices,
    notice_date,
)

UPDATE_KINDS = {
    "retraction": RETRACTION,
    "partial_retraction": RETRACTION,
    "withdrawal": RETRACTION,
    "removal": RETRACTION,
    "correction": CORRECTION,
    "corrigendum": CORRECTION,
    "erratum": CORRECTION,
    "expression_of_concern": EXPRESSION_OF_CONCERN,
}
SOURCE_NAMES = {"retraction-watch": "Retraction Watch", "publisher": "the publisher"}


def fetch_work(doi, *, fresh=False):
    """The CitationRecord Crossref holds for `doi` (its `10.1037//` form tried both ways)."""
    for variant in doi_variants(doi):
        try:
            text = fetch(CROSSREF, "works/" + _doi_path(variant), fresh=fresh)
        except RecordNotFound:
            continue
        return parse_work(_work_message(text))
    raise RecordNotFound(f"Crossref has no record of DOI {doi}.")


def _doi_path(doi):
    # The prefix's slash stays; any other character that could end or split a path is encoded.
    prefix, _, suffix = doi.partition("/")
    return f"{quote(prefix, safe='')}/{quote(suffix, safe='')}"


def _work_message(text):
    try:
        data = json.loads(text)
    except ValueError:
        raise CitationServiceError("Crossref sent an answer that is not JSON.") from None
    if not isinstance(data, dict) or data.get("message-type") != "work":
        raise CitationServiceError("Crossref's answer is not the record of a work.")
    return data.get("message") or {}


def parse_work(message):
    """A CitationRecord from the `message` of a Crossref works answer."""
    title = _plain(_first(message.get("title")))
    subtitle = _plain(_first(message.get("subtitle")))
    if subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    year, month, _ = _date_parts(message.get("published-print") or message.get("issued"))
    journal = _plain(_first(message.get("container-title")))
    design, basis = design_from_title(title, journal)
    return CitationRecord(
        source="Crossref",
        title=title,
        journal=journal,
        year=year,
        month=month,
        volume=str(message.get("volume") or ""),
        issue=str(message.get("issue") or ""),
        pages=str(message.get("page") or message.get("article-number") or ""),
        authors=[name for author in message.get("author") or [] if (name := _author(author))],
        doi=message.get("DOI") or "",
        design=design,
        design_basis=basis,
        notices=merge_notices(
            [n for item in message.get("updated-by") or [] if (n := _notice(item))]
        ),
    )


def _first(values):
    return values[0] if isinstance(values, list) and values else ""


def _plain(text):
    """Crossref titles may hold JATS tags (<i>, <sub>) and HTML entities (&amp;)."""
    return " ".join(unescape(strip_tags(str(text or ""))).split())


def _date_parts(value):
    """(year, month, day) from a Crossref date such as {"date-parts": [[2019, 4, 3]]}."""
    parts = _first((value or {}).get("date-parts")) or []
    parts = [part for part in parts if isinstance(part, int)]
    year = parts[0] if parts else None
    month = parts[1] if len(parts) > 1 and 1 <= parts[1] <= 12 else None
    day = parts[2] if month and len(parts) > 2 else None
    return year, month, day


def _author(author):
    """Vancouver style: “Philipp-Muller AE”; a group author by its name."""
    family = _plain(author.get("family"))
    if not family:
        return _plain(author.get("name"))
    return f"{family} {initials(_plain(author.get('given')))}".strip()


def initials(given):
    """“Amanda E.” → “AE”, “Jean-Paul” → “JP”; “AJ”, already initials, stays “AJ”."""
    words = [word for word in given.replace(".", " ").replace("-", " ").split() if word]
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:
        return words[0]
    return "".join(word[0].upper() for word in words)


def _notice(item):
    kind = UPDATE_KINDS.get(str(item.get("type", "")).lower())
    if kind is None:
        return None
    published_on, precision = notice_date(*_date_parts(item.get("updated")))
    source = SOURCE_NAMES.get(item.get("source"), item.get("source") or "the publisher")
    return Notice(
        kind=kind,
        published_on=published_on,
        precision=precision,
        doi=str(item.get("DOI") or ""),
        sources=(f"Crossref ({source})",),
        label=str(item.get("label") or ""),
    )
