"""The nightly citation check against recorded retractions, corrections and concerns."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from articles.citations.watch import check_citations
from articles.models import Article, CitationNotice
from tests.factories import StudyFactory

pytestmark = pytest.mark.django_db

Kind = CitationNotice.Kind


def _found(study):
    return [(n.kind, n.published_on, n.notice_doi or n.notice_url) for n in
            study.notices.order_by("kind", "published_on")]  # fmt: skip


def test_a_retraction_and_an_earlier_correction_are_recorded(recorded_services, capsys):
    study = StudyFactory(doi="10.1016/s0140-6736(97)11096-0", article__title="Gut and autism")
    call_command("check_citations")
    assert _found(study) == [
        (Kind.CORRECTION, date(2004, 3, 6), "10.1016/s0140-6736(04)15715-2"),
        (Kind.RETRACTION, date(2010, 2, 6), "10.1016/s0140-6736(10)60175-4"),
    ]
    out = capsys.readouterr().out
    assert out.startswith("Checked 1 identifier(s) cited by 1 study record(s).")
    assert "New retraction (6 February 2010) https://doi.org/10.1016/s0140-6736(10)60175-4" in out
    assert "cited by “Gut and autism”" in out


def test_an_expression_of_concern_then_a_retraction(recorded_services):
    study = StudyFactory(doi="10.1056/nejmoa2007621")
    check_citations()
    assert _found(study) == [
        (Kind.EXPRESSION_OF_CONCERN, date(2020, 6, 2), "10.1056/nejme2020822"),
        (Kind.RETRACTION, date(2020, 6, 4), "10.1056/nejmc2021225"),
    ]


def test_one_concern_reported_by_two_sources_is_recorded_once(recorded_services):
    study = StudyFactory(doi="10.1016/j.ejogrb.2014.02.038")
    check_citations()
    (notice,) = study.notices.all()
    assert (notice.kind, notice.published_on) == (Kind.EXPRESSION_OF_CONCERN, date(2024, 6, 27))
    assert notice.source == "Crossref (the publisher), Crossref (Retraction Watch)"


def test_pubmed_erratum_and_retraction_are_recorded(recorded_services):
    corrected = StudyFactory(pmid="35649368")
    retracted = StudyFactory(pmid="993")
    check_citations()
    assert _found(corrected) == [
        (Kind.CORRECTION, date(2022, 6, 28), "10.1016/j.celrep.2022.111044")
    ]
    assert _found(retracted) == [
        (Kind.RETRACTION, date(1977, 4, 15), "https://pubmed.ncbi.nlm.nih.gov/195582/")
    ]


@pytest.mark.parametrize(
    "identifiers",
    [
        {"doi": "10.1002/14651858.cd008900.pub3"},  # a new version of a Cochrane review
        {"doi": "10.1002/sm2.65"},  # clean
        {"pmid": "23121403", "doi": "10.1056/NEJMoa1210384"},  # eight comments, no erratum
        {"pmid": "33856845"},
    ],
)
def test_studies_without_notices_stay_clear(recorded_services, identifiers):
    StudyFactory(**identifiers)
    report = check_citations()
    assert report.new_notices == [] and report.problems == []
    assert not CitationNotice.objects.exists()


def test_checking_again_finds_nothing_new(recorded_services):
    StudyFactory(doi="10.1056/nejmoa2007621")
    assert len(check_citations().new_notices) == 2
    report = check_citations()
    assert report.new_notices == []
    assert CitationNotice.objects.count() == 2


def test_one_lookup_for_studies_citing_the_same_doi(recorded_services):
    StudyFactory(doi="10.1056/NEJMOA2007621")
    StudyFactory(doi="https://doi.org/10.1056/nejmoa2007621".removeprefix("https://doi.org/"))
    report = check_citations()
    assert (report.identifiers_checked, report.studies_checked) == (1, 2)
    assert len([path for path, _, _ in recorded_services.requests]) == 1
    assert CitationNotice.objects.count() == 4


def test_the_check_asks_the_services_afresh(recorded_services):
    StudyFactory(pmid="993")
    check_citations()
    check_citations()
    assert len(recorded_services.requests) == 2


def test_a_service_that_cannot_be_reached_fails_the_run_and_is_tried_next_time(
    recorded_services, capsys
):
    StudyFactory(doi="10.1016/s0140-6736(97)11096-0", pmid="993")
    recorded_services.fail_with = 503
    with pytest.raises(CommandError, match=r"2 look-up\(s\) failed"):
        call_command("check_citations")
    assert "Not checked: DOI 10.1016/s0140-6736(97)11096-0: Crossref had a problem" in (
        capsys.readouterr().err
    )
    assert not CitationNotice.objects.exists()
    recorded_services.fail_with = None
    call_command("check_citations")
    retraction = CitationNotice.objects.get(kind=Kind.RETRACTION)  # one, whoever reported it
    assert retraction.source == "Crossref (Retraction Watch), PubMed"
    assert retraction.published_on == date(1977, 4, 15)  # the earlier date of the two
    assert CitationNotice.objects.filter(kind=Kind.CORRECTION).count() == 1


def test_studies_without_identifiers_are_not_looked_up(recorded_services):
    StudyFactory()
    assert check_citations().identifiers_checked == 0
    assert recorded_services.requests == []


def test_a_notice_marks_the_article_for_review(recorded_services):
    study = StudyFactory(pmid="993")
    StudyFactory(pmid="33856845")
    check_citations()
    assert list(Article.objects.with_open_citation_notices()) == [study.article]
