"""On an article page, previous/next come right after the article; related summaries leave
out those two and are a compact list."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _article(days_ago, topic, **kwargs):
    article = ArticleFactory(publish_at=timezone.now() - timedelta(days=days_ago), **kwargs)
    article.topics.set([topic])
    return article


def test_previous_and_next_follow_the_closing_disclaimer_before_anything_else(client):
    topic = TopicFactory()
    older, current, newer = (_article(days, topic) for days in (30, 20, 10))
    html = client.get(current.get_absolute_url()).text
    closing = html.index('id="disclaimer"')
    pager = html.index('aria-label="More research summaries"')
    assert closing < pager < html.index('class="site-footer')
    for later in ('id="about-heading"', "contact-cta", 'id="related-heading"'):
        if later in html:
            assert html.index(later) > pager


def test_related_summaries_leave_out_the_neighbours_and_are_compact(client):
    topic = TopicFactory()
    _article(40, topic, title="Oldest on the topic")
    older = _article(30, topic, title="Just before")
    current = _article(20, topic)
    newer = _article(10, topic, title="Just after")
    response = client.get(current.get_absolute_url())
    related = response.context["related_articles"]
    assert older not in related and newer not in related
    assert [article.title for article in related] == ["Oldest on the topic"]
    section = response.text.split('id="related-heading"')[1].split("</section>")[0]
    assert 'class="related__list"' in section and 'class="card"' not in section


def test_the_answer_comes_first_then_the_study_then_the_rest(client):
    article = ArticleFactory(
        body="Why this matters.\n\n## Key findings\n\n1. Symptoms fell.\n\n"
        "## How might this work?\n\nNobody knows yet.\n",
        disclaimer="Not advice: call 911 or 988 (Suicide Crisis Helpline).",
    )
    StudyFactory(article=article)
    html = client.get(article.get_absolute_url()).text
    order = [
        "<h1>",
        'class="article__summary"',
        'class="byline"',
        'href="#disclaimer"',
        "Symptoms fell.",
        "The study at a glance",
        "How strong is the evidence?",
        "<h2>Background</h2>",
        "Why this matters.",
        "How might this work?",
        'id="disclaimer"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert '<a class="phone-link" href="tel:988">988 (Suicide Crisis Helpline)</a>' in html
    assert '<a class="phone-link" href="tel:911">911</a>' in html


def test_a_body_without_a_findings_heading_leads_with_its_introduction(client):
    article = ArticleFactory(body="First paragraph.\n\n## Background\n\nMore.\n")
    StudyFactory(article=article)
    html = client.get(article.get_absolute_url()).text
    assert html.index("First paragraph.") < html.index("The study at a glance")
    assert html.index("The study at a glance") < html.index("Background")


@pytest.mark.parametrize(
    "heading", ["Principaux résultats", "Résultats clés", "Ce que l’étude a trouvé"]
)
def test_a_french_article_leads_with_its_findings_and_a_french_background_heading(client, heading):
    from clinic.domain.models.wording_fr import DEFAULT_DISCLAIMER_FR

    original = ArticleFactory()
    StudyFactory(article=original)  # the translation shows its original's study
    article = ArticleFactory(
        language="fr", translation_key=original.translation_key, disclaimer=DEFAULT_DISCLAIMER_FR,
        body=f"Pourquoi c’est important.\n\n## {heading}\n\n1. Les symptômes ont baissé.\n\n"
        "## Comment cela pourrait-il fonctionner?\n\nOn ne le sait pas encore.\n",
    )  # fmt: skip
    html = client.get(article.get_absolute_url()).text
    order = ["Les symptômes ont baissé.", "L’étude en bref", "<h2>Contexte</h2>",
             "Pourquoi c’est important.", "Comment cela pourrait-il fonctionner?"]  # fmt: skip
    assert [marker for marker in order if marker not in html] == []
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "Background" not in html
