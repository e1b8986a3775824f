"""The one client: polite, paced, cached, and clear when a service cannot answer."""

import pytest

from articles.citations import client
from articles.citations.client import (
    CROSSREF,
    EUTILS,
    RateLimiter,
    RecordNotFound,
    ServiceUnavailable,
    fetch,
)
from articles.citations.lookup import look_up

pytestmark = pytest.mark.django_db


def test_requests_name_the_site_and_a_contact_address(recorded_services):
    look_up("https://doi.org/10.1056/NEJMoa1210384")
    (crossref, _, crossref_headers), *pubmed = recorded_services.requests
    assert crossref.startswith("/crossref/works/10.1056/")
    assert "mailto:library@example.org" in crossref_headers["User-Agent"]
    for path, query, headers in pubmed:
        assert "ClinicResearchLibrary/1.0" in headers["User-Agent"]
        assert path.startswith("/eutils/")
        assert query["tool"] == "clinic-research-library"
        assert query["email"] == "library@example.org"
        assert query["api_key"] == "test-key"


def test_crossref_is_asked_with_mailto_for_its_polite_pool(recorded_services):
    fetch(CROSSREF, "works/10.1002/sm2.65")
    (_, query, _), = recorded_services.requests  # fmt: skip
    assert query == {"mailto": "library@example.org"}


def test_the_clinic_profiles_address_is_used_when_no_setting_names_one(recorded_services, settings):
    from clinic.domain.models import ClinicProfile

    settings.CITATIONS_CONTACT_EMAIL = ""
    profile = ClinicProfile.load()
    profile.contact_email = "hello@clinic.example"
    profile.save()
    fetch(CROSSREF, "works/10.1002/sm2.65")
    assert recorded_services.requests[0][1] == {"mailto": "hello@clinic.example"}


def test_a_second_look_up_is_answered_from_the_cache(recorded_services):
    first = look_up("33856845")
    asked = len(recorded_services.requests)
    second = look_up("33856845")
    assert len(recorded_services.requests) == asked
    assert second.record == first.record


def test_fresh_asks_again(recorded_services):
    fetch(EUTILS, "efetch.fcgi", {"db": "pubmed", "id": "993", "retmode": "xml"})
    fetch(EUTILS, "efetch.fcgi", {"db": "pubmed", "id": "993", "retmode": "xml"}, fresh=True)
    assert len(recorded_services.requests) == 2


def test_no_such_record_is_remembered_for_a_while(recorded_services):
    for _ in range(2):
        with pytest.raises(RecordNotFound):
            fetch(CROSSREF, "works/10.9999/none")
    assert len(recorded_services.requests) == 1


def test_an_unreachable_service_says_so(settings):
    # tests/conftest.py points both services at the discard port, which refuses.
    with pytest.raises(ServiceUnavailable, match=r"^Crossref could not be reached \("):
        look_up("10.1002/sm2.65")


def test_a_slow_service_times_out_in_the_configured_seconds(recorded_services, settings):
    settings.CITATIONS_TIMEOUT_SECONDS = 0.3
    recorded_services.hold_answers()
    with pytest.raises(ServiceUnavailable, match="no answer within 0.3 seconds"):
        look_up("23121403")


@pytest.mark.parametrize(
    ("status", "message"),
    [(503, r"PubMed had a problem answering \(HTTP 503\)"), (429, "asked us to slow down")],
)
def test_a_broken_or_busy_service_says_so(recorded_services, status, message):
    recorded_services.fail_with = status
    with pytest.raises(ServiceUnavailable, match=message):
        look_up("23121403")


def test_crossref_being_down_leaves_pubmeds_record_and_says_what_was_not_checked(
    recorded_services,
):
    fetch(EUTILS, "efetch.fcgi", {"db": "pubmed", "id": "35830032", "retmode": "xml"})
    recorded_services.fail_with = 503
    result = look_up("35830032")
    assert result.record.design == "meta-analysis"
    assert result.warnings == [
        "Crossref had a problem answering (HTTP 503). Crossref's notices were not checked."
    ]


def test_pubmed_down_leaves_crossrefs_record_and_says_what_is_missing(recorded_services):
    fetch(CROSSREF, "works/10.1002/sm2.65")  # Crossref's answer is now cached
    recorded_services.fail_with = 503
    result = look_up("10.1002/sm2.65")
    assert result.record.journal == "Sexual Medicine"
    assert result.warnings == [
        "PubMed had a problem answering (HTTP 503). The PMID and PubMed's study design are missing."
    ]


def test_ncbi_pace_is_3_a_second_without_a_key_and_10_with_one(settings):
    settings.NCBI_API_KEY = ""
    assert 1 / EUTILS.interval() < 3
    settings.NCBI_API_KEY = "key"
    assert 3 < 1 / EUTILS.interval() < 10


def test_crossref_pace_follows_its_rate_limit_headers(recorded_services):
    CROSSREF.stated_interval = None
    assert CROSSREF.interval() == pytest.approx(1 / 5)
    recorded_services.headers = {"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s"}
    fetch(CROSSREF, "works/10.1002/sm2.65")
    assert CROSSREF.interval() == pytest.approx(1 / 10)


def test_the_rate_limiter_spaces_calls(monkeypatch):
    clock = {"now": 100.0}
    slept = []
    monkeypatch.setattr(client.time, "monotonic", lambda: clock["now"])
    monkeypatch.setattr(client.time, "sleep", slept.append)
    limiter = RateLimiter()
    for _ in range(3):
        limiter.wait(0.34)
    assert slept == pytest.approx([0.34, 0.68])
