"""Every way an editor writes a DOI or PMID is understood; anything else is refused clearly."""

import pytest

from articles.citations.identifiers import (
    DOI,
    PMID,
    InvalidIdentifier,
    doi_variants,
    normalise_doi,
    parse_identifier,
)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("10.4088/JCP.22br14564", DOI, "10.4088/JCP.22br14564"),
        ("  doi:10.4088/JCP.22br14564. ", DOI, "10.4088/JCP.22br14564"),
        ("DOI: 10.1176/appi.ajp.2020.20050596", DOI, "10.1176/appi.ajp.2020.20050596"),
        ("https://doi.org/10.1016/s0140-6736(97)11096-0", DOI, "10.1016/s0140-6736(97)11096-0"),
        ("http://dx.doi.org/10.1002/sm2.65", DOI, "10.1002/sm2.65"),
        ("doi.org/10.1056/NEJMoa1210384", DOI, "10.1056/NEJMoa1210384"),
        ("https://doi.org/10.1016%2Fs0140-6736%2897%2911096-0", DOI,
         "10.1016/s0140-6736(97)11096-0"),
        ("10.1037//0022-006x.70.4.867", DOI, "10.1037//0022-006x.70.4.867"),
        ("23121403", PMID, "23121403"),
        ("PMID: 23121403", PMID, "23121403"),
        ("pmid23121403", PMID, "23121403"),
        ("https://pubmed.ncbi.nlm.nih.gov/33856845/", PMID, "33856845"),
        ("pubmed.ncbi.nlm.nih.gov/33856845", PMID, "33856845"),
        ("https://www.ncbi.nlm.nih.gov/pubmed/23121403", PMID, "23121403"),
    ],
)  # fmt: skip
def test_dois_pmids_and_their_links_are_read(text, kind, value):
    identifier = parse_identifier(text)
    assert (identifier.kind, identifier.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a DOI"),
        ("ketamine ptsd", "neither a DOI"),
        ("0123", "neither a DOI"),
        ("1234567890", "neither a DOI"),
        ("https://example.org/10.1000/abc", "Only doi.org and PubMed addresses"),
        ("https://pubmed.ncbi.nlm.nih.gov/?term=ketamine", "does not name one article"),
        ("https://doi.org/", "does not end in a DOI"),
        ("10." + "x" * 600, "too long"),
    ],
)
def test_anything_else_is_refused_with_a_message_for_editors(text, message):
    with pytest.raises(InvalidIdentifier, match=message):
        parse_identifier(text)


def test_doi_keys_ignore_letter_case():
    assert (
        parse_identifier("10.1056/NEJMoa1210384").key
        == parse_identifier("https://doi.org/10.1056/nejmoa1210384").key
    )


def test_the_old_apa_double_slash_is_also_tried_with_one_slash():
    assert doi_variants("10.1037//0022-006x.70.4.867") == [
        "10.1037//0022-006x.70.4.867",
        "10.1037/0022-006x.70.4.867",
    ]
    assert doi_variants("10.1002/sm2.65") == ["10.1002/sm2.65"]


def test_normalise_doi_gives_nothing_for_text_without_a_doi():
    assert normalise_doi("not a doi") == ""
    assert normalise_doi("") == ""
