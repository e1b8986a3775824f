"""The feeds, held to the rules the W3C Feed Validator applies to RSS 2.0 and Atom (RFC 4287).

Atom ids and RSS guids are permanent `tag:` URIs (RFC 4151); every link is absolute; each
feed names its own address (rel="self"); dates are RFC 3339 (Atom) and RFC 822 (RSS). The
French feeds (`/fr/fil/`) are held to the same rules, and say their language.
"""

import re
from datetime import UTC
from email.utils import parsedate_to_datetime

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from tests.factories import ArticleFactory, TopicFactory

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
TAG_URI = re.compile(
    r"^tag:[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
    r",\d{4}(-\d\d(-\d\d)?)?:[\w\-.~!$&'()*+,;=:@/?%]+$"
)
RFC_3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def absolute(url):
    return url.startswith(settings.SITE_URL + "/")


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return ElementTree.fromstring(response.content)


# The topics with live articles in each language (the site's French article is about PTSD).
FEED_TOPICS = {"en": ("ptsd", "depression"), "fr": ("ptsd",)}


def feed_paths(client, language="en"):
    with translation.override(language):
        paths = [(reverse("articles:feed"), "rss"), (reverse("articles:atom-feed"), "atom")]
        for slug in FEED_TOPICS[language]:
            paths.append((reverse("articles:topic-feed", kwargs={"slug": slug}), "rss"))
            paths.append((reverse("articles:topic-atom-feed", kwargs={"slug": slug}), "atom"))
    return paths


def atom_problems(feed, path):
    found = []
    self_links = [l for l in feed.findall(f"{ATOM}link") if l.get("rel") == "self"]  # noqa: E741
    if [l.get("href") for l in self_links] != [settings.SITE_URL + path]:  # noqa: E741
        found.append("feed: rel=self is not the feed's own address")
    for element in [feed, *feed.findall(f"{ATOM}entry")]:
        name = element.findtext(f"{ATOM}title")
        element_id = element.findtext(f"{ATOM}id")
        if not (TAG_URI.match(element_id) or absolute(element_id)):
            found.append(f"{name}: id {element_id!r} is not an absolute IRI")
        if not RFC_3339.match(element.findtext(f"{ATOM}updated") or ""):
            found.append(f"{name}: updated is not an RFC 3339 time")
        for link in element.findall(f"{ATOM}link"):
            if not absolute(link.get("href")):
                found.append(f"{name}: relative link {link.get('href')}")
    for entry in feed.findall(f"{ATOM}entry"):
        if not TAG_URI.match(entry.findtext(f"{ATOM}id")):
            found.append(f"entry id {entry.findtext(f'{ATOM}id')} is not a tag: URI")
        for author in entry.findall(f"{ATOM}author"):
            if not author.findtext(f"{ATOM}name"):
                found.append("an author without a name")
            if not absolute(author.findtext(f"{ATOM}uri") or ""):
                found.append(f"author uri {author.findtext(f'{ATOM}uri')!r} is not absolute")
    return found


def rss_problems(rss, path):
    found = []
    channel = rss.find("channel")
    if rss.get("version") != "2.0":
        found.append("not RSS 2.0")
    for field in ("title", "link", "description"):
        if not channel.findtext(field):
            found.append(f"channel lacks {field}")
    self_link = channel.find(f"{ATOM}link")
    if self_link is None or self_link.get("href") != settings.SITE_URL + path:
        found.append("channel: atom:link rel=self is not the feed's own address")
    for item in channel.findall("item"):
        guid = item.find("guid")
        if not TAG_URI.match(guid.text) or guid.get("isPermaLink") != "false":
            found.append(f"guid {guid.text!r} is not a permanent tag: URI")
        if not absolute(item.findtext("link")):
            found.append(f"relative item link {item.findtext('link')}")
        parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822, or this raises
        if not item.findtext(f"{DC}creator"):
            found.append("item without an author")
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("language", FEED_TOPICS)
def test_every_feed_keeps_the_validators_rules(site, client, language):
    for path, kind in feed_paths(client, language):
        document = xml(client, path)
        problems = atom_problems(document, path) if kind == "atom" else rss_problems(document, path)
        assert problems == [], (path, problems)
        entries = document.findall(f"{ATOM}entry") or document.find("channel").findall("item")
        ids = [e.findtext(f"{ATOM}id") or e.findtext("guid") for e in entries]
        assert ids and len(ids) == len(set(ids)), path


@pytest.mark.django_db
def test_the_french_feeds_are_in_french_and_list_only_french_articles(site, client):
    french = Article.objects.get(language="fr")
    paths = feed_paths(client, "fr")
    assert [path for path, _kind in paths][:2] == ["/fr/fil/", "/fr/fil/atom/"]
    for path, kind in paths:
        document = xml(client, path)
        if kind == "atom":
            assert document.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr", path
            links = [e.find(f"{ATOM}link").get("href") for e in document.findall(f"{ATOM}entry")]
        else:
            assert document.find("channel").findtext("language") == "fr", path
            links = [item.findtext("link") for item in document.find("channel").findall("item")]
        assert links == [settings.SITE_URL + french.get_absolute_url()], path
    topic_feed = xml(client, paths[-1][0])  # French puts a (no-break) space before a colon
    assert topic_feed.findtext(f"{ATOM}title") == "Harbourlight Clinic\u00a0: PTSD"


@pytest.mark.django_db
def test_rss_and_atom_give_an_article_the_same_id(site, client):
    rss = xml(client, reverse("articles:feed")).find("channel")
    atom = xml(client, reverse("articles:atom-feed"))
    assert [i.findtext("guid") for i in rss.findall("item")] == [
        e.findtext(f"{ATOM}id") for e in atom.findall(f"{ATOM}entry")
    ]


@pytest.mark.django_db
def test_an_entry_id_survives_a_new_slug_and_title(site, client):
    def ids():
        feed = xml(client, reverse("articles:atom-feed"))
        return {e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")}

    before = ids()
    article = Article.objects.get(slug="ketamine-and-ptsd")
    article.slug, article.title = "ketamine-ptsd-review", "A new title"
    article.save()
    assert ids() == before


@pytest.mark.django_db
def test_tag_ids_are_built_from_the_site_host_and_creation_day(site, client, settings):
    settings.SITE_URL = "https://clinic.example.org"
    article = Article.objects.get(slug="ketamine-and-ptsd")
    atom = xml(client, reverse("articles:atom-feed"))
    ids = {e.findtext(f"{ATOM}id") for e in atom.findall(f"{ATOM}entry")}
    day = article.created_at.astimezone(UTC).date().isoformat()
    assert f"tag:clinic.example.org,{day}:article-{article.pk}" in ids


@pytest.mark.django_db
def test_a_topic_without_live_articles_has_no_feeds(client):
    topic = TopicFactory(slug="drafts-only")
    ArticleFactory(draft=True).topics.add(topic)
    for name in ("articles:topic-feed", "articles:topic-atom-feed"):
        assert client.get(reverse(name, kwargs={"slug": "drafts-only"})).status_code == 404
