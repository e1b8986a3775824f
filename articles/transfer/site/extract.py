"""One post page read into plain data: title, date, author, body, images and addresses."""

import re
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from lxml import etree, html

from .body import extract_body
from .metadata import read_metadata


@dataclass
class ExtractedPage:
    url: str  # where the page was read
    title: str = ""
    published_at: datetime | None = None
    author: str = ""
    body_html: str = ""
    images: list[tuple[str, str]] = field(default_factory=list)  # (address, alt text)
    canonical: str = ""
    description: str = ""
    source: str = ""  # "container": the platform's post markup was found; "page": it was not


class NotAPage(Exception):
    """The bytes are not an HTML page that can be read."""


def _trafilatura_metadata(document, url):
    try:
        found = trafilatura.extract_metadata(document, default_url=url)
    except (ValueError, TypeError):  # defensive: a page trafilatura cannot read at all
        return {}
    return found.as_dict() if found is not None else {}


def _same_words(a, b):
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def drop_title_heading(body_html, title):
    """The body without a heading that repeats the title (and a label or two before it)."""
    if not body_html or not title:
        return body_html
    fragment = html.fragment_fromstring(body_html, create_parent="div")
    blocks = list(fragment)[:4]
    for index, block in enumerate(blocks):
        if block.tag in {"h1", "h2"} and _same_words(block.text_content(), title):
            before = blocks[:index]
            if all(len(b.text_content().split()) <= 4 and b.find(".//img") is None
                   for b in before):  # fmt: skip
                for element in [*before, block]:
                    fragment.remove(element)
            break
    return "".join(html.tostring(child, encoding="unicode") for child in fragment)


def extract_page(page_html, url):
    """An `ExtractedPage` from a post page's HTML (text, already decoded)."""
    if not page_html.strip():
        raise NotAPage("the page is empty")
    try:
        document = html.fromstring(page_html)
    except (etree.ParserError, ValueError) as error:
        raise NotAPage(f"the page cannot be read as HTML ({error})") from error
    metadata = read_metadata(document, url, _trafilatura_metadata(document, url))
    body_html, source = extract_body(document, url)
    body_html = drop_title_heading(body_html, metadata.title)
    images = []
    if body_html:
        for image in html.fragment_fromstring(body_html, create_parent="div").iter("img"):
            images.append((image.get("src", ""), image.get("alt", "")))
    return ExtractedPage(
        url=url,
        title=metadata.title,
        published_at=metadata.published_at,
        author=metadata.author,
        body_html=body_html,
        images=images,
        canonical=metadata.canonical,
        description=metadata.description,
        source=source,
    )
