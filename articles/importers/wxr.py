"""Read a WordPress eXtended RSS (WXR) export, as WordPress and Squarespace write it.

The file is read as a stream with defusedxml, which refuses DTDs, entity declarations and
external references: a "billion laughs" or XXE file fails before anything is expanded or
fetched. Each <item> becomes a plain `WxrPost` and is then dropped from the tree, so memory
stays flat however long the export is.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone

WP_NAMESPACE = "http://wordpress.org/export/"  # followed by the WXR version: 1.0, 1.1, 1.2
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
MAX_KEY_LENGTH = 255
CONTENT_TYPES = {"post", "page"}

REFUSED = (
    "The file was refused because it declares a DTD or XML entities. WordPress and "
    "Squarespace exports never do; such files can expand to gigabytes (“billion laughs”) or "
    "read files from the server. Export the site again and import that file."
)
NOT_WXR = (
    "This is not a WordPress export (WXR) file: {detail}. In WordPress use Tools → Export; in "
    "Squarespace use Settings → Import & export → Export (WordPress format)."
)


class WxrError(Exception):
    """The file cannot be read as a WXR export; the message says why, for the person importing."""


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
class WxrSite:
    """What the export says about the site as a whole (it comes before the items)."""

    title: str = ""
    link: str = ""
    is_wxr: bool = False
    authors: list[WxrAuthor] = field(default_factory=list)

    def author_name(self, creator):
        """The display name for a post's `dc:creator`, matched on login or email."""
        wanted = creator.strip().lower()
        for author in self.authors:
            if wanted and wanted in {author.login.lower(), author.email.lower()}:
                return author.display_name or author.login
        if "@" in creator:  # an email with no author entry: use the part before the @
            return creator.split("@")[0].replace(".", " ").replace("_", " ").title()
        return creator.strip()


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

    @property
    def label(self):
        return f"“{self.title}”" if self.title else f"untitled {self.post_type} ({self.link})"

    @property
    def old_path(self):
        """The path of the post's old address ("/blog/my-post"), or "" if it has none."""
        path = unquote(urlsplit(self.link).path)
        return "" if path in {"", "/"} else path


class WxrFile:
    """A WXR export on disk, read as a stream of `WxrPost`s. `site` fills in as it is read."""

    def __init__(self, path):
        self.path = path
        self.site = WxrSite()

    def __iter__(self):
        try:
            yield from self._items()
        except DefusedXmlException as error:
            raise WxrError(REFUSED) from error
        except ParseError as error:
            line, column = error.position
            raise WxrError(
                f"The file is cut short or is not well-formed XML (line {line}, column "
                f"{column}). Download the export again; nothing was imported from this file."
            ) from error

    def _items(self):
        depth = 0
        channel = None
        for event, element in iterparse(self.path, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise WxrError(NOT_WXR.format(detail=f"it starts with <{_local(element.tag)}>"))
                if depth == 2:
                    channel = element
                continue
            depth -= 1
            if depth != 2:  # only the channel's own children are read here
                continue
            name = _short(element.tag)
            if name == "item":
                yield self._post(element)
            else:
                self._read_channel_field(name, element)
            channel.remove(element)  # done with it: keep memory flat
        if not self.site.is_wxr:
            raise WxrError(NOT_WXR.format(detail="it has no WordPress export data"))

    def _read_channel_field(self, name, element):
        if name.startswith("wp:"):
            self.site.is_wxr = True
        if name == "title":
            self.site.title = _text(element)
        elif name == "link":
            self.site.link = _text(element)
        elif name == "wp:author":
            fields = {_short(child.tag): _text(child) for child in element}
            self.site.authors.append(
                WxrAuthor(
                    login=fields.get("wp:author_login", ""),
                    email=fields.get("wp:author_email", ""),
                    display_name=fields.get("wp:author_display_name", ""),
                )
            )

    def _post(self, element):
        fields, terms = {}, []
        for child in element:
            name = _short(child.tag)
            if name == "category":
                terms.append(_term(child))
            elif name not in fields:
                fields[name] = _text(child)
        if not (self.site.is_wxr or "wp:post_type" in fields):
            raise WxrError(NOT_WXR.format(detail="its items have no WordPress fields"))
        self.site.is_wxr = True
        return WxrPost(
            key=_key(fields, self.site.link),
            post_type=fields.get("wp:post_type", "post"),
            status=fields.get("wp:status", ""),
            title=fields.get("title", ""),
            slug=_slug_hint(fields),
            link=fields.get("link", ""),
            content_html=fields.get("content:encoded", ""),
            excerpt_html=fields.get("excerpt:encoded", ""),
            creator=fields.get("dc:creator", ""),
            published_at=_published_at(fields),
            terms=[term for term in terms if term.name],
            has_password=bool(fields.get("wp:post_password")),
        )


def count_posts(path, *, max_posts=None):
    """Read the whole export once without writing anything; the number of posts and pages.

    Raises `WxrError` for a refused, broken or non-WXR file, or one with more than `max_posts`.
    """
    count = 0
    for post in WxrFile(path):
        count += post.post_type in CONTENT_TYPES
        if max_posts is not None and count > max_posts:
            raise WxrError(
                f"The export has more than {max_posts:,} posts and pages, the most one import "
                "here takes. Use `manage.py import_wxr` on the server for larger exports."
            )
    return count


def _local(tag):
    return tag.rpartition("}")[2]


def _short(tag):
    """`{namespace}name` as the prefix WXR files use: wp:, excerpt:, content:, dc:."""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if namespace.startswith(WP_NAMESPACE):
        return ("excerpt:" if namespace.rstrip("/").endswith("excerpt") else "wp:") + local
    prefix = NAMESPACES.get(namespace)
    return f"{prefix}:{local}" if prefix else local


def _text(element):
    return (element.text or "").strip()


def _term(element):
    kind = element.get("domain", "category")
    return WxrTerm(kind=kind, name=_text(element), slug=element.get("nicename", ""))


def _key(fields, site_link):
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


def _slug_hint(fields):
    """The old slug: `wp:post_name`, else the last part of the link; Squarespace adds ".html"."""
    name = fields.get("wp:post_name") or urlsplit(fields.get("link", "")).path
    name = unquote(name).strip("/").rpartition("/")[2]
    return name.removesuffix(".html")


def _published_at(fields):
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
