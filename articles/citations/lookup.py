"""Look a study up by whatever identifier the editor has, asking each service what it knows.

A DOI is read from Crossref, then from PubMed if PubMed has it (for the publication types and
the PMID); a PMID is read from PubMed, then from Crossref if the record names a DOI (for
Retraction Watch's notices). What one service lacks the other fills; if the second cannot be
reached, the first one's answer is still used and the editor is told what is missing.
"""

from dataclasses import dataclass, field

from . import crossref, pubmed
from .client import CitationServiceError, RecordNotFound
from .identifiers import DOI, parse_identifier


@dataclass
class LookupResult:
    identifier: object
    record: object
    sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def look_up(text, *, fresh=False):
    """The LookupResult for a DOI, PMID or link. Raises InvalidIdentifier, RecordNotFound or
    ServiceUnavailable (each with a message for editors) when nothing can be read."""
    identifier = parse_identifier(text)
    if identifier.kind == DOI:
        return _from_doi(identifier, fresh)
    return _from_pmid(identifier, fresh)


def _from_doi(identifier, fresh):
    warnings = []
    try:
        record = crossref.fetch_work(identifier.value, fresh=fresh)
    except RecordNotFound:
        # Not every DOI is Crossref's (DataCite, mEDRA...); PubMed may still know it.
        pmid = pubmed.find_pmid(identifier.value, fresh=fresh)
        if not pmid:
            raise RecordNotFound(
                f"Neither Crossref nor PubMed has a record of DOI {identifier.value}. Check it "
                "on the paper's first page, or fill in the study by hand."
            ) from None
        return LookupResult(identifier, pubmed.fetch_article(pmid, fresh=fresh), ["PubMed"])
    sources = ["Crossref"]
    try:
        pmid = pubmed.find_pmid(record.doi or identifier.value, fresh=fresh)
        if pmid:
            record.fill_gaps_from(pubmed.fetch_article(pmid, fresh=fresh))
            sources.append("PubMed")
        else:
            warnings.append("PubMed has no article with this DOI, so it gave no study design.")
    except CitationServiceError as problem:
        warnings.append(f"{problem} The PMID and PubMed's study design are missing.")
    return LookupResult(identifier, record, sources, warnings)


def _from_pmid(identifier, fresh):
    record = pubmed.fetch_article(identifier.value, fresh=fresh)
    sources, warnings = ["PubMed"], []
    if record.doi:
        try:
            record.fill_gaps_from(crossref.fetch_work(record.doi, fresh=fresh))
            sources.append("Crossref")
        except RecordNotFound:
            pass
        except CitationServiceError as problem:
            warnings.append(f"{problem} Crossref's notices were not checked.")
    return LookupResult(identifier, record, sources, warnings)
