"""An article page made from its kept parts is the page made afresh, and any write to what it
shows makes them stale: the article, its studies, notices, corrections and topic links (that
article only), or anything else a page shows (every article)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleChange, CitationNotice, GlossaryTerm
from articles.views.article_parts import PageParts
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, LocationFactory, StudyFactory, TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def article():
    study = StudyFactory()
    article = study.article
    article.topics.add(TopicFactory(name="PTSD", slug="ptsd"))
    ArticleFactory().topics.add(article.topics.get())  # something related
    return article


def _get(client, article, query=""):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    return response.text, len(captured)


def _kept(client, article):
    """The page made afresh, then made from its kept parts: both, and the queries of each."""
    fresh, fresh_queries = _get(client, article)
    kept, kept_queries = _get(client, article)
    return fresh, kept, fresh_queries, kept_queries


def test_a_page_made_from_kept_parts_is_the_page_made_afresh(client, article):
    fresh, kept, fresh_queries, kept_queries = _kept(client, article)
    assert kept == fresh
    # the article's page head, its live translations (the language links), its previous/next
    # and its related articles: nothing else
    assert kept_queries == 4 < fresh_queries


def test_previous_next_and_related_are_read_afresh_each_time(client, article):
    _kept(client, article)
    newer = ArticleFactory(title="A newer summary on PTSD")
    newer.topics.add(article.topics.get())
    html, _ = _get(client, article)
    assert 'rel="next"' in html and "A newer summary on PTSD" in html


def test_from_a_topic_page_the_trail_stays_in_the_topic(client, article):
    _kept(client, article)
    html, _ = _get(client, article, "?topic=ptsd")
    assert "Showing summaries about" in html
    assert html == client.get(article.get_absolute_url() + "?topic=ptsd").text


@pytest.mark.parametrize(
    "change, shown",
    [
        (lambda a: setattr(a, "title", "A retitled summary") or a.save(), "A retitled summary"),
        (lambda a: StudyFactory(article=a, title="A second trial"), "A second trial"),
        (lambda a: _edit(a.studies.get(), journal="The Lancet"), "The Lancet"),
        (
            lambda a: CitationNotice.objects.create(
                study=a.studies.get(),
                kind=CitationNotice.Kind.RETRACTION,
                notice_key="retraction",
                published_on=date(2020, 2, 6),
                source="Crossref",
            ),  # fmt: skip
            "This study was retracted on 6 February 2020",
        ),
        (
            lambda a: ArticleChange.objects.create(
                article=a, note="The dose was misstated.", kind=ArticleChange.Kind.CORRECTION
            ),
            "The dose was misstated.",
        ),
        (lambda a: a.topics.add(TopicFactory(name="Ketamine")), "Ketamine"),
        (lambda a: TopicFactory(name="Trauma").articles.add(a), "Trauma"),
        (lambda a: _edit(a.topics.get(), name="Post-traumatic stress"), "Post-traumatic stress"),
        (lambda a: _edit(a.author, name="Dr Ana Ruiz"), "Dr Ana Ruiz"),
        (
            lambda a: GlossaryTerm.objects.create(
                term="Two", slug="two", definition="What a study showed."
            ),
            "What a study showed.",
        ),
        (lambda a: _edit(ClinicProfile.load(), about="A clinic by the lake."), "by the lake"),
        (lambda a: LocationFactory(name="Lakeshore clinic"), "Lakeshore clinic"),
    ],
    ids=[
        "article",
        "new study",
        "study",
        "notice",
        "correction",
        "topic added",
        "added from the topic",
        "topic renamed",
        "author renamed",
        "glossary",
        "clinic",
        "location",
    ],  # fmt: skip
)
def test_any_write_to_what_the_page_shows_is_shown_next_time(client, article, change, shown):
    _kept(client, article)
    change(article)
    html, _ = _get(client, article)
    assert shown in html
    cache_free = _fresh_page(client, article)
    assert html == cache_free


def test_a_write_to_one_article_leaves_the_others_parts_kept(client, article):
    other = ArticleFactory()
    _kept(client, article)
    other.title = "Another title"
    other.save()
    _, queries = _get(client, article)
    assert queries == 4


def test_an_unpublished_article_is_gone_even_with_its_parts_kept(client, article):
    _kept(client, article)
    article.status = article.Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_preview_is_neither_made_from_parts_nor_kept(client, admin_client, article):
    article.status = article.Status.DRAFT
    article.save()
    first = admin_client.get(article.get_absolute_url()).text
    assert "Preview — not public." in first
    assert admin_client.get(article.get_absolute_url()).text == first
    assert not [key for key in cache._cache if "article-parts:entry" in key]


def test_an_address_with_a_page_number_is_made_afresh(client, article):
    _kept(client, article)
    _, first = _get(client, article, "?page=2")
    _, second = _get(client, article, "?page=2")
    assert first == second > 4


def _edit(instance, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()


def _fresh_page(client, article):
    cache.clear()
    return client.get(article.get_absolute_url()).text


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_menu_marks_the_page_it_is_on_with_the_header_kept(client, article):
    client.get(article.get_absolute_url())
    listing = client.get("/articles/").text
    assert '<a href="/articles/" aria-current="page">Articles</a>' in listing
    html = client.get(article.get_absolute_url()).text
    assert '<a href="/articles/" aria-current="true">Articles</a>' in html
    assert '<a href="/topics/">Topics</a>' in html


def test_a_part_is_written_out_as_kept_or_rendered_and_recorded():
    template = Template('{% load parts %}<p>{% part "x" %}{{ word }}{% endpart %}</p>')
    assert template.render(Context({"word": "<b>"})) == "<p>&lt;b&gt;</p>"
    parts = PageParts()
    assert template.render(Context({"word": "made", "page_parts": parts})) == "<p>made</p>"
    assert parts.made == {"x": "made"}
    kept = PageParts({"x": "kept"})
    assert template.render(Context({"word": "made", "page_parts": kept})) == "<p>kept</p>"
    other = Template('{% load parts %}{% part "y" in mine %}{{ word }}{% endpart %}')
    assert other.render(Context({"word": "w", "mine": PageParts({"y": "z"})})) == "z"


@pytest.mark.parametrize("tag", ["{% part x %}", '{% part "x" on y %}', "{% part %}"])
def test_a_part_needs_a_quoted_name(tag):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load parts %}" + tag + "{% endpart %}")
