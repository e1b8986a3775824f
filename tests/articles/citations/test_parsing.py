"""The small rules that turn a record into the study's fields."""

from datetime import date

import pytest

from articles.citations.crossref import initials, parse_work
from articles.citations.design import design_from_publication_types, design_from_title
from articles.citations.pubmed import journal_title
from articles.citations.records import CORRECTION, RETRACTION, Notice, merge_notices
from articles.models import Study


@pytest.mark.parametrize(
    ("types", "design"),
    [
        (["Journal Article", "Meta-Analysis", "Systematic Review"], Study.Design.META_ANALYSIS),
        (["Journal Article", "Systematic Review"], Study.Design.SYSTEMATIC_REVIEW),
        (["Multicenter Study", "Randomized Controlled Trial"], Study.Design.RCT),
        (["Case Reports"], Study.Design.CASE_SERIES),
        (["Journal Article", "Review"], ""),
        (["Clinical Trial"], ""),  # not said to be randomised
    ],
)
def test_pubmed_publication_types_suggest_a_design(types, design):
    assert design_from_publication_types(types)[0] == design


@pytest.mark.parametrize(
    ("title", "design"),
    [
        ("Combining Ketamine and Psychotherapy for the Treatment of Posttraumatic Stress "
         "Disorder: A Systematic Review and Meta-Analysis", Study.Design.META_ANALYSIS),
        ("A Randomized Controlled Trial of Repeated Ketamine Administration", Study.Design.RCT),
        ("Efficacy of Esketamine: A Randomized Double-Blind Active-Controlled Study",
         Study.Design.RCT),
        ("Ketamine for depression: a cohort study", Study.Design.COHORT),
        ("Cerebrolysin for vascular dementia", ""),
    ],
)  # fmt: skip
def test_the_title_suggests_a_design_when_pubmed_cannot(title, design):
    assert design_from_title(title)[0] == design


def test_a_cochrane_review_is_a_systematic_review():
    design, basis = design_from_title("Cerebrolysin", "Cochrane Database of Systematic Reviews")
    assert design == Study.Design.SYSTEMATIC_REVIEW and "Cochrane" in basis


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Amanda E.", "AE"), ("Jean-Paul", "JP"), ("AJ", "AJ"), ("A. J.", "AJ"), ("", "")],
)
def test_given_names_become_initials(given, expected):
    assert initials(given) == expected


def test_nlm_journal_titles_are_title_cased():
    assert journal_title("The New England journal of medicine") == (
        "The New England Journal of Medicine"
    )
    assert journal_title("Arquivos de gastroenterologia") == "Arquivos de Gastroenterologia"
    assert journal_title("BMJ (Clinical research ed.)") == "BMJ (Clinical Research Ed.)"


def test_crossref_markup_and_entities_are_plain_text():
    record = parse_work({
        "title": ["Ketamine in <i>vivo</i> &amp; in vitro"], "container-title": ["J &amp; K"],
        "issued": {"date-parts": [[2020]]}, "author": [{"name": "ASPIRE Investigators"}],
    })  # fmt: skip
    assert (record.title, record.journal, record.year, record.month) == (
        "Ketamine in vivo & in vitro", "J & K", 2020, None
    )  # fmt: skip
    assert record.authors == ["ASPIRE Investigators"]


def test_one_retraction_per_study_whoever_reports_it():
    crossref = Notice(RETRACTION, date(2010, 2, 6), doi="10.1/r", sources=("Crossref",))
    pubmed = Notice(RETRACTION, date(2010, 2, 2), url="https://pubmed/1", sources=("PubMed",))
    correction = Notice(CORRECTION, date(2004, 3, 6), doi="10.1/c", sources=("Crossref",))
    (retraction, other) = merge_notices([crossref, correction], [pubmed])
    assert (retraction.published_on, retraction.doi, retraction.url) == (
        date(2010, 2, 2), "10.1/r", "https://pubmed/1"
    )  # fmt: skip
    assert retraction.sources == ("Crossref", "PubMed")
    assert other is correction
