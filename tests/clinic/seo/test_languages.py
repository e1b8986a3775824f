"""English and French: addresses, the page's language tags, the switcher and hreflang."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse, translate_url
from django.utils import translation

from clinic.seo.languages import language_tag, og_locale
from tests.clinic.seo.site import SITE_URL, Head
from tests.factories import ArticleFactory

FIXED_PAGES = ["home", "articles", "topics", "topic", "team", "person", "locations", "location",
               "search", "glossary"]  # fmt: skip
FRENCH = {
    "/": "/fr/",
    "/articles/": "/fr/articles/",
    "/topics/": "/fr/sujets/",
    "/topics/ptsd/": "/fr/sujets/ptsd/",
    "/team/": "/fr/equipe/",
    "/team/ana-ruiz/": "/fr/equipe/ana-ruiz/",
    "/locations/": "/fr/lieux/",
    "/urgent-help/": "/fr/aide-urgente/",
    "/search/": "/fr/recherche/",
    "/glossary/": "/fr/glossaire/",
    "/follow/": "/fr/suivre/",
    "/editorial-policy/": "/fr/politique-editoriale/",
    "/feed/": "/fr/fil/",
}


class Switcher(HTMLParser):
    """The links of the header's language switcher, as attribute dicts with their text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.links, self._inside, self._link = [], False, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("class") == "language-switcher":
            self._inside = True
        elif tag == "a" and self._inside:
            self._link = {**attrs, "text": ""}

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(self._link)
            self._link = None
        elif tag == "ul":
            self._inside = False


def alternates(html):
    return {link["hreflang"]: link["href"] for link in Head(html).links if "hreflang" in link}


def html_lang(html):
    return re.search(r'<html lang="([^"]+)">', html).group(1)


@pytest.mark.parametrize(("english", "french"), FRENCH.items())
@pytest.mark.django_db
def test_english_addresses_stay_and_french_ones_have_french_words(site, english, french):
    assert translation.get_language() == "en"
    assert translate_url(english, "fr") == french


@pytest.mark.django_db
def test_french_pages_answer_under_fr_in_french(site, client):
    for name in FIXED_PAGES:
        path = translate_url(site[name], "fr")
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert path.startswith("/fr/")
        assert html_lang(html) == "fr-CA", path
        assert Head(html).one("og:locale") == "fr_CA"
        assert response["Content-Language"] == "fr"
        assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_a_french_page_reads_in_french(site, client):
    html = client.get("/fr/lieux/").content.decode()
    assert "<h1>Lieux et heures d’ouverture</h1>" in html
    html = client.get("/fr/lieux/downtown/").content.decode()
    assert "Passer au contenu principal" in html and "Skip to main content" not in html
    assert '<th scope="row">Lundi</th>' in html and ">Monday<" not in html
    assert re.search(r"\d{1,2}\xa0h\xa000", html), "times are written 9 h 00 in French"


@pytest.mark.django_db
def test_the_home_heading_is_in_the_page_language_when_the_clinic_wrote_none(site, client):
    english = client.get("/").content.decode()
    french = client.get("/fr/").content.decode()
    assert re.search(r"<h1[^>]*>[^<]*research library</h1>", english)
    assert re.search(r"<h1[^>]*>Bibliothèque de recherche – [^<]+</h1>", french)


@pytest.mark.django_db
def test_english_pages_keep_english_tags(site, fetch):
    html = fetch(site["team"]).content.decode()
    assert html_lang(html) == "en-CA"
    assert Head(html).one("og:locale") == "en_CA"
    assert Switcher(html).links[0]["text"] == "Français"


@pytest.mark.django_db
def test_json_ld_names_the_page_language(site, fetch):
    for path, tag in [(site["home"], "en-CA"), ("/fr/", "fr-CA")]:
        graph = Head(fetch(path).content.decode()).jsonld[0]["@graph"]
        assert {node["inLanguage"] for node in graph if "inLanguage" in node} == {tag}


@pytest.mark.django_db
def test_the_switcher_goes_to_the_same_page_in_the_other_language(site, fetch):
    for name in FIXED_PAGES:
        english = fetch(site[name]).content.decode()
        (link,) = Switcher(english).links
        assert (link["text"], link["lang"], link["hreflang"]) == ("Français", "fr-CA", "fr-CA")
        french = fetch(link["href"]).content.decode()
        (back,) = Switcher(french).links
        assert (back["text"], back["lang"], back["hreflang"]) == ("English", "en-CA", "en-CA")
        assert back["href"] == site[name]


@pytest.mark.django_db
def test_a_search_keeps_its_words_in_the_other_language(site, fetch):
    (link,) = Switcher(fetch("/search/?q=ketamine").content.decode()).links
    assert link["href"] == "/fr/recherche/?q=ketamine"


@pytest.mark.django_db
def test_hreflang_links_are_reciprocal_with_x_default(site, fetch):
    for name in FIXED_PAGES:
        english = alternates(fetch(site[name]).content.decode())
        french = alternates(fetch(english["fr-CA"].removeprefix(SITE_URL)).content.decode())
        assert english == french, name
        assert english["en-CA"] == english["x-default"] == SITE_URL + site[name]


@pytest.mark.django_db
def test_hreflang_keeps_the_page_number(site, fetch, settings):
    ArticleFactory.create_batch(settings.ARTICLES_PER_PAGE)
    ArticleFactory.create_batch(settings.ARTICLES_PER_PAGE, language="fr")
    links = alternates(fetch("/fr/articles/?page=2").content.decode())
    assert links["fr-CA"] == f"{SITE_URL}/fr/articles/?page=2"
    assert links["en-CA"] == f"{SITE_URL}/articles/?page=2"


@pytest.mark.django_db
def test_a_translated_article_switches_to_its_translation(site, fetch):
    assert site["french-article"] == "/fr/articles/ketamine-et-tspt/"
    english = fetch(site["article"]).content.decode()
    (link,) = Switcher(english).links
    assert link["href"] == site["french-article"]
    french = fetch(site["french-article"]).content.decode()
    assert html_lang(french) == "fr-CA"
    (back,) = Switcher(french).links
    assert back["href"] == site["article"]
    assert alternates(english) == alternates(french) == {
        "en-CA": SITE_URL + site["article"], "fr-CA": SITE_URL + site["french-article"],
        "x-default": SITE_URL + site["article"],
    }  # fmt: skip


@pytest.mark.django_db
def test_an_english_address_under_fr_is_not_found(site, client):
    assert client.get("/fr/articles/ketamine-and-ptsd/").status_code == 404


@pytest.mark.django_db
def test_an_untranslated_article_offers_the_not_yet_translated_page(site, fetch):
    html = fetch(site["illustrated-article"]).content.decode()
    assert alternates(html) == {}
    (link,) = Switcher(html).links
    assert link["href"] == "/fr/pas-encore-traduit/?from=%2Farticles%2Fexercise%2F"
    page = fetch(link["href"]).content.decode()
    assert html_lang(page) == "fr-CA"
    assert "Cette page n’est pas encore offerte en français" in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert f'href="{site["illustrated-article"]}" hreflang="en-CA"' in page
    (back,) = Switcher(page).links
    assert back["href"] == site["illustrated-article"]
    assert alternates(page) == {}


@pytest.mark.parametrize(
    "origin",
    ["", "https://evil.example/", "//evil.example/", "/no-such-page/", "/fr/", "/fr/sujets/",
     "/articles/x/?a=1", "/" + "a" * 3000, "\\\\evil"],
)  # fmt: skip
@pytest.mark.django_db
def test_the_not_yet_translated_page_only_names_other_pages_of_this_site(client, origin):
    path = reverse("clinic:not-translated")  # English: for a page that exists in French only
    response = client.get("/fr/pas-encore-traduit/", {"from": origin})
    assert response.status_code == 404
    assert client.get(path, {"from": "/fr/sujets/"}).status_code == 200


@pytest.mark.django_db
def test_a_missing_page_switches_to_the_other_language_home(client):
    response = client.get("/fr/pas-de-telle-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == "fr-CA" and "Nous n’avons pas trouvé cette page" in html
    assert Switcher(html).links[0]["href"] == "/"
    assert alternates(html) == {}


def test_language_tags_carry_the_region(settings):
    settings.LANGUAGE_REGION = "US"
    assert (language_tag("es"), og_locale("es")) == ("es-US", "es_US")
