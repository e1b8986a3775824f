"""What an editor may type to name a study: a DOI, a PubMed ID, or a link to either.

`parse_identifier` accepts "10.4088/JCP.22br14564", "doi:10.4088/...", https://doi.org/...,
http://dx.doi.org/..., "PMID: 23121403", https://pubmed.ncbi.nlm.nih.gov/23121403/ and the old
www.ncbi.nlm.nih.gov/pubmed/ addresses, and says clearly what it cannot read.
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

DOI = "doi"
PMID = "pmid"

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID = re.compile(r"^[1-9]\d{0,8}$")
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_PUBMED_HOSTS = {"pubmed.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov"}
# Copied citations often end a DOI with the sentence's full stop or a closing bracket.
_TRAILING = ".,;:"


class InvalidIdentifier(ValueError):
    """The text is not a DOI, a PubMed ID or a link to one; the message says what to type."""


@dataclass(frozen=True)
class Identifier:
    kind: str  # DOI or PMID
    value: str

    def __str__(self):
        return f"DOI {self.value}" if self.kind == DOI else f"PMID {self.value}"

    @property
    def key(self):
        """The same for every spelling of the same identifier (DOIs ignore letter case)."""
        return f"{self.kind}:{self.value.lower()}"


def normalise_doi(text):
    """A bare DOI from a DOI, a doi: prefix or a doi.org link; "" when there is none."""
    text = unquote((text or "").strip())
    text = re.sub(r"^(?:https?://)?(?:dx\.|www\.)?doi\.org/", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^doi:\s*", "", text, flags=re.IGNORECASE)
    text = text.rstrip(_TRAILING)
    return text if _DOI.match(text) else ""


def doi_variants(doi):
    """The DOI to ask for, then its single-slash form if it has the old `10.1037//` double
    slash (PubMed prints it for many 2001–2002 APA papers; registries may know either)."""
    prefix, _, suffix = doi.partition("/")
    variants = [doi]
    if suffix.startswith("/"):
        variants.append(f"{prefix}/{suffix.lstrip('/')}")
    return variants


def _from_url(text):
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = (parts.hostname or "").lower()
    if host in _DOI_HOSTS:
        doi = normalise_doi(parts.path.lstrip("/"))
        if doi:
            return Identifier(DOI, doi)
        raise InvalidIdentifier("That doi.org address does not end in a DOI (10.xxxx/...).")
    if host in _PUBMED_HOSTS:
        match = re.search(r"(?:^|/)(?:pubmed/)?([1-9]\d{0,8})/?$", parts.path)
        if match:
            return Identifier(PMID, match.group(1))
        raise InvalidIdentifier("That PubMed address does not name one article.")
    raise InvalidIdentifier(
        "Only doi.org and PubMed addresses can be looked up. Paste the study's DOI or PubMed ID."
    )


def parse_identifier(text):
    """The Identifier that `text` names; raises InvalidIdentifier with a message for editors."""
    text = (text or "").strip()
    if not text:
        raise InvalidIdentifier("Type a DOI (10.xxxx/...) or a PubMed ID (a number) first.")
    if len(text) > 500:
        raise InvalidIdentifier("That is too long to be a DOI or a PubMed ID.")
    bare = re.sub(r"^pmid:?\s*", "", text, flags=re.IGNORECASE)
    if _PMID.match(bare):
        return Identifier(PMID, bare)
    if doi := normalise_doi(text):
        return Identifier(DOI, doi)
    if re.match(r"^(?:https?://|www\.|(?:dx\.)?doi\.org/|pubmed\.)", text, re.IGNORECASE):
        return _from_url(text)
    raise InvalidIdentifier(
        "That is neither a DOI (it starts with 10. and has a slash, such as "
        "10.4088/JCP.22br14564) nor a PubMed ID (a number of up to 9 digits)."
    )
