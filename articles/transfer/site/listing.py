"""Reading sitemaps and feeds, and telling a blog post's address from a page's.

XML is read with defusedxml (no DTDs, entities or external references). Sitemaps may be
gzipped; they are unpacked up to a cap, like any other download.
"""

import gzip
import io
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import lxml.html
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_UNPACKED = 50 * 2**20

# Sitemaps that hold only posts: Wix, WordPress core, Yoast / Rank Math / All in One SEO.
POST_SITEMAP = re.compile(
    r"^(blog-posts-sitemap|wp-sitemap-posts-post-\d+|post-sitemap\d*|posts?-sitemap\d*"
    r"|sitemap-posts?\d*)\.xml(\.gz)?$"
)
# Sitemaps of anything else: pages, taxonomies, people, shops, events, media.
OTHER_SITEMAP = re.compile(
    r"page|categor|tag|taxonom|author|user|member|product|store|event|booking|forum|video"
    r"|image|portfolio|attachment|web-stor|landing"
)
# Addresses that list posts rather than being one.
NOT_A_POST = re.compile(
    r"/(tag|tags|category|categories|author|authors|page|search|feed|archive|archives"
    r"|wp-content|wp-json|hashtags|categories)(/|$)",
    re.IGNORECASE,
)
NOT_A_POST_QUERY = re.compile(r"(^|&)(tag|category|author|month|page|offset|format)=")
FILE = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|zip|mp3|mp4|docx?|xlsx?)$", re.IGNORECASE)
POST_PATH = re.compile(
    r"^/(post|posts|blog|news|articles?|journal|stories)/.+|/\d{4}/\d{1,2}/(\d{1,2}/)?[^/]+",
    re.IGNORECASE,
)
FEED_TYPES = {"application/rss+xml", "application/atom+xml"}


class ListingError(Exception):
    """A sitemap or feed that cannot be read; the message says which and why."""


@dataclass
class Entry:
    url: str
    lastmod: str = ""


def unpack(content):
    """The bytes of a sitemap, unzipped when it is gzipped (up to 50 MB)."""
    if not content.startswith(b"\x1f\x8b"):
        return content
    try:
        data = gzip.GzipFile(fileobj=io.BytesIO(content)).read(MAX_UNPACKED + 1)
    except (OSError, EOFError) as error:
        raise ListingError("the gzipped sitemap is damaged") from error
    if len(data) > MAX_UNPACKED:
        raise ListingError("the sitemap unpacks to more than 50 MB")
    return data


def _tree(content, what):
    try:
        return fromstring(unpack(content))
    except DefusedXmlException as error:
        raise ListingError(f"the {what} declares a DTD or entities, which are refused") from error
    except ParseError as error:
        raise ListingError(f"the {what} is not well-formed XML ({error})") from error


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element, name):
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def read_sitemap(content):
    """("index", entries) for a sitemap index, ("urlset", entries) for a list of pages."""
    root = _tree(content, "sitemap")
    kind = _local(root.tag)
    if kind not in {"sitemapindex", "urlset"}:
        raise ListingError(f"this is not a sitemap (it starts with <{kind}>)")
    item = "sitemap" if kind == "sitemapindex" else "url"
    entries = [
        Entry(_child_text(child, "loc"), _child_text(child, "lastmod"))
        for child in root
        if _local(child.tag) == item and _child_text(child, "loc")
    ]
    return ("index" if kind == "sitemapindex" else "urlset"), entries


def read_feed(content):
    """The entries of an RSS 2.0 or Atom feed: each item's address and date."""
    root = _tree(content, "feed")
    kind = _local(root.tag)
    if kind == "rss":
        entries = []
        for item in root.iter():
            if _local(item.tag) == "item" and (link := _child_text(item, "link")):
                entries.append(Entry(link, _feed_date(_child_text(item, "pubDate"))))
        return entries
    if kind == "feed":
        return [entry for entry in map(_atom_entry, root) if entry is not None]
    raise ListingError(f"this is not an RSS or Atom feed (it starts with <{kind}>)")


def _atom_entry(element):
    if _local(element.tag) != "entry":
        return None
    for child in element:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
            when = _child_text(element, "published") or _child_text(element, "updated")
            return Entry(child.get("href", ""), when)
    return None


def _feed_date(value):
    try:
        return parsedate_to_datetime(value).isoformat() if value else ""
    except (TypeError, ValueError, IndexError):
        return ""


def sitemap_kind(url):
    """ "posts", "other" or "unknown", from a sitemap's file name."""
    name = unquote(urlsplit(url).path).rstrip("/").rpartition("/")[2].lower()
    if POST_SITEMAP.match(name):
        return "posts"
    return "other" if OTHER_SITEMAP.search(name.removesuffix(".xml")) else "unknown"


def feeds_in_page(html_text, base_url):
    """The feeds a page announces (`<link rel="alternate">`), comment feeds left out."""
    try:
        document = lxml.html.fromstring(html_text)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for link in document.xpath('//link[@href][contains(concat(" ", @rel, " "), " alternate ")]'):
        kind = (link.get("type") or "").lower()
        title, href = (link.get("title") or "").lower(), link.get("href").strip()
        if kind not in FEED_TYPES or "comment" in title or "/comments/" in href:
            continue
        address = urljoin(base_url, href)
        path = urlsplit(address).path
        if re.search(r"/[^/]+/feed/?$", path) and not re.search(r"^/(blog|news)/feed/?$", path):
            continue  # a single post's comment feed, or a web-stories feed
        found.append(address)
    return list(dict.fromkeys(found))


def blog_prefixes(post_urls):
    """The first folder of post addresses with more than one part ("/post", "/blog-1")."""
    prefixes = set()
    for url in post_urls:
        parts = [part for part in urlsplit(url).path.split("/") if part]
        if len(parts) >= 2 and not parts[0].isdigit():
            prefixes.add("/" + parts[0].lower())
    return prefixes


def looks_like_a_post(url, prefixes=frozenset()):
    """Whether an address from a mixed sitemap is a post: under a blog folder, or post-shaped."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path in {"", "/"} or NOT_A_POST.search(path) or FILE.search(path):
        return False
    if NOT_A_POST_QUERY.search(parts.query):
        return False
    lowered = path.lower()
    if any(lowered.startswith(prefix + "/") and len(lowered) > len(prefix) + 1
           for prefix in prefixes):  # fmt: skip
        return True
    return bool(POST_PATH.search(path))


def is_listing_address(url):
    """Tag, category, author and paging addresses: never posts, even in a post sitemap."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    return (
        path in {"", "/"}
        or bool(NOT_A_POST.search(path))
        or bool(FILE.search(path))
        or bool(NOT_A_POST_QUERY.search(parts.query))
    )
