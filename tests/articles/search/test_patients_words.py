"""The words patients use: contractions, suggestions that keep the meaning, narrower terms,
medicine names, corrected results at once, and a helpful page when nothing is found.

Runs on SQLite and on PostgreSQL (the suite runs on each)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from articles.models import GlossaryTerm, NarrowerTerm, SynonymGroup
from articles.search.crisis import is_crisis_query
from articles.search.query import parse
from articles.search.suggestions import best_match, changes_meaning, corrections
from articles.search.synonyms import Thesaurus
from articles.words import words_of
from clinic.domain.models.profile import DEFAULT_CRISIS_LINE
from tests.factories import ArticleFactory, TopicFactory

URL = reverse("articles:search")


def titles(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    return [article.title for article in response.context["page_obj"].object_list]


# Contractions


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("cant sleep", ["can", "t", "sleep"]),
        ("can't sleep", ["can", "t", "sleep"]),
        ("can’t sleep", ["can", "t", "sleep"]),  # typographic apostrophe
        ("canʼt sleep", ["can", "t", "sleep"]),  # modifier letter apostrophe, a "letter"
        ("CANT SLEEP", ["can", "t", "sleep"]),
        ("dont", ["don", "t"]),
        ("wont", ["won", "t"]),
        ("doesnt", ["doesn", "t"]),
        ("isnt", ["isn", "t"]),
        ("im scared", ["i", "m", "scared"]),
        ("ive tried", ["i", "ve", "tried"]),
        ("IM ketamine", ["im", "ketamine"]),  # intramuscular, in capitals
        ("its well ill", ["its", "well", "ill"]),  # ordinary words are left alone
    ],
)
def test_a_contraction_is_the_same_words_with_or_without_its_apostrophe(typed, words):
    assert words_of(typed) == words


@pytest.mark.parametrize(
    "query",
    [
        "cant go on",
        "can’t go on",
        "dont want to live",
        "don’t want to live",
        "I dont want to be here",
    ],
)
def test_crisis_words_are_recognised_with_or_without_the_apostrophe(query):
    assert is_crisis_query(query)


def test_contractions_parse_the_same_and_leave_the_content_word():
    parsed = [parse(text).clauses for text in ["cant sleep", "can't sleep", "can’t sleep"]]
    assert parsed[0] == parsed[1] == parsed[2] == [((("sleep",),),)]
    assert parse("doesnt help").clauses == parse("doesn't help").clauses == [((("help",),),)]
    assert parse("im").is_empty and parse("I’m").is_empty


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["cant sleep", "can't sleep", "can’t sleep", '"cant sleep"'])
def test_contractions_find_the_same_articles_on_either_database(client, query):
    NarrowerTerm.objects.all().delete()  # the words themselves, not what they belong to
    ArticleFactory(title="When you can’t sleep", summary="Worry at night, and what helps.")
    ArticleFactory(title="Sleep and memory", summary="Sleep helps memory.")
    ArticleFactory(title="Unrelated", summary="Exercise and mood.")
    found = set(titles(client, query))
    if query.startswith('"') and connection.vendor == "sqlite":
        assert found == {"When you can’t sleep"}  # PostgreSQL skips stop words in a phrase
    else:
        assert found == {"When you can’t sleep", "Sleep and memory"}


# Suggestions never change the meaning


@pytest.mark.parametrize(
    ("word", "term"),
    [("cant", "can"), ("nott", "not"), ("never", "fever"), ("atypical", "typical"),
     ("unable", "able"), ("nonresponse", "response"), ("dissatisfied", "satisfied"),
     ("typical", "atypical"), ("dont", "done")],
)  # fmt: skip
def test_a_suggestion_never_crosses_a_negation_or_a_stop_word(word, term):
    assert changes_meaning(word, term)
    assert best_match(word, [(term, 10)]) is None


def test_an_ordinary_misspelling_is_still_corrected():
    assert not changes_meaning("theraphy", "therapy")
    assert best_match("theraphy", [("therapy", 3), ("thera", 1)]) == "therapy"


@pytest.mark.django_db
def test_cant_sleep_never_suggests_can_sleep(client):
    NarrowerTerm.objects.all().delete()
    ArticleFactory(title="You can rest", summary="Most people can sleep better with routine.")
    ArticleFactory(title="Eating well", summary="You can eat better.")
    for query in ["cant sleep", "cant", "cant sleeep"]:
        search = client.get(URL, {"q": query, "as_typed": "1"}).context["search"]
        assert "can sleep" not in search.suggestion.lower()
        assert search.suggestion in ("", "cant sleep")
    assert corrections(connection, ["cant"]) == {}
    response = client.get(URL, {"q": "cant sleep"})
    assert "can sleep" not in response.text.lower().replace("can sleep better", "")
    assert response.context["search"].corrected_from == ""


@pytest.mark.django_db
def test_no_suggestion_adds_or_removes_a_negating_prefix(client):
    ArticleFactory(title="Typical depression", summary="A trial of typical depression care.")
    ArticleFactory(title="Typical anxiety", summary="Typical care.")
    response = client.get(URL, {"q": "atypical depression"})
    assert response.context["search"].suggestion == ""
    assert response.context["search"].corrected_from == ""
    assert response.context["search"].missing == ["atypical"]  # said so, not corrected
    assert "Did you mean" not in response.text


# Corrected results at once


@pytest.mark.django_db
def test_ptsd_theraphy_shows_ptsd_therapy_at_once_with_a_way_back(client):
    ArticleFactory(title="Talk therapy for PTSD", summary="Two therapies helped.")
    response = client.get(URL, {"q": "ptsd theraphy"})
    assert [a.title for a in response.context["page_obj"]] == ["Talk therapy for PTSD"]
    assert (
        "Showing results for <strong>ptsd therapy</strong> — search instead for "
        '<a href="/search/?q=ptsd+theraphy&amp;as_typed=1">ptsd theraphy</a>'
    ) in response.text
    assert titles(client, "ptsd theraphy", as_typed="1") == []


@pytest.mark.django_db
def test_a_corrected_crisis_search_keeps_the_crisis_help(client):
    ArticleFactory(title="Suicide prevention research", summary="Research on prevention.")
    response = client.get(URL, {"q": "suicide prevension"})
    assert response.context["search"].corrected_from == "suicide prevension"
    assert DEFAULT_CRISIS_LINE in response.text


# Narrower terms


THESAURUS = Thesaurus(
    [["nightmares", "bad dreams"], ["PTSD", "post-traumatic stress disorder"],
     ["sertraline", "Zoloft"], ["antidepressant", "antidepressants"]],
    [("nightmares", ["PTSD"]), ("can't sleep", ["insomnia", "PTSD"]),
     ("sertraline", ["antidepressant"])],
)  # fmt: skip


def test_a_narrower_term_widens_the_query_one_way_only():
    query = parse("bad dreams", THESAURUS)
    assert query.direct == [((("bad",), ("dreams",)), (("nightmares",),))]
    assert query.clauses == [
        ((("bad",), ("dreams",)), (("nightmares",),), (("ptsd",),),
         (("post", "traumatic", "stress", "disorder"),))
    ]  # fmt: skip
    assert query.broader == ["PTSD"]
    assert not parse("PTSD", THESAURUS).is_widened  # PTSD never reaches nightmares
    assert parse("Zoloft", THESAURUS).broader == ["antidepressant"]  # through its synonym


def test_a_narrower_term_with_a_contraction_matches_every_spelling():
    for text in ["cant sleep", "can't sleep", "can’t sleep"]:
        assert parse(text, THESAURUS).broader == ["insomnia", "PTSD"]


def test_leaving_out_a_narrower_term_does_not_leave_out_what_it_belongs_to():
    query = parse("ketamine -nightmares", THESAURUS)
    assert query.excluded == [((("nightmares",),), (("bad", "dreams"),))]


@pytest.mark.django_db
def test_nightmares_find_ptsd_articles_and_the_readers_own_word_ranks_first(client):
    ArticleFactory(title="Ketamine for PTSD", summary="PTSD symptoms fell. PTSD, PTSD.")
    ArticleFactory(title="Sleep after a fire", summary="Nightmares eased with prazosin.")
    ArticleFactory(title="Online CBT", summary="Anxiety improved.")
    assert titles(client, "nightmares") == ["Sleep after a fire", "Ketamine for PTSD"]
    assert titles(client, "bad dreams") == ["Sleep after a fire", "Ketamine for PTSD"]
    assert titles(client, "PTSD") == ["Ketamine for PTSD"]  # one way
    text = client.get(URL, {"q": "nightmares"}).text
    assert "Also showing articles on PTSD, the wider subject your words belong to." in text


@pytest.mark.django_db
def test_nightmares_after_a_car_accident_find_the_ptsd_articles(client):
    ArticleFactory(title="Talk therapy for PTSD", summary="Two therapies helped.")
    ArticleFactory(title="Online CBT", summary="Anxiety improved.")
    assert titles(client, "nightmares after car accident") == ["Talk therapy for PTSD"]
    assert titles(client, "flashbacks") == ["Talk therapy for PTSD"]


@pytest.mark.django_db
def test_words_no_summary_mentions_are_left_out_when_nothing_has_them_all(client):
    ArticleFactory(title="Talk therapy for PTSD", summary="Two therapies helped.")
    ArticleFactory(title="Online CBT", summary="Anxiety improved.")
    response = client.get(URL, {"q": "nightmares after a house fire"})
    assert [a.title for a in response.context["page_obj"]] == ["Talk therapy for PTSD"]
    assert response.context["search"].missing == ["house", "fire"]
    assert "No summary mentions “house” or “fire”: these match your other words." in response.text
    # Every word matches something, never all together: nothing is left out.
    assert titles(client, "anxiety therapies") == []
    assert titles(client, "zzzz yyyy") == []  # no word matches anything
    assert titles(client, "therapies without talking") == []  # a negation is never left out
    assert titles(client, "therapies to end it all") == []  # crisis words: help, not near misses
    assert titles(client, "nightmares after a house fire", as_typed="1") == []


@pytest.mark.django_db
def test_an_edited_narrower_term_applies_at_once(client):
    ArticleFactory(title="Vertigo care", summary="Vestibular rehabilitation.")
    assert titles(client, "spinning room") == []
    NarrowerTerm.objects.create(term="spinning room", broader="vertigo")
    assert titles(client, "spinning room") == ["Vertigo care"]


@pytest.mark.django_db
def test_the_seeded_narrower_terms_lead_symptoms_to_their_conditions():
    english = NarrowerTerm.objects.filter(language="en")  # French has "flashbacks" too
    assert english.count() >= 40
    broader = {term.term: term.broader_list() for term in english}
    for symptom in ["nightmares", "flashbacks", "hypervigilance", "intrusive memories"]:
        assert "PTSD" in broader[symptom]
    for symptom in ["can't sleep", "insomnia"]:
        assert {"anxiety", "depression", "PTSD"} <= set(broader[symptom])
    assert "anxiety" in broader["panic attacks"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("brand", "generic"),
    [("Zoloft", "sertraline"), ("Spravato", "esketamine"), ("Prozac", "fluoxetine"),
     ("Paxil", "paroxetine"), ("Lexapro", "escitalopram"), ("Celexa", "citalopram"),
     ("Effexor", "venlafaxine"), ("Wellbutrin", "bupropion"), ("Ketalar", "ketamine"),
     ("Minipress", "prazosin")],
)  # fmt: skip
def test_brand_and_generic_names_are_seeded_as_synonyms(client, brand, generic):
    groups = [set(group.term_list()) for group in SynonymGroup.objects.all()]
    assert any({brand, generic} <= group for group in groups)
    ArticleFactory(title="A medicine trial", summary=f"People took {generic} for a year.")
    assert titles(client, brand) == ["A medicine trial"]


@pytest.mark.django_db
def test_zoloft_finds_antidepressant_articles_through_sertraline(client):
    ArticleFactory(title="Esketamine spray", summary="Added to a new antidepressant.")
    ArticleFactory(title="Online CBT", summary="Anxiety improved.")
    assert titles(client, "Zoloft") == titles(client, "sertraline") == ["Esketamine spray"]
    assert (
        "No summary uses your words themselves, so here are articles on SSRI and antidepressant, "
        "the wider subjects your words belong to."
    ) in client.get(URL, {"q": "Zoloft"}).text


@pytest.mark.django_db
def test_a_narrower_term_is_checked_before_it_is_saved():
    NarrowerTerm.objects.create(term="spinning room", broader="vertigo")
    for term, broader, field in [
        ("", "PTSD", "term"), ("!!!", "PTSD", "term"), ("jumpy", "", "broader"),
        ("jumpy", "jumpy", "broader"), ("jumpy", "one two three four five six seven", "broader"),
        ("Spinning Room", "dizziness", "__all__"),
    ]:  # fmt: skip
        with pytest.raises(ValidationError) as error:
            NarrowerTerm(term=term, broader=broader).full_clean()
        assert field in error.value.message_dict, (term, broader)
    term = NarrowerTerm(term="  feeling   jumpy ", broader="anxiety, PTSD\nanxiety")
    term.full_clean()
    assert (term.term, term.broader) == ("feeling jumpy", "anxiety\nPTSD")
    assert str(term) == "feeling jumpy → anxiety, PTSD"


@pytest.mark.django_db
def test_marketing_edits_the_narrower_terms_in_the_admin(marketing_client):
    add = reverse("admin:articles_narrowerterm_add")
    response = marketing_client.post(
        add, {"language": "en", "term": "jumpy", "broader": "anxiety, PTSD"}
    )
    assert response.status_code == 302
    term = NarrowerTerm.objects.get(term="jumpy")
    assert term.broader_list() == ["anxiety", "PTSD"]
    listing = marketing_client.get(reverse("admin:articles_narrowerterm_changelist"))
    assert listing.status_code == 200 and "anxiety, PTSD" in listing.text
    change = reverse("admin:articles_narrowerterm_change", args=[term.pk])
    assert marketing_client.get(change).status_code == 200
    delete = reverse("admin:articles_narrowerterm_delete", args=[term.pk])
    assert marketing_client.post(delete, {"post": "yes"}).status_code == 302
    assert not NarrowerTerm.objects.filter(term="jumpy").exists()


# When nothing is found


@pytest.mark.django_db
def test_no_results_offers_topics_the_glossary_and_matching_terms(client):
    ArticleFactory(title="Living with anxiety").topics.add(TopicFactory(name="Anxiety"))
    GlossaryTerm.objects.create(term="Xylophone test", slug="xylophone-test", definition="A test.")
    text = client.get(URL, {"q": "xylophone"}).text
    assert "Browse by topic" in text and ">Anxiety</a>" in text
    assert 'href="/glossary/"' in text
    assert '<a href="/glossary/#xylophone-test">Xylophone test</a>' in text


@pytest.mark.django_db
def test_no_results_for_crisis_words_shows_the_crisis_help(client):
    ArticleFactory(title="Living with anxiety").topics.add(TopicFactory(name="Anxiety"))
    response = client.get(URL, {"q": "want to die"})
    assert response.context["paginator"].count == 0
    assert DEFAULT_CRISIS_LINE in response.text and "Browse by topic" in response.text


# The lists, built once a process per version


@pytest.mark.django_db
def test_the_thesaurus_is_built_once_and_again_after_an_editor_changes_a_list():
    from articles.search.synonyms import current_thesaurus

    SynonymGroup.objects.create(terms="quorbitine, zelnapril")
    first = current_thesaurus()
    assert current_thesaurus() is first  # the same lists: not built again
    assert first.synonyms(("quorbitine",)) == [("zelnapril",)]
    NarrowerTerm.objects.create(term="quorb dreams", broader="zelnapril")
    changed = current_thesaurus()
    assert changed is not first
    assert changed.broader(("quorb", "dreams"))[0] == [("zelnapril",)]
