"""Reading a live blog: robots.txt, then its posts' addresses, then each post, politely.

`SiteReader(address).pages()` yields one `SitePage` (plain data) per post it could read, and
keeps count of what it found, read and could not read, for the report and for progress.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

from articles.transfer.web.addresses import FetchError, same_site

from .client import PoliteClient, Site
from .discover import MAX_POSTS, Discoverer
from .extract import NotAPage, extract_page

HTML_TYPES = {"text/html", "application/xhtml+xml"}


class SiteError(Exception):
    """The site cannot be read at all; the message says why and what to do."""


@dataclass
class SitePage:
    """One post as the old site showed it."""

    url: str  # the address the site lists
    final_url: str  # where that address led (after redirects)
    title: str
    published_at: datetime | None
    author: str
    body_html: str
    images: list[tuple[str, str]]
    canonical: str = ""
    description: str = ""
    lastmod: str = ""

    def old_paths(self):
        """Every path of this site the post was known by: listed, redirected to, canonical."""
        paths = []
        host = urlsplit(self.url).hostname or ""
        for address in (self.url, self.final_url, self.canonical):
            parts = urlsplit(address)
            if not address or not same_site(parts.hostname or "", host):
                continue
            path = unquote(parts.path)
            if path not in {"", "/"} and path not in paths:
                paths.append(path)
        return paths


@dataclass
class Progress:
    found: int = 0
    fetched: int = 0
    failed: int = 0
    repeated: int = 0  # listed under a second address that led to a post already read


@dataclass
class Reading:
    """What reading the site found, beside the pages themselves."""

    platform: str = "unknown"
    robots: str = ""
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    # a post's first listed address -> other paths that led to it
    aliases: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)


class SiteReader:
    def __init__(self, address, *, fetcher=None, delay=None, max_posts=MAX_POSTS,
                 on_progress: Callable[[Progress], None] | None = None):  # fmt: skip
        try:
            self.site = Site.from_address(address)
        except FetchError as error:
            raise SiteError(f"“{address}” is not a site's address: {error}.") from error
        self.client = PoliteClient(self.site, fetcher=fetcher, delay=delay)
        self.max_posts = max_posts
        self.on_progress = on_progress or (lambda progress: None)
        self.reading = Reading()
        self.read_at = {}  # final address -> the first listed address that led there

    def discover(self):
        """The posts' addresses; SiteError when robots.txt forbids reading or none are found."""
        robots = self.client.read_robots()
        self.reading.robots = robots.explanation
        if robots.status == "unreachable":
            raise SiteError(robots.explanation)
        if not robots.allows(self.site.start):
            raise SiteError(
                f"The site's robots.txt does not let this importer read {self.site.start}; "
                "ask whoever runs the site to allow it, or export the posts instead."
            )
        found = Discoverer(self.client, max_posts=self.max_posts).run()
        self.reading.platform = found.platform
        self.reading.notes.extend(found.notes)
        if not found.posts:
            raise SiteError(
                f"No posts were found on {self.site.host}: it has no sitemap or feed that lists "
                "them. Give the address of the blog itself (for example "
                f"{self.site.root}/blog), or export the posts from the platform."
            )
        self.reading.progress.found = len(found.posts)
        self.on_progress(self.reading.progress)
        return found.posts

    def pages(self):
        """Each post read from the site, one request at a time."""
        for found in self.discover():
            page = self._read(found)
            progress = self.reading.progress
            if page is None:
                progress.failed += 1
            elif self._repeats(page):
                progress.repeated += 1
                page = None
            else:
                progress.fetched += 1
            self.on_progress(progress)
            if page is not None:
                yield page

    def _repeats(self, page):
        """True when an earlier address already led to this post; its paths become aliases."""
        final = page.final_url.rstrip("/")
        first = self.read_at.setdefault(final, page.url)
        if first == page.url:
            return False
        self.reading.aliases.setdefault(first, []).extend(page.old_paths())
        return True

    def _read(self, found):
        try:
            answer = self.client.get(found.url)
        except FetchError as error:
            self.reading.failed.append((found.url, str(error)))
            return None
        if not answer.ok:
            self.reading.failed.append((found.url, f"the site answered HTTP {answer.status}"))
            return None
        if answer.content_type not in HTML_TYPES:
            self.reading.failed.append((found.url, f"it is not a page ({answer.content_type})"))
            return None
        try:
            extracted = extract_page(answer.text(), answer.url)
        except NotAPage as error:
            self.reading.failed.append((found.url, str(error)))
            return None
        if not extracted.body_html.strip():
            self.reading.failed.append((found.url, "no text of a post was found on the page"))
            return None
        return SitePage(
            url=found.url,
            final_url=answer.url,
            title=extracted.title,
            published_at=extracted.published_at,
            author=extracted.author,
            body_html=extracted.body_html,
            images=extracted.images,
            canonical=extracted.canonical,
            description=extracted.description,
            lastmod=found.lastmod,
        )
