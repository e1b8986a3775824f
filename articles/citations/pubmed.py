"""PubMed's record of a PMID (E-utilities `efetch`), and the PMID of a DOI (`esearch`).

PubMed gives what Crossref does not: publication types (Meta-Analysis, Systematic Review,
Randomized Controlled Trial...), from which the design is suggested, and links to retraction,
erratum and expression-of-concern notices (CommentsCorrections), whose date is only in the
notice's citation text (“Cell Rep. 2022 Jun 28;39(13):111044.”).
"""

import json
import re

from defusedxml import ElementTree

from .client import EUTILS, CitationServiceError, RecordNotFound, fetch
from .design import design_from_publication_types, design_from_title
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

NOTICE_REFERENCES = {
    "RetractionIn": RETRACTION,
    "PartialRetractionIn": RETRACTION,
    "ErratumIn": CORRECTION,
    "CorrectedandRepublishedIn": CORRECTION,
    "ExpressionOfConcernIn": EXPRESSION_OF_CONCERN,
}
RETRACTED = "Retracted Publication"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_REF_DATE = re.compile(
    r"\b((?:1[89]|20)\d{2})(?:\s+([A-Z][a-z]{2})[a-z]*(?:\s+(\d{1,2}))?)?\s*[;:.(]"
)
_REF_DOI = re.compile(r"doi:\s*(10\.\d{4,9}/\S+?)\.?(?:\s|$)")
# Words NLM leaves in lower case inside a journal's title that stay so in title case.
_SMALL_WORDS = set(
    "a an and at by da de del der des di do du e et for in la le of on the to und y".split()
)


def pubmed_url(pmid):
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def find_pmid(doi, *, fresh=False):
    """The PMID of the one PubMed article with this DOI, or "" when there is none (or several)."""
    for variant in doi_variants(doi):
        params = {"db": "pubmed", "term": f"{variant}[doi]", "retmode": "json"}
        try:
            data = json.loads(fetch(EUTILS, "esearch.fcgi", params, fresh=fresh))
            ids = data["esearchresult"]["idlist"]
        except RecordNotFound:
            continue
        except (ValueError, KeyError, TypeError):
            raise CitationServiceError("PubMed's search answer could not be read.") from None
        if len(ids) == 1:
            return str(ids[0])
    return ""


def fetch_article(pmid, *, fresh=False):
    """The CitationRecord PubMed holds for `pmid`."""
    params = {"db": "pubmed", "id": pmid, "retmode": "xml"}
    text = fetch(EUTILS, "efetch.fcgi", params, fresh=fresh)
    try:
        root = ElementTree.fromstring(text.encode())
    except ElementTree.ParseError:
        raise CitationServiceError("PubMed sent an answer that is not readable XML.") from None
    for article in root.iter("PubmedArticle"):
        if (article.findtext("MedlineCitation/PMID") or "").strip() == pmid:
            return parse_article(article)
    raise RecordNotFound(f"PubMed has no article with PMID {pmid}.")


def parse_article(element):
    """A CitationRecord from one <PubmedArticle> element."""
    citation = element.find("MedlineCitation")
    article = citation.find("Article")
    pmid = (citation.findtext("PMID") or "").strip()
    title = _text(article.find("ArticleTitle"))
    title = title[:-1] if title.endswith(".") and not title.endswith("..") else title
    year, month = _issue_date(article.find("Journal/JournalIssue/PubDate"))
    types = [_text(node) for node in article.iterfind("PublicationTypeList/PublicationType")]
    design, basis = design_from_publication_types(types)
    journal = journal_title(article.findtext("Journal/Title") or "")
    if not design:
        design, basis = design_from_title(title, journal)
    return CitationRecord(
        source="PubMed",
        title=title,
        journal=journal,
        year=year,
        month=month,
        volume=(article.findtext("Journal/JournalIssue/Volume") or "").strip(),
        issue=(article.findtext("Journal/JournalIssue/Issue") or "").strip(),
        pages=(article.findtext("Pagination/MedlinePgn") or "").strip()
        or (article.findtext("Pagination/StartPage") or "").strip(),
        authors=_authors(article),
        doi=_doi(element, article),
        pmid=pmid,
        publication_types=types,
        design=design,
        design_basis=basis,
        notices=merge_notices(_notices(citation, pmid, types)),
    )


def _text(node):
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def journal_title(title):
    """NLM's “The New England journal of medicine” as “The New England Journal of Medicine”."""
    words = title.split()
    return " ".join(
        word[0].upper() + word[1:]
        if word.islower() and (index == 0 or word not in _SMALL_WORDS)
        else word
        for index, word in enumerate(words)
    )


def _issue_date(pub_date):
    if pub_date is None:
        return None, None
    text = pub_date.findtext("Year") or pub_date.findtext("MedlineDate") or ""
    year = re.search(r"\d{4}", text)
    month_text = pub_date.findtext("Month") or text[4:].strip()
    return (int(year.group()) if year else None), _month(month_text)


def _month(text):
    text = (text or "").strip()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTHS.index(text[:3].title()) + 1 if text[:3].title() in MONTHS else None


def _authors(article):
    names = []
    for author in article.iterfind("AuthorList/Author"):
        if author.get("ValidYN") == "N":
            continue
        last, initials = author.findtext("LastName"), author.findtext("Initials")
        name = f"{last} {initials or ''}".strip() if last else author.findtext("CollectiveName")
        if name:
            names.append(" ".join(name.split()))
    return names


def _doi(element, article):
    for node in [
        *article.iterfind("ELocationID[@EIdType='doi']"),
        *element.iterfind("PubmedData/ArticleIdList/ArticleId[@IdType='doi']"),
    ]:
        if (node.get("ValidYN") or "Y") == "Y" and (node.text or "").strip():
            return node.text.strip()
    return ""


def _reference_date(text):
    """(date, precision) from a notice's citation: “Biochem J. 1977 Apr 15;164(1):287-8”."""
    found = _REF_DATE.search(text)
    if not found:
        return None, ""
    return notice_date(int(found[1]), _month(found[2]), int(found[3]) if found[3] else None)


def _notices(citation, pmid, types):
    notices = []
    for reference in citation.iterfind("CommentsCorrectionsList/CommentsCorrections"):
        kind = NOTICE_REFERENCES.get(reference.get("RefType", ""))
        if kind is None:
            continue
        source_text = " ".join((reference.findtext("RefSource") or "").split())
        published_on, precision = _reference_date(source_text)
        doi = _REF_DOI.search(source_text)
        notice_pmid = (reference.findtext("PMID") or "").strip()
        notices.append(Notice(
            kind=kind, published_on=published_on, precision=precision or "day",
            doi=doi[1] if doi else "", url=pubmed_url(notice_pmid) if notice_pmid else "",
            sources=("PubMed",), label=source_text,
        ))  # fmt: skip
    if RETRACTED in types and not any(n.kind == RETRACTION for n in notices):
        notices.append(Notice(
            kind=RETRACTION, published_on=None, url=pubmed_url(pmid), sources=("PubMed",),
            label="PubMed lists this study as a retracted publication.",
        ))  # fmt: skip
    return notices
