"""What readers see on an article: notices about its studies, its corrections, the clinic's
interest in the treatment, the reviewer's registration and the editorial policy."""

import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.citations.watch import resolve_citation_notice
from articles.models import Article, ArticleChange, CitationNotice
from articles.services import record_substantive_update
from articles.views.article_parts import shared_changed
from tests.clinic.seo.vocabulary import vocabulary
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db
Kind = CitationNotice.Kind


def _notice(study, kind, on, doi):
    return CitationNotice.objects.create(
        study=study, kind=kind, notice_key=kind if kind == Kind.RETRACTION else doi,
        published_on=on, notice_doi=doi, source="Crossref (Retraction Watch)",
    )  # fmt: skip


def _graph(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)["@graph"]


def _page_node(html):
    return next(node for node in _graph(html) if node["@type"] == "MedicalWebPage")


@pytest.fixture
def retracted(db):
    study = StudyFactory(title="Ileal-lymphoid-nodular hyperplasia in children")
    _notice(study, Kind.RETRACTION, date(2010, 2, 6), "10.1016/s0140-6736(10)60175-4")
    _notice(study, Kind.CORRECTION, date(2004, 3, 6), "10.1016/s0140-6736(04)15715-2")
    return study


def test_a_dated_notice_stands_above_a_retracted_study(client, retracted):
    html = client.get(retracted.article.get_absolute_url()).text
    notice = "This study was retracted on 6 February 2010;</strong> our reviewers are re-checking"
    assert notice in html
    assert html.index(notice) < html.index("The study at a glance")
    assert 'href="https://doi.org/10.1016/s0140-6736(10)60175-4"' in html
    assert "The journal published a correction to this study on 6 March 2004" in html


def test_notices_are_correction_comments_in_the_structured_data(client, retracted):
    page = _page_node(client.get(retracted.article.get_absolute_url()).text)
    corrections = page["citation"][0]["correction"]
    assert corrections[0] == {
        "@type": "CorrectionComment", "name": "Retraction",
        "text": "This study was retracted on 6 February 2010.", "datePublished": "2010-02-06",
        "url": "https://doi.org/10.1016/s0140-6736(10)60175-4",
    }  # fmt: skip
    assert corrections[1]["name"] == "Correction"
    assert vocabulary().problems(page) == []


def test_after_review_a_retraction_stays_with_the_reviewers_note_and_a_correction_goes(
    client, retracted
):
    reviewer = PersonFactory()
    for notice in retracted.notices.all():
        resolve_citation_notice(
            notice=notice, reviewer=reviewer, note=f"Checked the {notice.kind}."
        )
    html = client.get(retracted.article.get_absolute_url()).text
    assert "re-checking" not in html
    today = timezone.localdate()
    assert (f"This study was retracted on 6 February 2010.</strong> Our reviewers re-checked this "
            f"summary on <time datetime=\"{today:%Y-%m-%d}\">") in html  # fmt: skip
    assert "The journal published a correction" not in html
    corrections = html[html.index('id="corrections-heading"') :]
    assert "Checked the retraction." in corrections and "Checked the correction." in corrections


def test_corrections_are_listed_apart_from_updates(client):
    article = ArticleFactory()
    record_substantive_update(article=article, note="Added the 2024 follow-up.")
    record_substantive_update(article=article, note="The dose was 0.5 mg/kg, not 5 mg/kg.",
                              kind=ArticleChange.Kind.CORRECTION)  # fmt: skip
    html = client.get(article.get_absolute_url()).text
    corrections = html[html.index('id="corrections-heading"') : html.index('id="changes-heading"')]
    assert "not 5 mg/kg" in corrections and "2024 follow-up" not in corrections
    assert "2024 follow-up" in html[html.index('id="changes-heading"') :]
    page = _page_node(html)
    assert [c["text"] for c in page["correction"]] == ["The dose was 0.5 mg/kg, not 5 mg/kg."]


def test_the_clinic_discloses_that_it_offers_the_treatment(client):
    ketamine = TopicFactory(name="Ketamine-assisted therapy", is_clinic_service=True)
    article = ArticleFactory()
    article.topics.set([ketamine, TopicFactory(name="PTSD")])
    html = client.get(article.get_absolute_url()).text
    assert "<strong>Disclosure:</strong> Our clinic offers treatments discussed in this summary " \
           "(Ketamine-assisted therapy)." in html  # fmt: skip
    assert html.index("Disclosure:") < html.index('class="disclaimer')


@pytest.mark.parametrize(
    ("setting", "is_service", "shown"),
    [
        (Article.ServiceDisclosure.FROM_TOPICS, False, False),
        (Article.ServiceDisclosure.HIDDEN, True, False),
        (Article.ServiceDisclosure.SHOWN, False, True),
    ],
)
def test_the_disclosure_can_be_set_per_article(client, setting, is_service, shown):
    article = ArticleFactory(service_disclosure=setting)
    article.topics.set([TopicFactory(is_clinic_service=is_service)])
    html = client.get(article.get_absolute_url()).text
    assert ("Disclosure:" in html) is shown
    if shown:
        assert "offers the treatment discussed in this summary." in html


def test_the_reviewers_registration_stands_beside_their_name(client):
    reviewer = PersonFactory(
        name="Dr Ana Ruiz", regulator="College of Physicians and Surgeons of Ontario",
        registration_number="123456", register_url="https://register.example.org/123456",
    )  # fmt: skip
    article = ArticleFactory(reviewer=reviewer, reviewed_on=date(2025, 3, 1))
    html = client.get(article.get_absolute_url()).text
    line = html[html.index('class="review-line"') :]
    line = line[: line.index("</p>")]
    assert "(College of Physicians and Surgeons of Ontario, registration 123456, " in line
    assert 'href="https://register.example.org/123456"' in line


def test_every_article_links_to_the_editorial_policy(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).text
    assert f'href="{reverse("articles:editorial-policy")}"' in html
    policy = "http://testserver" + reverse("articles:editorial-policy")
    assert _page_node(html)["publishingPrinciples"] == policy
    organization = next(n for n in _graph(html) if n["@type"] == "MedicalOrganization")
    assert organization["publishingPrinciples"] == policy


@override_settings(PAGE_CACHE_SECONDS=0)
def test_notices_cost_one_query_and_only_when_there_are_any(client, retracted):
    plain = StudyFactory().article
    client.get(plain.get_absolute_url())  # the site-wide parts are cached from here on
    shared_changed()  # each page below is made afresh, not from its kept parts
    with CaptureQueriesContext(connection) as without:
        client.get(plain.get_absolute_url())
    with CaptureQueriesContext(connection) as with_notices:
        client.get(retracted.article.get_absolute_url())
    assert len(with_notices) == len(without) + 1
