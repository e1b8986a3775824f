"""Finding a blog's posts: its sitemaps (from robots.txt and /sitemap.xml) and its feed.

A sitemap index is narrowed to its post sitemaps where the platform names them (Wix's
`blog-posts-sitemap.xml`, WordPress's `wp-sitemap-posts-post-N.xml`, Yoast's
`post-sitemap.xml`); a single list of every page (Squarespace) is narrowed to the blog's folder,
learnt from the feed's posts or from the address given ("https://example.org/blog"), else to
post-shaped addresses (`/post/…`, `/2024/05/…`). Tag, category, author and paging addresses
never count as posts. The feed (RSS or Atom, announced by the page or where the platform keeps
it) adds its posts too.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from articles.transfer.web.addresses import FetchError, canonical_url

from .client import SITEMAP_BYTES
from .listing import (
    ListingError,
    blog_prefixes,
    feeds_in_page,
    is_listing_address,
    looks_like_a_post,
    read_feed,
    read_sitemap,
    sitemap_kind,
)

MAX_SITEMAPS = 50
MAX_POSTS = 5000
XML = "application/xml, text/xml, application/rss+xml, application/atom+xml, */*"
DEFAULT_FEEDS = {"wix": ["/blog-feed.xml"], "wordpress": ["/feed/"]}


@dataclass
class Found:
    """A post's address as the site lists it."""

    url: str
    lastmod: str = ""
    via: str = "sitemap"


@dataclass
class Discovery:
    posts: list[Found] = field(default_factory=list)
    platform: str = "unknown"
    notes: list[str] = field(default_factory=list)
    sitemaps_read: list[str] = field(default_factory=list)
    feeds_read: list[str] = field(default_factory=list)


def detect_platform(html_text):
    lowered = html_text[:400_000].lower()
    if 'content="wix.com' in lowered:
        return "wix"
    if "this is squarespace." in lowered or "static1.squarespace.com" in lowered:
        return "squarespace"
    if 'content="wordpress' in lowered or "/wp-content/" in lowered:
        return "wordpress"
    return "unknown"


class Discoverer:
    def __init__(self, client, *, max_posts=MAX_POSTS):
        self.client = client
        self.site = client.site
        self.result = Discovery()
        self.max_posts = max_posts
        self.known = {}  # canonical address -> Found

    def run(self):
        start_html = self._start_page()
        self.result.platform = detect_platform(start_html)
        feed_posts = self._feed_posts(start_html)
        prefixes = blog_prefixes(feed_posts)
        start_path = urlsplit(self.site.start).path.rstrip("/")
        if start_path:
            prefixes.add(start_path.lower())
        self._sitemap_posts(prefixes)
        for url, lastmod in feed_posts.items():
            self._add(Found(url, lastmod, "feed"))
        if len(self.result.posts) > self.max_posts:
            self.result.notes.append(
                f"The site lists {len(self.result.posts)} posts; only the first "
                f"{self.max_posts} are read. Import again later for the rest."
            )
            del self.result.posts[self.max_posts :]
        return self.result

    def _get(self, url, accept="text/html, */*", what="page"):
        max_bytes = None if what == "start page" else SITEMAP_BYTES
        try:
            answer = self.client.get(url, accept=accept, max_bytes=max_bytes)
        except FetchError as error:
            self.result.notes.append(f"The {what} {url} was not read: {error}.")
            return None
        if not answer.ok:
            if answer.status != 404 or what != "guessed sitemap":
                self.result.notes.append(f"The {what} {url} answered HTTP {answer.status}.")
            return None
        return answer

    def _start_page(self):
        answer = self._get(self.site.start, what="start page")
        return answer.text() if answer is not None else ""

    def _feed_posts(self, start_html):
        """{address: date} of the posts in the first feed that has any."""
        feeds = feeds_in_page(start_html, self.site.start) if start_html else []
        for path in DEFAULT_FEEDS.get(self.result.platform, []):
            feeds.append(self.site.root + path)
        if self.result.platform == "squarespace" and urlsplit(self.site.start).path.strip("/"):
            feeds.append(self.site.start.split("?")[0] + "?format=rss")
        for feed in list(dict.fromkeys(feeds))[:3]:
            if not self.client.allows_quietly(feed):
                continue
            answer = self._get(feed, XML, "feed")
            if answer is None:
                continue
            try:
                entries = read_feed(answer.content)
            except ListingError as error:
                self.result.notes.append(f"The feed {feed} was not read: {error}.")
                continue
            self.result.feeds_read.append(feed)
            posts = {
                e.url: e.lastmod
                for e in entries
                if self._on_site(e.url) and not is_listing_address(e.url)
            }
            if posts:
                return posts
        return {}

    def _sitemap_posts(self, prefixes):
        robots = self.client.robots
        listed = [url for url in (robots.sitemaps if robots else []) if self._on_site(url)]
        queue = [(url, "unknown", "sitemap") for url in dict.fromkeys(listed)]
        if not queue:
            queue = [(self.site.root + "/sitemap.xml", "unknown", "guessed sitemap")]
        seen = set()
        while queue and len(seen) < MAX_SITEMAPS:
            url, kind, what = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            answer = self._get(url, XML, what)
            if answer is None:
                continue
            try:
                shape, entries = read_sitemap(answer.content)
            except ListingError as error:
                self.result.notes.append(f"The sitemap {url} was not read: {error}.")
                continue
            self.result.sitemaps_read.append(url)
            if shape == "index":
                queue.extend(self._children(entries))
            else:
                self._take(entries, kind, prefixes)

    def _children(self, entries):
        kinds = [(e.url, sitemap_kind(e.url)) for e in entries if self._on_site(e.url)]
        if any(kind == "posts" for _, kind in kinds):
            return [(url, kind, "sitemap") for url, kind in kinds if kind == "posts"]
        return [(url, kind, "sitemap") for url, kind in kinds if kind != "other"]

    def _take(self, entries, kind, prefixes):
        for entry in entries:
            if not self._on_site(entry.url) or is_listing_address(entry.url):
                continue
            if kind == "posts" or looks_like_a_post(entry.url, prefixes):
                self._add(Found(entry.url, entry.lastmod))

    def _on_site(self, url):
        return self.client.allows_quietly(url, robots=False)

    def _add(self, found):
        try:
            key = canonical_url(found.url).rstrip("/")
        except FetchError:
            return
        if key in self.known:
            if not self.known[key].lastmod:
                self.known[key].lastmod = found.lastmod
            return
        self.known[key] = found
        self.result.posts.append(found)
