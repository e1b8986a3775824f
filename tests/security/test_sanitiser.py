"""The XSS corpus through every way editor or visitor text reaches a page.

Markdown is rendered by `clinic.authoring.markdown.render_markdown` (articles, bios, the editor's
preview); search snippets are escaped by `articles.search.highlight`. Each path must turn
every vector into HTML that can run nothing.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.search import highlight
from clinic.authoring.markdown import ALLOWED_TAGS, render_markdown
from tests.factories import ArticleFactory, PersonFactory
from tests.security.html_checks import load_vectors, problems

VECTORS = load_vectors()


def test_the_corpus_is_large_enough():
    assert len(VECTORS) >= 150
    assert len(set(VECTORS)) == len(VECTORS), "duplicate vectors"


@pytest.mark.parametrize("vector", VECTORS)
def test_markdown_pipeline_neutralises_vector(vector):
    html = render_markdown(vector)
    assert problems(html, allowed_tags=ALLOWED_TAGS) == [], html


def test_admin_preview_endpoint_neutralises_every_vector(editor_client):
    for vector in VECTORS:
        response = editor_client.post(reverse("editor:markdownify"), {"content": vector})
        assert response.status_code == 200
        assert problems(response.text, allowed_tags=ALLOWED_TAGS) == [], (vector, response.text)
        assert response.text == render_markdown(vector)


def test_person_bios_neutralise_every_vector(db, client):
    person = PersonFactory(slug="ana-ruiz")
    for vector in VECTORS:
        person.bio = vector
        person.save()
        assert problems(person.bio_html, allowed_tags=ALLOWED_TAGS) == [], (vector, person.bio_html)
        page = client.get(person.get_absolute_url()).text
        assert person.bio_html in page
        assert problems(page, page_scripts=True) == [], vector


def test_article_bodies_neutralise_every_vector(db, client):
    article = ArticleFactory(slug="one")
    for vector in VECTORS:
        article.body = vector
        article.save()
        assert problems(article.body_html, allowed_tags=ALLOWED_TAGS) == [], vector
        page = client.get(article.get_absolute_url()).text
        assert problems(page, page_scripts=True) == [], vector


def test_search_highlighting_escapes_every_vector():
    for vector in VECTORS:
        html = highlight(f"\x02{vector}\x03 and {vector}")
        assert problems(html, allowed_tags={"mark"}) == [], (vector, html)


def test_search_results_page_escapes_vectors_in_articles_and_queries(db, client):
    ArticleFactory(title="Ketamine <b>study</b>", summary=" ".join(VECTORS[:60]) + " ketamine")
    for vector in VECTORS:
        ArticleFactory(summary=f"ketamine {vector}")
    for query in ["ketamine", *VECTORS[::5]]:
        response = client.get(reverse("articles:search"), {"q": query})
        assert response.status_code < 500
        assert problems(response.text, page_scripts=True) == [], query


# Tokens that make up attacks, so generated text is dense with near-misses, not just noise.
TOKENS = [
    "<", ">", "</", "/>", "script", "img", "svg", "a", "iframe", "style", "math", " ", "\n",
    "\t", "\x00", "=", '"', "'", "`", "on", "error", "load", "click", "src", "href",
    "javascript", "vbscript", "data", ":", "&#", "&#x", ";", "6A", "106", "x", "[", "](", ")",
    "![", "<!--", "-->", "```", "    ", "> ", "| ", "[^1]", "*", "_", "\\", "{", "}", "&",
    "expression(", "url(", "alert(1)", "<![CDATA[", "%", "\u2028", "\ufeff",
]  # fmt: skip
attack_like_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.sampled_from(VECTORS), st.text(max_size=4)),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(), attack_like_text))
def test_rendering_any_text_never_raises_and_never_yields_active_content(text):
    html = render_markdown(text)
    assert problems(html, allowed_tags=ALLOWED_TAGS) == [], html
