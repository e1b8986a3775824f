"""One query language, one answer: the same queries find the same articles on both databases.

The suite runs on SQLite and on PostgreSQL; this table is the contract both must meet.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    okafor = PersonFactory(name="Miriam Okafor")
    levesque = PersonFactory(name="Daniel Levesque")
    infusions = ArticleFactory(
        title="Ketamine infusions for chronic PTSD",
        summary="Six infusions eased post-traumatic stress disorder symptoms.",
        body="Participants with PTSD received ketamine or midazolam.",
        author=okafor,
    )
    StudyFactory(
        article=infusions, title="Repeated infusions in chronic illness", measures="CAPS-5",
        journal="American Journal of Psychiatry", authors="Feder A, Costi S",
    )  # fmt: skip
    talk = ArticleFactory(
        title="Ketamine with talk therapy",
        summary="Ketamine-assisted psychotherapy for posttraumatic stress.",
        body="Therapists guided each session.",
        reviewer=levesque,
    )
    talk.topics.add(TopicFactory(name="Psychotherapy"))
    ArticleFactory(
        title="A nasal spray for depression",
        summary="Esketamine (Spravato) eased treatment-resistant depression.",
        body="Side effects included dissociation.",
    )
    ArticleFactory(
        title="Online CBT for anxiety",
        summary="Guided internet-based cognitive behaviour therapy worked as well as "
        "face-to-face care.",
        body="Thirteen trials of anxiety and depression.",
    )
    ArticleFactory(
        title="Prolonged exposure after assault",
        summary="Two talk therapies for PTSD helped survivors of sexual assault.",
        body="Cognitive processing therapy and prolonged exposure were compared.",
    )
    ArticleFactory(
        title="Mindfulness and sleep",
        summary="Meditation improved sleep quality.",
        body="Exposure to bright light was not studied. Sessions were prolonged.",
    )
    ArticleFactory(title="Ketamine draft", summary="PTSD and depression.", draft=True)
    vertigo = ArticleFactory(
        title="Ménière's disease and vertigo",
        summary="Vestibular rehabilitation eased dizziness in a trial run from Montréal.",
        body="Naïve participants practised daily at home.",
        reviewer=PersonFactory(name="Zoë Bélanger"),
    )
    StudyFactory(
        article=vertigo, title="Rehabilitation for vestibular disorders", measures="DHI",
        journal="Otología Clínica", authors="Núñez-Gutiérrez M, Ibáñez L",
    )  # fmt: skip


TABLE = [
    ("ketamine", {"Ketamine infusions for chronic PTSD", "Ketamine with talk therapy"}),
    ("ketamine PTSD", {"Ketamine infusions for chronic PTSD", "Ketamine with talk therapy"}),
    ("PTSD -ketamine", {"Prolonged exposure after assault"}),
    (
        "ketamine OR CBT",
        {
            "Ketamine infusions for chronic PTSD",
            "Ketamine with talk therapy",
            "Online CBT for anxiety",
        },
    ),  # fmt: skip
    (
        "ketamine or cbt",
        {
            "Ketamine infusions for chronic PTSD",
            "Ketamine with talk therapy",
            "Online CBT for anxiety",
        },
    ),  # fmt: skip
    ('"prolonged exposure"', {"Prolonged exposure after assault"}),
    ("prolonged exposure", {"Prolonged exposure after assault", "Mindfulness and sleep"}),
    ("Okafor", {"Ketamine infusions for chronic PTSD"}),
    ("Levesque", {"Ketamine with talk therapy"}),
    ("what is CAPS-5", {"Ketamine infusions for chronic PTSD"}),
    ("American Journal of Psychiatry", {"Ketamine infusions for chronic PTSD"}),
    ("Feder", {"Ketamine infusions for chronic PTSD"}),
    ("talk therapy", {"Ketamine with talk therapy", "Prolonged exposure after assault"}),
    ("Spravato", {"A nasal spray for depression"}),
    ("esketamine", {"A nasal spray for depression"}),
    ("TRD", {"A nasal spray for depression"}),
    ("hard to treat depression", {"A nasal spray for depression"}),
    ("depression -spray", {"Online CBT for anxiety"}),
    (
        '"nasal spray" OR midazolam',
        {"A nasal spray for depression", "Ketamine infusions for chronic PTSD"},
    ),  # fmt: skip
    ("infusion", {"Ketamine infusions for chronic PTSD"}),
    ("anxiety", {"Online CBT for anxiety"}),
    ("anxiety -depression", set()),
    ("sleep", {"Mindfulness and sleep"}),
    ("suicidal thoughts", set()),
    ("the", set()),
    ("-ketamine", set()),
    # Accents are ignored in every field, in the text and in the query, as on SQLite.
    ("nunez gutierrez", {"Ménière's disease and vertigo"}),  # a study's authors
    ("Núñez-Gutiérrez", {"Ménière's disease and vertigo"}),
    ('"NUNEZ GUTIERREZ" ibanez', {"Ménière's disease and vertigo"}),
    ("meniere", {"Ménière's disease and vertigo"}),  # the title
    ("montreal", {"Ménière's disease and vertigo"}),  # the summary
    ("naive", {"Ménière's disease and vertigo"}),  # the body
    ("otologia clinica", {"Ménière's disease and vertigo"}),  # a study's journal
    ("zoe belanger", {"Ménière's disease and vertigo"}),  # the reviewer
    ("Ókafor", {"Ketamine infusions for chronic PTSD"}),  # accents typed, none in the text
    ("vértigo", {"Ménière's disease and vertigo"}),
    ("vertigo -núñez", set()),
]


@pytest.mark.parametrize(("query", "expected"), TABLE, ids=[query for query, _ in TABLE])
def test_query_finds_the_same_articles_on_either_database(client, library, query, expected):
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    assert {article.title for article in response.context["page_obj"].object_list} == expected
