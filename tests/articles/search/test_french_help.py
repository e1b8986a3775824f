"""Help around French results: the French crisis line, "Did you mean" from French articles'
words only, the French synonym list, and where each database keeps French articles."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from articles.models import Article, NarrowerTerm, SynonymGroup
from articles.search import search_articles
from articles.search.crisis import is_crisis_query
from articles.search.french import stem
from clinic.domain.models.profile import DEFAULT_CRISIS_LINE
from clinic.domain.models.wording_fr import DEFAULT_CRISIS_LINE_FR
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def french_search(client, query, **params):
    with translation.override("fr"):
        url = reverse("articles:search")
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    "query",
    ["suicide", "me suicider", "idées suicidaires", "idees suicidaires", "je veux mourir",
     "JE VEUX MOURIR", "j'veux mourir", "j’veux mourir", "envie de mourir", "me tuer",
     "je vais me tuer", "m'enlever la vie", "en finir", "mettre fin à mes jours",
     "automutilation", "auto-mutilation", "me faire du mal", "me couper", "scarification",
     "j'ai pu le goût de vivre", "plus envie de vivre", "je serais mieux morte",
     "j'en peux plus", "je peux plus continuer", "désespoir", "desespere", "surdose",
     "en crise", "ligne de crise"],
)  # fmt: skip
def test_french_crisis_words_are_recognised_with_or_without_accents(query):
    assert is_crisis_query(query)


@pytest.mark.parametrize(
    "query",
    ["thérapie cognitivo-comportementale", "dépression", "anxiété", "crise de panique",
     "insomnie", "tuer le temps", "mal de dos", "cauchemars", "kétamine", "dont",
     "j'peux pu dormir", "je ne peux plus me concentrer"],
)  # fmt: skip
def test_ordinary_french_searches_are_not_crisis_searches(query):
    assert not is_crisis_query(query)


def test_the_french_page_shows_the_crisis_line_in_french_first(client):
    crisis_line_fr = escape(DEFAULT_CRISIS_LINE_FR)
    ArticleFactory(language="fr", title="Prévenir le suicide", summary="Une étude.")
    for query in ["prévenir le suicide", "j'veux mourir", "idées suicidaires"]:
        text = french_search(client, query).text
        assert "De l’aide est offerte dès maintenant" in text
        assert crisis_line_fr in text
        assert DEFAULT_CRISIS_LINE not in text
        assert text.index(crisis_line_fr) < text.index('class="results-heading"')
    assert crisis_line_fr not in french_search(client, "kétamine").text


def test_a_typo_on_the_french_page_is_corrected_from_french_articles_only(client):
    ArticleFactory(language="fr", title="La dépression résistante", summary="Une étude.")
    ArticleFactory(title="Agoraphobia explained", summary="A study of agoraphobia.")
    response = french_search(client, "dépresion")  # nothing as typed: corrected at once
    search = response.context["search"]
    assert search.corrected_from == "dépresion"
    assert [a.title for a in response.context["page_obj"].object_list] == [
        "La dépression résistante"
    ]
    # "agoraphobie" is one letter from an English article's word, which is not offered here.
    search = french_search(client, "agoraphobie").context["search"]
    assert (search.suggestion, search.corrected_from, search.count) == ("", "", 0)
    english = reverse("articles:search")
    assert client.get(english, {"q": "agoraphobie"}).context["search"].corrected_from


def test_a_correctly_accented_or_unaccented_word_is_not_corrected(client):
    ArticleFactory(language="fr", title="Thérapie brève", summary="Une étude.")
    for query in ["thérapie", "therapie", "THÉRAPIE"]:
        search = french_search(client, query).context["search"]
        assert (search.count, search.corrected_from, search.suggestion) == (1, "", "")


def test_french_synonyms_and_narrower_terms_are_seeded_in_french_rows():
    french_groups = [group.term_list() for group in SynonymGroup.objects.filter(language="fr")]
    assert 30 <= len(french_groups) <= 80
    assert ["kétamine", "Ketalar"] in french_groups
    assert ["clonazépam", "Rivotril"] in french_groups  # the Canadian brand
    assert any("TSPT" in terms and "état de stress post-traumatique" in terms
               for terms in french_groups)  # fmt: skip
    nightmares = NarrowerTerm.objects.get(language="fr", term="cauchemars")
    assert nightmares.broader_list() == ["TSPT"]
    assert not SynonymGroup.objects.filter(language="en", terms__contains="TSPT").exists()


def test_an_editors_french_group_applies_to_french_searches_only(client):
    ArticleFactory(language="fr", title="La luminothérapie", summary="Une lampe le matin.")
    ArticleFactory(title="Bright light therapy", summary="A lamp in the morning.")
    SynonymGroup.objects.create(language="fr", terms="luminothérapie\nluxthérapie")
    assert french_search(client, "luxthérapies").context["search"].count == 1
    english = client.get(reverse("articles:search"), {"q": "luxtherapie", "as_typed": "1"})
    assert english.context["search"].count == 0


def test_a_french_query_reads_french_stop_words_and_elisions():
    with translation.override("fr"):
        query = search_articles("l'anxiété et la dépression d'un patient").query
    assert query.language == "fr"
    assert query.words == ["anxiété", "dépression", "patient"]


def test_each_database_indexes_a_french_article_as_french():
    article = ArticleFactory(language="fr", title="Les thérapies brèves", summary="Une étude.")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            vector = Article.objects.values_list("search_vector", flat=True).get(pk=article.pk)
            assert "'therap':2A" in vector and "'brev':3A" in vector  # French stems
            assert "'les'" not in vector  # a French stop word
            return
        cursor.execute("SELECT rowid FROM articles_article_fts_fr")
        assert cursor.fetchall() == [(article.pk,)]
        cursor.execute("SELECT count(*) FROM articles_article_fts")
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT term FROM articles_article_vocabulary_fr WHERE term = 'therapies'")
        assert cursor.fetchall() == [("therapies",)]


def test_the_stemmer_is_postgresqls_snowball_french():
    words = ["thérapies", "chevaux", "authenticité", "déprimée", "traitements", "nationaux"]
    expected = ["therap", "cheval", "authenticit", "deprime", "trait", "national"]
    assert [stem(word) for word in words] == expected
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (ts_lexize('french_stem', unaccent(w)))[1] FROM unnest(%s::text[]) w",
                [words],
            )
            assert [row[0] for row in cursor.fetchall()] == expected


def test_the_admin_list_search_finds_french_articles_too(admin_client):
    ArticleFactory(language="fr", title="Les thérapies brèves", draft=True)
    ArticleFactory(title="Brief therapy")
    url = reverse("admin:articles_article_changelist")

    def listed(query):
        response = admin_client.get(url, {"q": query})
        return {article.title for article in response.context["cl"].result_list}

    assert listed("thérap") == {"Les thérapies brèves", "Brief therapy"}  # words' beginnings
    assert listed("THERAPIES brèv") == {"Les thérapies brèves"}
    assert listed("brief therap") == {"Brief therapy"}


def test_a_long_french_query_widened_by_many_synonyms_is_answered(client):
    ArticleFactory(language="fr", title="Kétamine et TSPT", summary="Une perfusion de kétamine.")
    query = (
        "TSPT dépression anxiété insomnie TCC EMDR kétamine Spravato Zoloft cauchemars deuil ISRS"
    )
    assert french_search(client, query).context["search"].count == 0
    assert french_search(client, "TSPT OR dépression OR anxiété OR insomnie OR TCC OR EMDR "
                                 "OR kétamine OR Zoloft").context["search"].count == 1  # fmt: skip


def test_the_migration_made_the_index_the_live_code_keeps():
    """Migration 0034 carries its own copy of SQLite's tables and triggers; after a table
    rebuild `ensure_index` makes them from `sqlite_index`: both must be the same."""
    import importlib
    import re

    from articles.search import sqlite_index

    frozen = importlib.import_module("articles.migrations.0034_search_in_french")
    tables, triggers, _ = frozen._index(by_language=True)

    def spaced(sql):
        return re.sub(r"\s+", " ", sql).strip()

    assert {name: spaced(sql) for name, sql in tables.items()} == {
        name: spaced(sql) for name, sql in sqlite_index.TABLES.items()
    }
    assert {name: spaced(sql) for name, sql in triggers.items()} == {
        name: spaced(sql) for name, sql in sqlite_index.TRIGGERS.items()
    }
