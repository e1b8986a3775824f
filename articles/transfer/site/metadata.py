"""A post page's title, date, author and address: what the page says about itself.

In order of trust: the platform's own markup for the post's title (the `<h1>` Wix marks
`data-hook="post-title"`, WordPress and Squarespace mark `entry-title`: SEO plugins often give
`og:title` and JSON-LD a longer, different title); JSON-LD (`BlogPosting`, `Article`,
`NewsArticle`, and the `WebPage` node Yoast puts the date and author on, with `@id` references
followed); Open Graph / `article:` tags; the theme's byline and `<time>` markup; and last
trafilatura's own reading of the page (which, for instance, takes a theme's "View all posts by
…" link for the author's name).
"""

import json
import re
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urljoin

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

ARTICLE_TYPES = {"BlogPosting", "Article", "NewsArticle", "Report", "TechArticle",
                 "SocialMediaPosting", "ScholarlyArticle", "MedicalScholarlyArticle"}  # fmt: skip
PAGE_TYPES = {"WebPage", "ItemPage", "MedicalWebPage"}
TITLE_MARKERS = (
    '//*[@data-hook="post-title"]',
    '//h1[contains(concat(" ", normalize-space(@class), " "), " entry-title ")]',
    '//article//h1[contains(concat(" ", normalize-space(@class), " "), " title ")]',
)
AUTHOR_MARKERS = (
    '//*[contains(concat(" ", normalize-space(@class), " "), " author ")]'
    '[contains(concat(" ", normalize-space(@class), " "), " vcard ")]'
    '//*[contains(concat(" ", normalize-space(@class), " "), " fn ")]',
    '//a[@rel="author"]',
    '//*[@data-hook="user-name"]',
)
DATE_MARKERS = (
    '//time[contains(concat(" ", normalize-space(@class), " "), " published ")]/@datetime',
    '//time[contains(concat(" ", normalize-space(@class), " "), " dt-published ")]/@datetime',
    '//time[@itemprop="datePublished"]/@datetime',
)
BYLINE_NOISE = re.compile(r"^(view all posts by|posted by|written by|by)\s+", re.IGNORECASE)


@dataclass
class Metadata:
    title: str = ""
    published_at: datetime | None = None
    author: str = ""
    canonical: str = ""
    description: str = ""


def _clean(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _types(node):
    kind = node.get("@type", [])
    return set(kind if isinstance(kind, list) else [kind])


def json_ld_nodes(document):
    """Every JSON-LD object on the page, `@graph`s flattened; broken blocks are skipped."""
    nodes = []
    for script in document.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                nodes.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
            elif isinstance(item, list):
                stack.extend(item)
    return nodes


def _person_name(value, by_id):
    if isinstance(value, list):
        names = [_person_name(item, by_id) for item in value]
        return " and ".join(name for name in names if name)
    if isinstance(value, str):
        return "" if value.startswith(("http://", "https://")) else _clean(value)
    if isinstance(value, dict):
        if not value.get("name") and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        name = value.get("name")
        return _clean(name) if isinstance(name, str) else ""
    return ""


def parse_when(value):
    """An aware datetime from an ISO 8601 date or date-time, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        try:
            day = parse_date(value[:10])
        except ValueError:
            day = None
        if day is None:
            return None
        moment = datetime.combine(day, time(12, 0))
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _meta(document, name):
    values = document.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return _clean(values[0]) if values else ""


def _first_text(document, xpaths):
    for xpath in xpaths:
        for element in document.xpath(xpath):
            text = _clean(element if isinstance(element, str) else element.text_content())
            if text:
                return text
    return ""


def read_metadata(document, page_url, fallback):
    """`Metadata` from the parsed page; `fallback` is trafilatura's reading (or None)."""
    nodes = json_ld_nodes(document)
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    article = next((node for node in nodes if _types(node) & ARTICLE_TYPES), {})
    page = next((node for node in nodes if _types(node) & PAGE_TYPES), {})
    fallback = fallback or {}

    headline = article.get("headline") or article.get("name")
    titles = [
        _first_text(document, TITLE_MARKERS),
        _clean(headline) if isinstance(headline, str) else "",
        _meta(document, "og:title"),
        _clean(fallback.get("title")),
    ]
    dates = [
        article.get("datePublished"),
        page.get("datePublished"),
        _meta(document, "article:published_time"),
        _first_text(document, DATE_MARKERS),
        fallback.get("date"),
    ]
    authors = [
        _person_name(article.get("author"), by_id),
        _person_name(page.get("author"), by_id),
        _person_name(_meta(document, "author"), by_id),
        _person_name(_meta(document, "article:author"), by_id),
        _first_text(document, AUTHOR_MARKERS),
        _clean(fallback.get("author")),
    ]
    canonical = document.xpath('//link[@rel="canonical"]/@href')
    canonical = urljoin(page_url, canonical[0].strip()) if canonical else ""
    return Metadata(
        title=next((title for title in titles if title), ""),
        published_at=next((when for when in map(parse_when, dates) if when), None),
        author=BYLINE_NOISE.sub("", next((name for name in authors if name), "")),
        canonical=canonical,
        description=_meta(document, "og:description") or _meta(document, "description"),
    )
