"""Help around the results: the crisis line, spelling suggestions, the no-results page,
whole-word highlights, and the synonym list Marketing edits."""

import pytest
from django.urls import reverse

from articles.models import SynonymGroup
from articles.search.crisis import is_crisis_query
from clinic.domain.models import ClinicProfile
from clinic.domain.models.profile import DEFAULT_CRISIS_LINE
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")


@pytest.mark.parametrize(
    "query",
    ["suicidal thoughts", "suicide", "I want to die", "self-harm", "self harm", "selfharm",
     "cutting myself", "kill myself", "don't want to live", "sucide", "in crisis",
     "overdose", "end it all", "better off dead"],
)  # fmt: skip
def test_crisis_words_in_patients_language_are_recognised(query):
    assert is_crisis_query(query)


@pytest.mark.parametrize("query", ["ketamine", "depression", "PTSD", "crispy", "self-esteem"])
def test_ordinary_searches_are_not_crisis_searches(query):
    assert not is_crisis_query(query)


def test_the_crisis_line_comes_first_whether_or_not_anything_matches(client):
    ArticleFactory(title="Suicide prevention research")
    for query in ["suicide prevention", "suicidal thoughts"]:
        text = client.get(URL, {"q": query}).text
        assert DEFAULT_CRISIS_LINE in text
        assert text.index(DEFAULT_CRISIS_LINE) < text.index('class="results-heading"')
    assert DEFAULT_CRISIS_LINE not in client.get(URL, {"q": "ketamine"}).text


def test_the_crisis_line_is_the_clinics_own_wording(client):
    profile = ClinicProfile.load()
    profile.crisis_line = "Call or text 988, any time."
    profile.save()
    html = client.get(URL, {"q": "self-harm"}).text
    assert 'Call or text <a class="phone-link" href="tel:988">988</a>, any time.' in html


def test_a_blank_crisis_line_is_refused():
    from django.core.exceptions import ValidationError

    profile = ClinicProfile.load()
    profile.crisis_line = "   "
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_accents_are_ignored_by_suggestions_and_highlights_on_either_database(client):
    ArticleFactory(
        title="Vestibular rehabilitation",
        summary="A trial by Núñez-Gutiérrez and colleagues in Montréal eased dizziness.",
    )
    search = client.get(URL, {"q": "gutierez", "as_typed": "1"}).context["search"]
    assert search.suggestion == "gutierrez"  # the word as both indexes fold it
    (article,) = client.get(URL, {"q": "montreal nunez"}).context["page_obj"].object_list
    assert "<mark>Montréal</mark>" in article.snippet and "<mark>Núñez" in article.snippet


def test_a_misspelling_that_finds_nothing_shows_the_corrected_results_at_once(client):
    ArticleFactory(title="Psychotherapy for panic", summary="Talking helps.")
    response = client.get(URL, {"q": "psychoterapy"})
    search = response.context["search"]
    assert (search.text, search.corrected_from) == ("psychotherapy", "psychoterapy")
    assert [a.title for a in response.context["page_obj"]] == ["Psychotherapy for panic"]
    assert (
        "Showing results for <strong>psychotherapy</strong> — search instead for "
        '<a href="/search/?q=psychoterapy&amp;as_typed=1">psychoterapy</a>'
    ) in response.text


def test_search_instead_searches_the_words_as_typed(client):
    ArticleFactory(title="Psychotherapy for panic", summary="Talking helps.")
    response = client.get(URL, {"q": "psychoterapy", "as_typed": "1"})
    assert response.context["search"].corrected_from == ""
    assert response.context["paginator"].count == 0
    assert 'Did you mean <a href="/search/?q=psychotherapy">psychotherapy</a>?' in response.text


def test_a_misspelling_among_a_few_results_is_offered_as_a_suggestion(client):
    ArticleFactory(title="Psychotherapy for panic", summary="Talking helps.")
    ArticleFactory(title="Psychotherapy for grief", summary="Talking helps.")
    ArticleFactory(title="Panic at night", summary="Waking in fear.")
    response = client.get(URL, {"q": "psychoterapy OR panic"})
    assert response.context["search"].corrected_from == ""
    assert response.context["paginator"].count == 2
    assert response.context["search"].suggestion == "psychotherapy OR panic"
    assert "Did you mean <a" in response.text


def test_the_correction_keeps_the_rest_of_the_query(client):
    ArticleFactory(title="Psychotherapy for panic", summary="Talking helps.")
    search = client.get(URL, {"q": "Panic psychoterapy"}).context["search"]
    assert (search.text, search.corrected_from) == ("Panic psychotherapy", "Panic psychoterapy")


def test_a_word_used_only_in_a_draft_is_never_suggested(client):
    ArticleFactory(title="Zuranolone draft", draft=True)
    ArticleFactory(title="Something else")
    assert client.get(URL, {"q": "zuranolon"}).context["search"].suggestion == ""


def test_no_suggestion_when_the_search_finds_plenty(client):
    ArticleFactory.create_batch(3, title="Resilience study")
    assert client.get(URL, {"q": "resilience"}).context["search"].suggestion == ""


def test_no_results_page_suggests_topics_and_browsing(client):
    ArticleFactory(title="Living with anxiety").topics.add(TopicFactory(name="Anxiety"))
    TopicFactory(name="Unused topic")
    text = client.get(URL, {"q": "xylophone"}).text
    assert "0 results" in text and "Browse by topic" in text
    assert ">Anxiety</a>" in text and "Unused topic" not in text


def test_only_exclusions_ask_for_a_word_to_look_for(client):
    ArticleFactory(title="Ketamine")
    text = client.get(URL, {"q": "-ketamine"}).text
    assert "Add a word to look for" in text


def test_only_common_words_ask_for_a_more_specific_one(client):
    assert "too common to search for" in client.get(URL, {"q": "what is the"}).text


def test_highlights_mark_whole_words_only(client):
    ArticleFactory(title="Order", summary="A disorder is not the same as an order of events.")
    snippet = client.get(URL, {"q": "what is an order"}).context["page_obj"][0].snippet
    assert "<mark>order</mark>" in snippet
    assert "dis<mark>" not in snippet and "<mark>is</mark>" not in snippet


def test_synonyms_find_articles_in_patients_words(client):
    ArticleFactory(title="Ideation study", summary="Suicidal ideation fell after treatment.")
    response = client.get(URL, {"q": "suicidal thoughts"})
    assert [a.title for a in response.context["page_obj"]] == ["Ideation study"]
    assert "<mark>" in response.context["page_obj"][0].snippet


def test_an_edited_synonym_applies_at_once(client):
    ArticleFactory(title="Zuranolone trial")
    assert client.get(URL, {"q": "zurzuvae"}).context["paginator"].count == 0
    SynonymGroup.objects.create(terms="zuranolone\nZurzuvae")
    assert client.get(URL, {"q": "zurzuvae"}).context["paginator"].count == 1


def test_the_seeded_list_has_at_least_forty_groups():
    assert SynonymGroup.objects.count() >= 40
    assert "PTSD" in {t for group in SynonymGroup.objects.all() for t in group.term_list()}


def test_marketing_edits_the_synonym_list_in_the_admin(marketing_client):
    url = reverse("admin:articles_synonymgroup_add")
    response = marketing_client.post(
        url, {"language": "en", "terms": "zolpidem, Ambien", "note": ""}
    )
    assert response.status_code == 302
    group = SynonymGroup.objects.get(terms="zolpidem\nAmbien")
    assert group.term_list() == ["zolpidem", "Ambien"]
    change = reverse("admin:articles_synonymgroup_change", args=[group.pk])
    assert marketing_client.get(change).status_code == 200
    delete = reverse("admin:articles_synonymgroup_delete", args=[group.pk])
    assert marketing_client.post(delete, {"post": "yes"}).status_code == 302


def test_a_group_of_one_term_is_refused_with_a_message(marketing_client):
    url = reverse("admin:articles_synonymgroup_add")
    response = marketing_client.post(
        url, {"language": "en", "terms": "insomnia, Insomnia", "note": ""}
    )
    assert response.status_code == 200
    assert "List at least two different words or phrases." in response.text


def test_the_crisis_line_is_edited_in_the_clinic_profile_admin(admin_client):
    ClinicProfile.load()
    url = reverse("admin:clinic_clinicprofile_change", args=[ClinicProfile.SINGLETON_ID])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="crisis_line_en"' in response.text
    assert 'name="crisis_line_fr"' in response.text  # the French beside the English


def test_a_word_from_the_synonym_list_is_never_corrected(client):
    ArticleFactory(title="Infusions of ketamine", summary="Remission for some.")
    ArticleFactory(title="Another remission")
    assert client.get(URL, {"q": "drip"}).context["search"].suggestion == ""  # not "trip"
    assert client.get(URL, {"q": "remision"}).context["search"].text == "remission"
