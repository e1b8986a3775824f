"""“Fill from identifier” on the study form: without JavaScript, and through the JSON view."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, Study
from tests.factories import PersonFactory, StudyFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

ADD = "admin:articles_article_add"
LOOKUP = "admin:articles_article_study_lookup"


def _new_article_form(admin_client, **changes):
    author = PersonFactory()
    page = admin_client.get(reverse(ADD))
    return form_data(
        page,
        title="Aspirin after a clot",
        slug="aspirin-after-a-clot",
        summary="A trial of low-dose aspirin.",
        author=str(author.pk),
        body="## Key findings",
        **changes,
    )


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_fill_button_and_its_script_are_on_the_study_form(admin_client):
    html = admin_client.get(reverse(ADD)).text
    assert 'name="_fill_study" value="studies-0"' in html
    assert 'id="id_studies-0-lookup"' in html
    assert "js/study-fill.js" in html


def test_without_javascript_the_form_comes_back_filled_and_unsaved(admin_client, recorded_services):
    data = _new_article_form(admin_client, **{"studies-0-lookup": "PMID: 23121403"})
    response = admin_client.post(reverse(ADD), {**data, "_fill_study": "studies-0"})
    assert response.status_code == 200
    assert not Article.objects.exists()
    (message,) = _messages(response)
    assert message.startswith("Study 1: Filled from PubMed (PMID 23121403). Filled: title, "
                              "journal, year, month, volume, issue, pages, authors, DOI, "
                              "PubMed ID, design.")  # fmt: skip
    assert "Suggested design: Randomised controlled trial, from PubMed publication types." in (
        message
    )
    assert "errornote" not in response.text  # the article's own empty fields are not errors
    filled = form_data(response)
    assert filled["title"] == ["Aspirin after a clot"]  # what the editor typed stays
    assert filled["studies-0-journal"] == ["The New England Journal of Medicine"]
    assert filled["studies-0-design"] == ["rct"]
    assert "Not saved yet:" in response.text  # the evidence box reads the suggested design
    assert "Randomised controlled trials" in response.text


def test_saving_the_filled_form_keeps_the_record(admin_client, recorded_services):
    data = _new_article_form(admin_client, **{"studies-0-lookup": "23121403"})
    filled = form_data(admin_client.post(reverse(ADD), {**data, "_fill_study": "studies-0"}))
    response = admin_client.post(reverse(ADD), filled)
    assert response.status_code == 302
    study = Study.objects.get()
    assert (study.pmid, study.doi, study.design) == ("23121403", "10.1056/NEJMoa1210384", "rct")
    assert study.locator == "367(21):1979-87"
    assert study.authors.endswith("ASPIRE Investigators")


def test_filling_an_existing_study_says_what_it_replaced(admin_client, recorded_services):
    study = StudyFactory(doi="10.1016/j.ejogrb.2014.02.038", title="Catheter removal", design="")
    change = reverse("admin:articles_article_change", args=[study.article.pk])
    data = form_data(admin_client.get(change))
    response = admin_client.post(change, {**data, "_fill_study": "studies-0"})
    (message,) = _messages(response)
    assert "Filled from Crossref (DOI 10.1016/j.ejogrb.2014.02.038)." in message
    assert "Replaced: title, journal, year, authors." in message
    assert "Suggested design: Randomised controlled trial, from the title." in message
    study.refresh_from_db()
    assert study.title == "Catheter removal"  # nothing saved until the editor saves


def test_an_unreachable_service_loses_nothing_typed(admin_client):
    data = _new_article_form(admin_client, **{
        "studies-0-lookup": "10.1002/sm2.65", "studies-0-title": "Typed by hand",
    })  # fmt: skip
    response = admin_client.post(reverse(ADD), {**data, "_fill_study": "studies-0"})
    (message,) = _messages(response)
    assert message.startswith("Study 1 was not filled. Crossref could not be reached (")
    assert message.endswith("Nothing you typed was changed: fill in the study by hand, or try "
                            "again later.")  # fmt: skip
    assert form_data(response)["studies-0-title"] == ["Typed by hand"]
    assert not Article.objects.exists()


def test_a_bad_identifier_is_explained(admin_client, recorded_services):
    data = _new_article_form(admin_client, **{"studies-0-lookup": "ketamine ptsd"})
    response = admin_client.post(reverse(ADD), {**data, "_fill_study": "studies-0"})
    (message,) = _messages(response)
    assert message.startswith("Study 1 was not filled. That is neither a DOI")
    assert recorded_services.requests == []


def test_the_json_view_gives_the_values_to_fill(admin_client, recorded_services):
    response = admin_client.get(reverse(LOOKUP), {"identifier": "https://doi.org/10.1002/sm2.65"})
    assert response.status_code == 200
    data = response.json()
    assert data["values"]["journal"] == "Sexual Medicine"
    assert data["values"]["design"] == "systematic-review"
    assert data["labels"]["pmid" if "pmid" in data["values"] else "doi"] in {"PubMed ID", "DOI"}
    assert data["source"] == "Filled from Crossref (DOI 10.1002/sm2.65)."
    assert data["design"] == "Suggested design: Systematic review, from the title."


@pytest.mark.parametrize(
    ("identifier", "status", "message"),
    [("not an id", 400, "That is neither a DOI"), ("10.9999/nothing", 404, "Neither Crossref")],
)
def test_the_json_view_explains_what_it_cannot_fill(
    admin_client, recorded_services, identifier, status, message
):
    response = admin_client.get(reverse(LOOKUP), {"identifier": identifier})
    assert response.status_code == status
    assert response.json()["message"].startswith(message)


def test_the_json_view_says_when_a_service_is_down(admin_client):
    response = admin_client.get(reverse(LOOKUP), {"identifier": "23121403"})
    assert response.status_code == 502
    assert response.json()["message"].startswith("PubMed could not be reached (")


def test_the_json_view_is_for_staff_who_edit_articles(client, django_user_model):
    url = reverse(LOOKUP) + "?identifier=23121403"
    assert client.get(url).status_code == 302  # to the login
    client.force_login(django_user_model.objects.create_user("desk", is_staff=True))
    assert client.get(url).status_code == 403
