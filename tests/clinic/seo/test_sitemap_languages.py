"""The sitemap's language versions: every language's address of a page is a <url>, naming all of
them with <xhtml:link rel="alternate" hreflang> and x-default, checked against a schema of the
sitemaps.org protocol with Google's xhtml:link (schemas/) and against the rules Google
documents for hreflang in sitemaps: each version lists itself and every other, each version
has its own <url>, the sets are reciprocal, one link a language, absolute URLs, and the
sitemap says what the pages' own heads say.
"""

from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from articles.models import Article
from tests.clinic.seo.test_languages import alternates as head_alternates
from tests.factories import ArticleFactory, TopicFactory
from tests.sitemaps import NS, all_urls, alternates, index_entries, page_path

SCHEMA = Path(__file__).parent / "schemas" / "sitemap.xsd"
pytestmark = pytest.mark.django_db


def versions(client):
    """{loc: [(hreflang, href)]} of every <url> of the sitemap."""
    return {url.findtext(f"{NS}loc"): alternates(url) for url in all_urls(client)}


def absolute(path):
    return settings.SITE_URL + path


def test_the_index_and_every_page_are_valid_against_the_schema(site, client):
    schema = etree.XMLSchema(etree.parse(SCHEMA))
    schema.assertValid(etree.fromstring(client.get("/sitemap.xml").content))
    pages = [page_path(loc) for loc, _ in index_entries(client)]
    assert len(pages) == 5
    for path in pages:
        schema.assertValid(etree.fromstring(client.get(path).content))


@pytest.mark.parametrize(
    "link",
    [
        '<xhtml:link rel="alternate" hreflang="fr-CA"/>',  # no href
        '<xhtml:link rel="alternate" hreflang="French" href="https://a.example/fr/"/>',
        '<xhtml:link rel="alternate" hreflang="fr" href="/fr/"/>',  # not absolute
        '<xhtml:link rel="canonical" hreflang="fr" href="https://a.example/fr/"/>',
    ],
)
def test_the_schema_refuses_a_link_google_would_ignore(link):
    schema = etree.XMLSchema(etree.parse(SCHEMA))
    document = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://a.example/</loc>'
        f"{link}</url></urlset>"
    )
    assert not schema.validate(etree.fromstring(document))
    misplaced = document.replace(f"<loc>https://a.example/</loc>{link}", f"{link}<loc>x</loc>")
    assert not schema.validate(etree.fromstring(misplaced))


def test_alternates_follow_googles_rules(site, client):
    listed = versions(client)
    translated = {loc: links for loc, links in listed.items() if links}
    assert len(translated) >= 20
    for loc, links in translated.items():
        tags = [tag for tag, _ in links]
        assert len(tags) == len(set(tags)), (loc, "one link a language")
        assert tags[-1] == "x-default" and tags[:-1] == ["en-CA", "fr-CA"], loc
        assert loc in dict(links).values(), (loc, "lists itself")
        assert dict(links)["x-default"] == dict(links)["en-CA"]
        for _, href in links:
            assert href.startswith(settings.SITE_URL + "/")
            assert listed.get(href) == links, (loc, href, "each version listed, reciprocal")


def test_the_sitemap_says_what_each_page_says(site, client):
    for loc, links in versions(client).items():
        response = client.get(loc.removeprefix(settings.SITE_URL))
        assert response.status_code == 200, loc
        assert head_alternates(response.text) == dict(links), loc


def test_an_article_names_its_translation_and_an_untranslated_one_none(site, client):
    listed = versions(client)
    english, french = absolute(site["article"]), absolute(site["french-article"])
    expected = [("en-CA", english), ("fr-CA", french), ("x-default", english)]
    assert listed[english] == listed[french] == expected
    assert listed[absolute(site["illustrated-article"])] == []


def test_a_translation_that_is_not_live_is_not_named(site, client):
    Article.objects.filter(slug="ketamine-et-tspt").update(status=Article.Status.DRAFT)
    listed = versions(client)
    assert listed[absolute(site["article"])] == []
    assert absolute(site["french-article"]) not in listed


def test_a_topic_is_listed_in_the_languages_it_has_articles_in(site, client):
    listed = versions(client)
    english, french = absolute(site["topic"]), absolute("/fr/sujets/ptsd/")
    assert listed[english] == listed[french] == [
        ("en-CA", english), ("fr-CA", french), ("x-default", english),
    ]  # fmt: skip
    assert listed[absolute(site["described-topic"])] == []  # in English only
    assert absolute("/fr/sujets/depression/") not in listed


def test_a_topic_in_french_only_has_its_french_address_and_no_alternates(site, client):
    topic = TopicFactory(name="Sleep", slug="sleep", name_fr="Sommeil", slug_fr="sommeil")
    ArticleFactory(language="fr", slug="le-sommeil").topics.add(topic)
    listed = versions(client)
    assert listed[absolute("/fr/sujets/sommeil/")] == []
    assert absolute("/topics/sleep/") not in listed


def test_pages_in_every_language_are_listed_in_each(site, client):
    listed = versions(client)
    for english, french in [
        ("/", "/fr/"), ("/team/", "/fr/equipe/"), ("/locations/downtown/", "/fr/lieux/downtown/"),
        ("/team/ana-ruiz/", "/fr/equipe/ana-ruiz/"), ("/glossary/", "/fr/glossaire/"),
    ]:  # fmt: skip
        links = [("en-CA", absolute(english)), ("fr-CA", absolute(french)),
                 ("x-default", absolute(english))]  # fmt: skip
        assert listed[absolute(english)] == listed[absolute(french)] == links


def articles_section_date(client):
    """The index's date of the articles section (its first page: ids need not start at 1)."""
    return next(day for loc, day in index_entries(client) if "/sitemap-articles.xml" in loc)


def test_a_french_page_is_dated_by_the_french_articles(site, client):
    before = articles_section_date(client)
    french = Article.objects.get(slug="ketamine-et-tspt")
    Article.objects.filter(pk=french.pk).update(updated_at=french.publish_at.replace(year=2099))
    urls = {url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in all_urls(client)}
    assert urls[absolute("/fr/")] == "2099-" + urls[absolute("/fr/")][5:]
    assert not urls[absolute("/")].startswith("2099")
    assert articles_section_date(client).startswith("2099") and not before.startswith("2099")
