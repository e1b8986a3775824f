"""French lists sorted by their French names: accents beside their letter (“Émotions” with the
E's, not after “Z”), case aside, the English name where the French is empty; the same on
SQLite and PostgreSQL, whatever the database's collation."""

import re

import pytest
from django.utils import translation

from articles.models import GlossaryTerm
from clinic.domain.languages import in_name_order, initial_letter, name_key
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

# (English, French or "" for none): the French order reads Anxiety (no French), Dépression,
# Émotions, Estime de soi, œdème (a ligature, filed as “oe”), Sommeil, Zèbre.
TOPICS = [("Zebra", "Zèbre"), ("Sleep", "Sommeil"), ("Emotions", "Émotions"),
          ("Self-esteem", "Estime de soi"), ("Anxiety", ""), ("Depression", "Dépression"),
          ("Oedema", "œdème")]  # fmt: skip
FRENCH_ORDER = ["Anxiety", "Dépression", "Émotions", "Estime de soi", "œdème", "Sommeil", "Zèbre"]


@pytest.fixture
def topics():
    made = []
    for n, (english, french) in enumerate(TOPICS):
        topic = TopicFactory(name=english, slug=f"topic-{n}", name_fr=french or None)
        ArticleFactory(language="fr", slug=f"article-{n}").topics.add(topic)
        ArticleFactory(slug=f"article-{n}").topics.add(topic)
        made.append(topic)
    return made


def names_in(html):
    return re.findall(r'<h2 class="topic-card__name"><a href="[^"]+">([^<]+)</a>', html)


def test_the_french_topic_list_sorts_by_the_french_name(client, topics):
    assert names_in(client.get("/fr/sujets/").content.decode()) == FRENCH_ORDER
    english = names_in(client.get("/topics/").content.decode())
    assert english == ["Anxiety", "Depression", "Emotions", "Oedema", "Self-esteem", "Sleep",
                       "Zebra"]  # fmt: skip


def test_the_search_and_follow_pages_list_topics_in_the_same_order(client, topics):
    search = client.get("/fr/recherche/?q=zzzyzx").context["topics"]
    with translation.override("fr"):
        assert [topic.name for topic in search] == FRENCH_ORDER
        follow = client.get("/fr/suivre/").context["topics"]
        assert [topic.name for topic in follow] == FRENCH_ORDER


def test_the_french_glossary_files_accented_terms_under_their_letter(client):
    made = {"Yardstick": "Échelle graduée", "Ebbing": "", "Quill": "Équerre", "Zeal": "Zèle"}
    for english, french in made.items():
        GlossaryTerm.objects.create(
            term=english, term_fr=french or None, slug=english.lower(), definition="D.",
        )  # fmt: skip
    response = client.get("/fr/glossaire/")
    sections = dict(response.context["sections"])
    with translation.override("fr"):
        ours = {french or english for english, french in made.items()}
        listed = [term.term for term in response.context["terms"] if term.term in ours]
        assert listed == ["Ebbing", "Échelle graduée", "Équerre", "Zèle"]
        in_e = [term.term for term in sections["E"] if term.term in ours]
        assert in_e == ["Ebbing", "Échelle graduée", "Équerre"]
    assert all(term.term[0].isdigit() for term in sections.get("#", []))


def test_names_sort_by_letters_then_accents_then_case():
    words = ["côté", "Cote", "cote", "coté", "côte", "Zèbre", "Émotions", "école", "Eau"]
    assert sorted(words, key=name_key) == [
        "cote", "Cote", "coté", "côte", "côté", "Eau", "école", "Émotions", "Zèbre",
    ]  # fmt: skip
    assert [initial_letter(w) for w in ["Émotions", "œdème", "5-HT", "Çа"]] == ["E", "O", "#", "C"]


def test_an_empty_name_sorts_first_not_as_an_error():
    class Row:
        def __init__(self, name):
            self.name = name

    assert [r.name for r in in_name_order([Row("b"), Row(None), Row("a")])] == [None, "a", "b"]
