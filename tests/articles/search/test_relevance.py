"""Relevance on the demo content: what patients type finds the right article near the top.

Floors, enforced on both databases (the suite runs on each): recall at 3 and mean reciprocal
rank over the relevance set in `relevance_set.py`. Measured figures: docs/benchmarks.md.
"""

import io

import pytest
from django.core.management import call_command

from tests.articles.search.relevance_set import RELEVANCE, measure

pytestmark = pytest.mark.django_db

RECALL_AT_3_FLOOR = 0.95
MRR_FLOOR = 0.9


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())


def test_relevance_set_has_at_least_thirty_lay_queries():
    assert len(RELEVANCE) >= 30
    assert len({query for query, _ in RELEVANCE}) == len(RELEVANCE)


def test_the_set_holds_the_words_patients_were_seen_to_use():
    queries = {query for query, _ in RELEVANCE}
    assert {"cant sleep", "ptsd theraphy", "nightmares", "flashbacks",
            "nightmares after car accident", "Zoloft", "sertraline"} <= queries  # fmt: skip


def test_lay_queries_find_the_expected_articles_near_the_top(demo):
    recall, mrr, seen = measure()
    misses = {q: seen[q][:3] for q, expected in RELEVANCE if not expected & set(seen[q][:3])}
    assert recall >= RECALL_AT_3_FLOOR, (recall, misses)
    assert mrr >= MRR_FLOOR, (mrr, misses)


@pytest.mark.parametrize(
    ("typo", "word", "slug"),
    [
        ("ketamin", "ketamine", "repeated-ketamine-infusions-for-chronic-ptsd"),
        ("depresion", "depression", "esketamine-nasal-spray-for-treatment-resistant-depression"),
        ("psychoterapy", "psychotherapy", "ketamine-and-psychotherapy-for-ptsd-2023-review"),
    ],
)
def test_a_typo_reaches_the_right_article_in_one_tap(client, demo, typo, word, slug):
    from django.urls import reverse

    response = client.get(reverse("articles:search"), {"q": typo})
    found = [article.slug for article in response.context["page_obj"].object_list]
    if slug not in found[:3]:  # nothing found as typed: the suggestion is one tap away
        assert response.context["search"].suggestion == word
        assert f'href="/search/?q={word}"'.encode() in response.content
        response = client.get(reverse("articles:search"), {"q": word})
        found = [article.slug for article in response.context["page_obj"].object_list]
    assert slug in found[:3]
