"""French search on /fr/recherche/: French stemming and stop words, accents folded, French
synonyms, and the same articles found on SQLite and PostgreSQL (the suite runs on both).

PostgreSQL indexes French articles with `french_unaccent`; SQLite widens each French word to
the words of its French index with the same Snowball stem. This table is the contract both
must meet, as tests/articles/search/test_language.py is for English.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from articles.search.documents import refresh_search_documents
from tests.factories import ArticleFactory, PersonFactory, StudyFactory

pytestmark = pytest.mark.django_db

KETAMINE = "La kétamine contre le TSPT chronique"
ONLINE_CBT = "Thérapie cognitivo-comportementale en ligne pour l'anxiété"
SPRAY = "Un vaporisateur nasal contre la dépression"
EXPOSURE = "L'exposition prolongée après une agression"
SLEEP = "Dormir mieux grâce à la pleine conscience"
THERAPIST = "Le lien avec son thérapeute"
HEART = "Le cœur qui s'emballe"
ENGLISH = "Ketamine infusions for chronic PTSD"


def french_search_url():
    with translation.override("fr"):
        return reverse("articles:search")


def found(client, query, url=None):
    response = client.get(url or french_search_url(), {"q": query})
    assert response.status_code == 200
    return {article.title for article in response.context["page_obj"].object_list}


def french(**fields):
    return ArticleFactory(language="fr", **fields)


@pytest.fixture
def library():
    original = ArticleFactory(
        title=ENGLISH,
        summary="Six infusions eased post-traumatic stress disorder symptoms.",
        body="Participants received ketamine or midazolam; therapy helped.",
    )
    StudyFactory(article=original, title="Repeated infusions", measures="CAPS-5",
                 journal="Santé mentale au Québec", authors="Bélanger M, Lévesque É")  # fmt: skip
    french(  # its translation, which reads the original's studies
        translation_key=original.translation_key,
        title=KETAMINE,
        summary="Six perfusions de kétamine ont atténué les symptômes du trouble de stress "
        "post-traumatique.",
        body="Les participants ont reçu de la kétamine ou du midazolam. Les cauchemars ont "
        "diminué.",
        author=PersonFactory(name="Geneviève Côté"),
    )
    refresh_search_documents([original.pk])
    french(
        title=ONLINE_CBT,
        summary="Une TCC guidée sur Internet a donné d'aussi bons résultats que les thérapies "
        "en personne.",
        body="Treize essais portaient sur les troubles anxieux et la dépression.",
    )
    french(
        title=SPRAY,
        summary="L'eskétamine en vaporisateur nasal a soulagé la dépression résistante au "
        "traitement.",
        body="Effets secondaires : une dissociation passagère.",
    )
    french(
        title=EXPOSURE,
        summary="Deux thérapies par la parole ont aidé des survivantes d'agression sexuelle.",
        body="La thérapie par traitement cognitif et l'exposition prolongée ont été comparées.",
    )
    french(
        title=SLEEP,
        summary="La méditation a amélioré la qualité du sommeil.",
        body="Les participants souffraient d'insomnie depuis des années.",
    )
    french(
        title=THERAPIST,
        summary="L'alliance entre le patient et le thérapeute prédit les progrès.",
        body="Une bonne relation aide.",
    )
    french(title=HEART, summary="Le cœur bat vite pendant une crise de panique.", body="Rien.")
    french(title="Kétamine : brouillon", summary="TSPT et dépression.", draft=True)


THERAPY = {ONLINE_CBT, EXPOSURE}
TABLE = [
    # Accents, case and the French stemmer: every spelling finds every form of the word.
    ("thérapie", THERAPY),
    ("therapie", THERAPY),
    ("thérapies", THERAPY),
    ("THÉRAPIE", THERAPY),
    ("THERAPIES", THERAPY),
    ("thérapeute", {THERAPIST}),  # another stem: the therapist, not the therapy
    ("kétamine", {KETAMINE}),
    ("ketamine", {KETAMINE}),
    ("KÉTAMINE midazolam", {KETAMINE}),
    ("survivante", {EXPOSURE}),
    ("agressions sexuelles", {EXPOSURE, KETAMINE}),  # and TSPT, what it belongs to
    ("dépressions", {ONLINE_CBT, SPRAY}),
    ("depression", {ONLINE_CBT, SPRAY}),
    ("anxiété", {ONLINE_CBT}),  # "l'anxiété", and "troubles anxieux", its synonym
    ("l'anxiété", {ONLINE_CBT}),  # the elided article is not searched for
    ("l’anxiété", {ONLINE_CBT}),
    ("anxieux", {ONLINE_CBT}),
    ("cœur", {HEART}),
    ("coeur", {HEART}),
    ("Côté", {KETAMINE}),  # the author
    ("cote", {KETAMINE}),
    ("lévesque", {KETAMINE}),  # a study's authors
    ("sante mentale quebec", {KETAMINE}),  # a study's journal
    ("CAPS-5", {KETAMINE}),
    # The query language, in French.
    ('"exposition prolongée"', {EXPOSURE}),
    ('"thérapie par la parole"', {EXPOSURE}),  # a phrase, each word stemmed
    ("kétamine -midazolam", set()),
    ("kétamine OR TCC", {KETAMINE, ONLINE_CBT}),
    ("dépression -vaporisateur", {ONLINE_CBT}),
    ("le", set()),  # French stop words alone search for nothing
    ("de la", set()),
    ("dormir sommeil", {SLEEP}),
    # French synonyms and narrower terms.
    ("Spravato", {SPRAY}),  # eskétamine
    ("état de stress post-traumatique", {KETAMINE}),  # trouble de stress post-traumatique
    ("TSPT", {KETAMINE}),
    ("thérapie cognitive et comportementale", {ONLINE_CBT}),  # TCC
    ("mauvais rêves", {KETAMINE}),  # cauchemars, which belong to TSPT
    ("effets indésirables", {SPRAY}),  # effets secondaires
    ("attaque de panique", {HEART, ONLINE_CBT}),  # crise de panique, and then anxiété
    # English words and English synonyms have no say on the French page.
    ("PTSD", set()),
    ("nightmares", set()),
    ("therapy", THERAPY),  # found nowhere, so corrected to the French index's "therapie"
]


@pytest.mark.parametrize(("query", "expected"), TABLE, ids=[query for query, _ in TABLE])
def test_french_query_finds_the_same_articles_on_either_database(client, library, query, expected):
    assert found(client, query) == expected


def test_english_search_reads_english_articles_and_english_words_only(client, library):
    english = reverse("articles:search")
    assert found(client, "ketamine", english) == {ENGLISH}
    assert found(client, "kétamine", english) == {ENGLISH}
    assert found(client, "PTSD", english) == {ENGLISH}
    assert found(client, "TSPT", english) == set()  # a French synonym
    assert found(client, "cauchemars", english) == set()  # a French narrower term
    assert found(client, "perfusions", english) == set()  # French articles' words


def test_snippets_mark_every_form_of_the_word(client, library):
    response = client.get(french_search_url(), {"q": "thérapie"})
    snippets = {a.title: a.snippet for a in response.context["page_obj"].object_list}
    assert "<mark>thérapies</mark>" in snippets[ONLINE_CBT]
    assert "<mark>thérapies</mark>" in snippets[EXPOSURE]


def test_an_article_that_changes_language_moves_between_the_searches(client):
    article = ArticleFactory(title="Thérapie de groupe", summary="Un groupe de soutien.")
    assert found(client, "therapie", reverse("articles:search")) == {"Thérapie de groupe"}
    assert found(client, "thérapies") == set()
    Article.objects.filter(pk=article.pk).update(language="fr")
    assert found(client, "thérapie") == {"Thérapie de groupe"}
    assert found(client, "thérapie groupe", reverse("articles:search")) == set()
    Article.objects.filter(pk=article.pk).update(title="Soutien de groupe")
    assert found(client, "THÉRAPIE") == set()
    assert found(client, "soutiens") == {"Soutien de groupe"}
    article.delete()
    assert found(client, "soutien") == set()
