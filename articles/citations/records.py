"""What Crossref and PubMed say about a study, in one shape whichever answered."""

from dataclasses import dataclass, field, replace
from datetime import date

# What a design suggestion was read from: PubMed's indexing beats words in the title.
FROM_PUBLICATION_TYPES = "PubMed publication types"
FROM_TITLE = "the title"
FROM_JOURNAL = "the journal (Cochrane publishes systematic reviews)"

RETRACTION = "retraction"
CORRECTION = "correction"
EXPRESSION_OF_CONCERN = "expression_of_concern"
# The worst first: a study retracted and corrected is shown as retracted.
NOTICE_KINDS = (RETRACTION, EXPRESSION_OF_CONCERN, CORRECTION)


@dataclass(frozen=True)
class Notice:
    """A retraction, correction or expression of concern published about a study."""

    kind: str
    published_on: date | None
    precision: str = "day"  # how much of the date is known: "day", "month" or "year"
    doi: str = ""
    url: str = ""
    sources: tuple[str, ...] = ()
    label: str = ""

    @property
    def key(self):
        """Names the notice, whichever service reported it and whatever date each gives.

        A study is retracted once: Crossref's retraction and PubMed's are the same notice,
        even when PubMed's citation of it gives no DOI.
        """
        if self.kind == RETRACTION:
            return RETRACTION
        return (self.doi.lower() or self.url or self.label)[:300]

    @property
    def link(self):
        return f"https://doi.org/{self.doi}" if self.doi else self.url


def notice_date(year, month=None, day=None):
    """(date, precision) from whatever parts are known; (None, "") without a valid year."""
    if not year:
        return None, ""
    day = day if month else None
    try:
        return date(year, month or 1, day or 1), "day" if day else "month" if month else "year"
    except ValueError:
        return None, ""


def merge_notices(*groups):
    """One notice per kind and notice, with the earliest date any source gives and the
    names of every source that reported it."""
    merged = {}
    for notice in (notice for group in groups for notice in group):
        key = (notice.kind, notice.key)
        seen = merged.get(key)
        if seen is None:
            merged[key] = notice
            continue
        dated = [n for n in (seen, notice) if n.published_on]
        earliest = min(dated, key=lambda n: n.published_on) if dated else seen
        merged[key] = replace(
            seen,
            published_on=earliest.published_on,
            precision=earliest.precision,
            doi=seen.doi or notice.doi,
            url=seen.url or notice.url,
            sources=tuple(dict.fromkeys(seen.sources + notice.sources)),
        )
    return sorted(merged.values(), key=lambda n: (NOTICE_KINDS.index(n.kind), n.key))


@dataclass
class CitationRecord:
    """A study's citation as one service gives it. Empty strings where it says nothing."""

    source: str
    title: str = ""
    journal: str = ""
    year: int | None = None
    month: int | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    authors: list[str] = field(default_factory=list)
    doi: str = ""
    pmid: str = ""
    publication_types: list[str] = field(default_factory=list)
    design: str = ""
    design_basis: str = ""  # what the design suggestion was read from
    notices: list[Notice] = field(default_factory=list)

    BIBLIOGRAPHIC = ("title", "journal", "year", "month", "volume", "issue", "pages", "authors")

    def fill_gaps_from(self, other):
        """Take from `other` whatever this record lacks (its own values win)."""
        for name in (*self.BIBLIOGRAPHIC, "doi", "pmid"):
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))
        if other.design and (not self.design or other.design_basis == FROM_PUBLICATION_TYPES):
            self.design, self.design_basis = other.design, other.design_basis
        self.publication_types = self.publication_types or other.publication_types
        self.notices = merge_notices(self.notices, other.notices)
