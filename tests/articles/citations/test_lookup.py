"""Studies filled from ten real identifiers, each answered by its recorded response."""

from datetime import date

import pytest

from articles.citations.fill import study_values
from articles.citations.lookup import look_up
from articles.citations.records import CORRECTION, EXPRESSION_OF_CONCERN, RETRACTION

pytestmark = pytest.mark.django_db

# (identifier as an editor might paste it, fields filled, what some of them say)
REAL_IDENTIFIERS = [
    ("https://pubmed.ncbi.nlm.nih.gov/23121403/",
     {"title", "journal", "year", "month", "volume", "issue", "pages", "authors", "doi", "pmid",
      "design"},
     {"journal": "The New England Journal of Medicine", "year": "2012", "month": "11",
      "volume": "367", "issue": "21", "pages": "1979-87", "design": "rct",
      "doi": "10.1056/NEJMoa1210384"}),
    ("PMID: 35830032",
     {"title", "journal", "year", "volume", "issue", "pages", "authors", "doi", "pmid", "design"},
     {"journal": "Arquivos de Gastroenterologia", "design": "meta-analysis", "pages": "219-225",
      "authors": "Chinzon D, Domingues G, Tosetto N, Perrotti M"}),
    ("33856845",
     {"title", "journal", "year", "month", "volume", "issue", "pages", "authors", "doi", "pmid",
      "design"},
     {"design": "systematic-review", "journal": "Psychiatric Rehabilitation Journal",
      "volume": "44", "issue": "4", "pages": "337-353", "doi": "10.1037/prj0000481"}),
    ("https://www.ncbi.nlm.nih.gov/pubmed/35649368",
     {"title", "journal", "year", "month", "volume", "issue", "pages", "authors", "doi", "pmid"},
     {"journal": "Cell Reports", "pages": "110870", "month": "5"}),
    ("10.1021/acs.orglett.9b00971",
     {"title", "journal", "year", "month", "volume", "issue", "pages", "authors", "doi"},
     {"journal": "Organic Letters", "year": "2019", "month": "4", "volume": "21", "issue": "8",
      "pages": "2918-2922",
      "authors": "Mansfield SJ, Smith RC, Yong JRJ, Garry OL, Anderson EA"}),
    ("https://doi.org/10.1016/s0140-6736(97)11096-0",
     {"title", "journal", "year", "month", "authors", "doi"},
     {"journal": "The Lancet", "year": "1998", "month": "2"}),
    ("doi:10.1056/NEJMOA2007621",
     {"title", "journal", "year", "month", "authors", "doi"},
     {"journal": "New England Journal of Medicine", "doi": "10.1056/nejmoa2007621"}),
    ("10.1016/j.ejogrb.2014.02.038",
     {"title", "journal", "year", "month", "authors", "doi", "design"},
     {"journal": "European Journal of Obstetrics & Gynecology and Reproductive Biology",
      "design": "rct"}),
    ("http://dx.doi.org/10.1002/14651858.cd008900.pub3",
     {"title", "journal", "year", "month", "authors", "doi", "design"},
     {"journal": "Cochrane Database of Systematic Reviews", "title": "Cerebrolysin for vascular "
      "dementia", "design": "systematic-review"}),
    ("10.1002/sm2.65",
     {"title", "journal", "year", "month", "authors", "doi", "design"},
     {"journal": "Sexual Medicine", "design": "systematic-review"}),
]  # fmt: skip


@pytest.mark.parametrize(("identifier", "filled", "expected"), REAL_IDENTIFIERS)
def test_a_study_is_filled_from_its_real_record(recorded_services, identifier, filled, expected):
    values = study_values(look_up(identifier).record)
    assert set(values) == filled
    assert {name: values[name] for name in expected} == expected


def test_a_doi_that_pubmed_knows_brings_the_pmid_and_pubmeds_design(recorded_services):
    # Crossref has no recording of this DOI; PubMed finds the article by it.
    result = look_up("https://doi.org/10.1056/NEJMoa1210384")
    assert result.record.pmid == "23121403"
    assert result.record.design == "rct"
    assert result.record.design_basis == "PubMed publication types"
    assert len(result.record.authors) == 13  # 12 people and the ASPIRE Investigators
    assert result.record.authors[-1] == "ASPIRE Investigators"


def test_a_pmid_with_a_doi_is_also_checked_with_crossref(recorded_services):
    result = look_up("35830032")
    asked = [path for path, _, _ in recorded_services.requests]
    assert "/eutils/efetch.fcgi" in asked
    assert any(path.startswith("/crossref/works/10.1590/") for path in asked)
    assert result.sources == ["PubMed"]  # Crossref has no recording of it: PubMed alone


def test_comments_on_a_trial_are_not_corrections(recorded_services):
    assert look_up("23121403").record.notices == []  # eight CommentIn, no erratum


def test_a_retraction_and_a_correction_from_crossref_with_their_dates(recorded_services):
    notices = look_up("10.1016/s0140-6736(97)11096-0").record.notices
    assert [(n.kind, n.published_on, n.doi) for n in notices] == [
        (RETRACTION, date(2010, 2, 6), "10.1016/s0140-6736(10)60175-4"),
        (CORRECTION, date(2004, 3, 6), "10.1016/s0140-6736(04)15715-2"),
    ]
    assert notices[0].sources == ("Crossref (Retraction Watch)",)


def test_one_expression_of_concern_reported_twice_is_one_notice_with_the_earliest_date(
    recorded_services,
):
    (notice,) = look_up("10.1016/j.ejogrb.2014.02.038").record.notices
    assert notice.kind == EXPRESSION_OF_CONCERN
    assert notice.published_on == date(2024, 6, 27)
    assert notice.sources == ("Crossref (the publisher)", "Crossref (Retraction Watch)")


def test_a_new_version_of_a_review_is_not_a_notice(recorded_services):
    assert look_up("10.1002/14651858.cd008900.pub3").record.notices == []


def test_an_erratum_in_pubmed_is_a_correction_dated_from_its_citation(recorded_services):
    (notice,) = look_up("35649368").record.notices
    assert (notice.kind, notice.published_on, notice.doi) == (
        CORRECTION, date(2022, 6, 28), "10.1016/j.celrep.2022.111044"
    )  # fmt: skip
    assert notice.url == "https://pubmed.ncbi.nlm.nih.gov/35767954/"


def test_a_retracted_publication_in_pubmed_is_a_retraction(recorded_services):
    # The hand-made record (tests/articles/citations/fixtures/README.md).
    (notice,) = look_up("993").record.notices
    assert (notice.kind, notice.published_on) == (RETRACTION, date(1977, 4, 15))
    assert notice.url == "https://pubmed.ncbi.nlm.nih.gov/195582/"
