"""Topics, the glossary and the search lists in French."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from articles.models import GlossaryTerm, SynonymGroup, Topic
from articles.search.synonyms import current_thesaurus
from articles.views.glossary import current_entries
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_has_a_french_name_and_address_and_is_found_by_either_way_it_is_linked():
    ptsd = TopicFactory(name="PTSD", slug="ptsd", description="Trauma.")
    ptsd.name_fr, ptsd.slug_fr = "TSPT", "tspt"
    ptsd.save()
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")  # no French yet
    with override("fr"):
        assert ptsd.name == "TSPT" and ptsd.slug == "tspt" and ptsd.description == "Trauma."
        assert list(Topic.objects.with_slug("tspt")) == [ptsd]
        assert list(Topic.objects.with_slug("anxiety")) == [anxiety]  # its English address
        assert not Topic.objects.with_slug("ptsd").exists()  # it has a French one
    assert list(Topic.objects.with_slug("ptsd")) == [ptsd]
    assert not Topic.objects.with_slug("tspt").exists()


def test_the_topic_page_answers_at_its_french_slug(client):
    topic = TopicFactory(name="PTSD", slug="ptsd")
    topic.name_fr, topic.slug_fr = "TSPT", "tspt"
    topic.save()
    ArticleFactory().topics.add(topic)
    ArticleFactory(language="fr", title="Le TSPT et la kétamine").topics.add(topic)
    with override("fr"):
        url = reverse("articles:topic-detail", kwargs={"slug": "tspt"})
        response = client.get(url)
    assert response.status_code == 200 and "TSPT" in response.text
    english = client.get(reverse("articles:topic-detail", kwargs={"slug": "ptsd"}))
    assert english.status_code == 200 and "PTSD" in english.text


def test_many_topics_may_have_no_french_name_yet():
    TopicFactory(name="One", slug="one")
    TopicFactory(name="Two", slug="two")
    assert Topic.objects.filter(name_fr__isnull=True, slug_fr__isnull=True).count() == 2


def test_french_pages_explain_the_french_term_and_english_ones_the_english():
    term = GlossaryTerm.objects.create(
        term="Zeta trial", slug="zeta-trial", also_known_as="ZTx",
        definition="A fair test.", term_fr="Essai zêta", also_known_as_fr="EZx",
        definition_fr="Un test équitable.",
    )  # fmt: skip
    _, english = current_entries()
    with override("fr"):
        _, french = current_entries()
    [en] = [entry for entry in english if entry.slug == term.slug]
    [fr] = [entry for entry in french if entry.slug == term.slug]
    assert (en.term, en.definition, en.names) == (
        "Zeta trial",
        "A fair test.",
        ("Zeta trial", "ZTx"),
    )
    assert (fr.term, fr.definition, fr.names) == (
        "Essai zêta",
        "Un test équitable.",
        ("Essai zêta", "EZx"),
    )


def test_a_french_name_may_belong_to_one_term_only():
    GlossaryTerm.objects.create(term="Alpha", slug="alpha", definition="A.", term_fr="Alphé")
    clash = GlossaryTerm(term="Beta", slug="beta", definition="B.", also_known_as_fr="alphé")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert set(error.value.message_dict) == {"also_known_as_fr"}


def test_french_searches_use_the_french_synonyms_and_english_ones_the_english():
    SynonymGroup.objects.create(language="fr", terms="insomnie\ntroubles du sommeil")
    SynonymGroup.objects.create(language="en", terms="sleeplessness\ninsomniax")
    with override("fr"):
        french = current_thesaurus()
    english = current_thesaurus()
    assert french.synonyms(("insomnie",)) and not french.synonyms(("sleeplessness",))
    assert english.synonyms(("sleeplessness",)) and not english.synonyms(("insomnie",))
