"""What a WXR export holds, as plain data: the site, its authors, posts and attachments."""

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from django.utils import timezone

TOPIC_TAXONOMIES = {"category", "post_tag"}  # post_format, nav_menu... are not topics
MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class WxrTerm:
    """A category or tag on a post."""

    kind: str  # "category" or "post_tag"
    name: str
    slug: str


@dataclass
class WxrAuthor:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class WxrAttachment:
    """A media library item: what galleries and featured images point at."""

    post_id: str
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    parent_id: str = ""


@dataclass
class WxrSite:
    """What the export says about the site as a whole (it comes before the items)."""

    title: str = ""
    link: str = ""
    is_wxr: bool = False
    authors: list[WxrAuthor] = field(default_factory=list)
    attachments: dict[str, WxrAttachment] = field(default_factory=dict)

    def author_name(self, creator):
        """The display name for a post's `dc:creator`, matched on login or email."""
        wanted = creator.strip().lower()
        for author in self.authors:
            if wanted and wanted in {author.login.lower(), author.email.lower()}:
                return author.display_name or author.login
        if "@" in creator:  # an email with no author entry: use the part before the @
            return creator.split("@")[0].replace(".", " ").replace("_", " ").title()
        return creator.strip()

    def gallery(self, ids, parent_id):
        """The attachments a [gallery] shows: its `ids`, else the images attached to the post."""
        if ids:
            return [self.attachments[i] for i in ids if i in self.attachments]
        return [a for a in self.attachments.values() if parent_id and a.parent_id == parent_id]


@dataclass
class WxrPost:
    """One <item> of the export, as plain data."""

    key: str
    post_type: str
    status: str
    title: str
    slug: str
    link: str
    content_html: str
    excerpt_html: str
    creator: str
    published_at: datetime | None
    terms: list[WxrTerm] = field(default_factory=list)
    has_password: bool = False
    post_id: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # kept postmeta, and "parent"
    attachment_url: str = ""

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
        return "<!-- wp:" in self.content_html


def post_key(fields, site_link):
    """What recognises the post on a second run: its GUID, else its id, else its address."""
    guid, post_id, link = fields.get("guid"), fields.get("wp:post_id"), fields.get("link")
    if guid:
        key = f"guid:{guid}"
    elif post_id:
        key = f"id:{site_link}#{post_id}"
    elif link:
        key = f"link:{urlsplit(link).path or link}"
    elif fields.get("wp:post_name"):
        key = f"name:{fields['wp:post_name']}"
    else:
        return ""
    if len(key) > MAX_KEY_LENGTH:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def slug_hint(fields):
    """The old slug: `wp:post_name`, else the last part of the link; Squarespace adds ".html"."""
    name = fields.get("wp:post_name") or urlsplit(fields.get("link", "")).path
    name = unquote(name).strip("/").rpartition("/")[2]
    return name.removesuffix(".html")


def published_at(fields):
    """`wp:post_date_gmt`, else `pubDate`, else `wp:post_date` in the site's time zone."""
    gmt = fields.get("wp:post_date_gmt", "")
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    if fields.get("pubDate") and "-0001" not in fields["pubDate"]:  # WordPress's "never"
        try:
            published = parsedate_to_datetime(fields["pubDate"])
        except (TypeError, ValueError, OverflowError):
            published = None
        if published is not None and published.year >= 1970:
            return published if published.tzinfo else published.replace(tzinfo=UTC)
    local = fields.get("wp:post_date", "")
    if local and not local.startswith("0000"):
        try:
            return timezone.make_aware(datetime.strptime(local, "%Y-%m-%d %H:%M:%S"))
        except ValueError:
            return None
    return None
