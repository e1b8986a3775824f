"""What every source of posts becomes before anything is written: a site and a list of posts.

Every reader (a WordPress or Squarespace export, Wix, Blogger, Ghost, Medium, a live site)
turns what it reads into these plain dataclasses; `articles.transfer.apply` then makes the
same dry-run report, drafts and redirects from them, whatever the source was.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {"post", "page"}  # other item types (attachments, menus...) are counted only

# What a post's `content` is written in, and so how it becomes Markdown:
WORDPRESS_HTML = "wordpress"  # WordPress's stored HTML: shortcodes, paragraphs added on display
HTML = "html"  # finished HTML, as a page shows it
LOOSE_HTML = "loose-html"  # HTML whose paragraphs are blank lines (Blogger): no shortcodes
MARKDOWN = "markdown"  # already Markdown (converted by the reader)


class ExportError(Exception):
    """The source cannot be read; the message says why, and what to do, for the person importing."""


@dataclass(frozen=True)
class Platform:
    """Where posts came from, and how to get them out of it again."""

    name: str
    how_to_export: str


@dataclass(frozen=True)
class Term:
    """A category or tag on a post."""

    kind: str  # "category" or "post_tag"
    name: str
    slug: str


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class Attachment:
    """A picture or file a post points at: a featured image, a gallery's images."""

    post_id: str
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    parent_id: str = ""


def normalise_login(login):
    """A login as the old site knew it: "<![CDATA[Ana]]>", ">ana" and " Ana " are all "ana"."""
    text = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", login or "", flags=re.DOTALL)
    return re.sub(r"[<>\s\"']+", "", text).casefold()


@dataclass
class Site:
    """What a source says about the site as a whole: its name, address, authors and media."""

    title: str = ""
    link: str = ""
    is_wxr: bool = False
    authors: list[Author] = field(default_factory=list)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    fallback_author: str = ""  # a byline for posts whose author the source does not name

    def author_name(self, creator):
        """The display name for a post's author, matched on login (or email) in the site's
        list of authors, so a slip in one post's author field does not make a new person."""
        wanted = normalise_login(creator)
        for author in self.authors:
            if wanted and wanted in {normalise_login(author.login), author.email.lower()}:
                return author.display_name.strip() or author.login.strip()
        if "@" in creator:  # an email with no author entry: use the part before the @
            return creator.split("@")[0].replace(".", " ").replace("_", " ").title()
        cleaned = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", creator, flags=re.DOTALL)
        return cleaned.strip(" \t\n<>\"'")

    def gallery(self, ids, parent_id):
        """The attachments a gallery shows: its `ids`, else the images attached to the post."""
        if ids:
            return [self.attachments[i] for i in ids if i in self.attachments]
        return [a for a in self.attachments.values() if parent_id and a.parent_id == parent_id]


@dataclass
class Post:
    """One post or page, as plain data, whatever the source."""

    key: str  # what recognises the post on a second run (GUID, id, address...)
    post_type: str  # "post", "page", or another kind that is counted but not imported
    status: str  # "publish", "future", "draft", "private", "pending", "trash", "auto-draft"
    title: str
    slug: str
    link: str  # the post's address on the old site
    content: str
    excerpt_html: str
    creator: str  # the author's login or name, as the source gives it
    published_at: datetime | None
    terms: list[Term] = field(default_factory=list)
    not_public: str = ""  # why visitors could not read it on the old site: it stays a draft
    post_id: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""
    content_format: str = WORDPRESS_HTML
    hero: Attachment | None = None  # the featured image
    aliases: list[str] = field(default_factory=list)  # other old addresses: "/?p=173"
    notes: list[str] = field(default_factory=list)  # what the reader could not bring across

    @property
    def label(self):
        return f"“{self.title}”" if self.title else f"untitled {self.post_type} ({self.link})"

    @property
    def old_path(self):
        """The path of the post's old address ("/blog/my-post"), or "" if it has none."""
        path = unquote(urlsplit(self.link).path)
        return "" if path in {"", "/"} else path

    @property
    def is_block_editor(self):
        """Written with the block editor (Gutenberg), whose HTML already has its paragraphs."""
        return "<!-- wp:" in self.content


@dataclass
class Source:
    """Posts read whole from one export (or site) before anything is written.

    `read` gives a fresh iterator over every item each time it is called (an import may read
    twice: once to count, once to write). `close` removes anything the reader left on disk.
    """

    platform: Platform | None  # None for a live site: its report says what was read
    site: Site
    total: int  # posts and pages
    read: Callable[[], Iterator[Post]]
    repairs: list[str] = field(default_factory=list)  # what was mended in the file itself
    notes: list[str] = field(default_factory=list)  # about the source as a whole, for the report
    close: Callable[[], None] = lambda: None

    @classmethod
    def of(cls, platform, site, posts: Iterable[Post], **kwargs):
        """A source over posts already in memory."""
        posts = list(posts)
        total = sum(post.post_type in CONTENT_TYPES for post in posts)
        return cls(platform, site, total, lambda: iter(posts), **kwargs)

    def posts(self):
        return self.read()


def check_size(total, max_posts):
    """Refuse a source with more than `max_posts` posts and pages (None: no limit)."""
    if max_posts is not None and total > max_posts:
        raise ExportError(
            f"The export has more than {max_posts:,} posts and pages, the most one import here "
            "takes. Whoever runs the server can import a larger export there (see “Moving in” "
            "in the documentation)."
        )
