"""Read a WordPress eXtended RSS (WXR) export, as WordPress and Squarespace write it.

The file is read as a stream with defusedxml, which refuses DTDs, entity declarations and
external references: a "billion laughs" or XXE file fails before anything is expanded or
fetched. Each <item> becomes a plain `Post` and is then dropped from the tree, so memory
stays flat however long the export is.
"""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from articles.transfer.platforms import WORDPRESS, WORDPRESS_OR_SQUARESPACE
from articles.transfer.posts import (
    CONTENT_TYPES,
    Attachment,
    Author,
    ExportError,
    Post,
    Site,
    Source,
    Term,
    check_size,
)

from .fields import TOPIC_TAXONOMIES, post_key, published_at, slug_hint
from .repair import describe, repair_xml

# Any WXR version (1.0, 1.1, 1.2...), over http or https, as WordPress's own importer reads.
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/[0-9.]+/(?P<excerpt>excerpt/)?$")
NAMESPACES = {
    "purl.org/rss/1.0/modules/content/": "content",
    "purl.org/dc/elements/1.1/": "dc",
}
KNOWN_PREFIXES = {"wp", "excerpt", "content", "dc"}
KEPT_META = {"_thumbnail_id", "_wp_attachment_image_alt"}

REFUSED = (
    "The file was refused because it declares a DTD or XML entities. WordPress and "
    "Squarespace exports never do; such files can expand to gigabytes (“billion laughs”) or "
    "read files from the server. Export the site again and import that file."
)
NOT_WXR = (
    "This is not a WordPress export (WXR) file: {detail}. In WordPress use Tools → Export; in "
    "Squarespace use Settings → Import & export → Export (WordPress format)."
)


class WxrError(ExportError):
    """The file cannot be read as a WXR export; the message says why, for the person importing."""


class WxrFile:
    """A WXR export on disk, read as a stream of `Post`s. `site` fills in as it is read.

    Attachments are kept in `site.attachments` (galleries and featured images point at them),
    and yielded too, as items that are counted but not imported.
    """

    def __init__(self, path, *, site=None):
        self.path = path
        self.site = site or Site()
        self.declared = {}  # namespace URI -> the prefix the file gives it
        self.generator = ""
        self.home = ""  # where WordPress answers its plain addresses ("/?p=173")
        self.children = {}  # post id -> ids of the attachments it is the parent of
        for attachment in self.site.attachments.values():
            self.children.setdefault(attachment.parent_id, []).append(attachment.post_id)

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
        events = ("start", "end", "start-ns")
        for event, element in iterparse(self.path, events=events, forbid_dtd=True):
            if event == "start-ns":
                prefix, uri = element
                if prefix in KNOWN_PREFIXES:
                    self.declared.setdefault(uri, prefix)
                continue
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
            name = self._short(element.tag)
            if name == "item":
                post = self._post(element)
                if post.post_type == "attachment":
                    self._keep_attachment(post, element)
                yield post
            else:
                self._read_channel_field(name, element)
            channel.remove(element)  # done with it: keep memory flat
        if not self.site.is_wxr:
            raise WxrError(NOT_WXR.format(detail="it has no WordPress export data"))

    def _short(self, tag):
        """`{namespace}name` as the prefix WXR files use: wp:, excerpt:, content:, dc:."""
        if not tag.startswith("{"):
            return tag
        namespace, _, local = tag[1:].partition("}")
        if match := WP_NAMESPACE.match(namespace):
            return ("excerpt:" if match["excerpt"] else "wp:") + local
        prefix = NAMESPACES.get(namespace.split("://", 1)[-1]) or self.declared.get(namespace)
        return f"{prefix}:{local}" if prefix else local

    def _read_channel_field(self, name, element):
        if name.startswith("wp:"):
            self.site.is_wxr = True
        if name == "title":
            self.site.title = _text(element)
        elif name == "link":
            self.site.link = _text(element)
            self.home = self.home or self.site.link
        elif name == "wp:base_blog_url":
            self.home = _text(element)
        elif name == "generator":
            self.generator = _text(element)
        elif name == "wp:author":
            fields = {self._short(child.tag): _text(child) for child in element}
            self.site.authors.append(
                Author(
                    login=fields.get("wp:author_login", ""),
                    email=fields.get("wp:author_email", ""),
                    display_name=fields.get("wp:author_display_name", ""),
                )
            )

    def _post(self, element):
        fields, terms, meta = {}, [], {}
        for child in element:
            name = self._short(child.tag)
            if name == "category":
                terms.append(_term(child))
            elif name == "wp:postmeta":
                pair = {self._short(part.tag): _text(part) for part in child}
                if pair.get("wp:meta_key") in KEPT_META:
                    meta[pair["wp:meta_key"]] = pair.get("wp:meta_value", "")
            elif name not in fields:
                fields[name] = _text(child)
        if not (self.site.is_wxr or "wp:post_type" in fields):
            raise WxrError(NOT_WXR.format(detail="its items have no WordPress fields"))
        self.site.is_wxr = True
        post = Post(
            key=post_key(fields, self.site.link),
            post_type=fields.get("wp:post_type", "post"),
            status=fields.get("wp:status", ""),
            title=fields.get("title", ""),
            slug=slug_hint(fields),
            link=fields.get("link", ""),
            content=fields.get("content:encoded", ""),
            excerpt_html=fields.get("excerpt:encoded", ""),
            creator=fields.get("dc:creator", ""),
            published_at=published_at(fields),
            terms=[term for term in terms if term.name and term.kind in TOPIC_TAXONOMIES],
            not_public="it was password-protected" if fields.get("wp:post_password") else "",
            post_id=fields.get("wp:post_id", ""),
            meta=meta | {"parent": fields.get("wp:post_parent", "")},
            attachment_url=fields.get("wp:attachment_url", ""),
        )
        post.hero = self.site.attachments.get(meta.get("_thumbnail_id", ""))
        post.aliases = self._plain_addresses(post)
        return post

    def _plain_addresses(self, post):
        """WordPress's own addresses for a post, which work whatever its permalinks:
        "/?p=173" (any post), "/?page_id=12" (a page), "/?attachment_id=40" (its pictures)."""
        if "wordpress" not in self.generator.lower() or not post.post_id.isdigit():
            return []
        home = urlsplit(self.home).path or "/"
        addresses = [f"{home}?p={post.post_id}"]
        if post.post_type == "page":
            addresses.append(f"{home}?page_id={post.post_id}")
        for child in self.children.get(post.post_id, []):
            addresses += [f"{home}?attachment_id={child}", f"{home}?p={child}"]
        return addresses

    def _keep_attachment(self, post, element):
        if post.post_id and post.attachment_url:
            self.site.attachments[post.post_id] = Attachment(
                post_id=post.post_id,
                url=post.attachment_url,
                title=post.title,
                caption=post.excerpt_html,
                alt=post.meta.get("_wp_attachment_image_alt", ""),
                parent_id=post.meta.get("parent", ""),
            )


def read_wxr(path, *, max_posts=None):
    """Read the whole export once without writing anything; a `Source` of its posts.

    A file that is not well-formed is read again from a mended copy (see `repair`). Raises
    `WxrError` for a refused, broken or non-WXR file, or `ExportError` for one with more
    than `max_posts` posts and pages.
    """
    try:
        return _source(str(path), max_posts, Counter())
    except WxrError as error:
        if not isinstance(error.__cause__, ParseError):
            raise
        first_error = error
    mended, repairs = repair_xml(path)
    try:
        return _source(mended, max_posts, repairs, is_copy=True)
    except WxrError:
        Path(mended).unlink(missing_ok=True)
        raise first_error from None


def _source(path, max_posts, repairs, *, is_copy=False):
    count = 0
    reader = WxrFile(path)
    for post in reader:
        count += post.post_type in CONTENT_TYPES
        check_size(count, max_posts)
    site = reader.site
    platform = WORDPRESS if "wordpress" in reader.generator.lower() else WORDPRESS_OR_SQUARESPACE

    def posts():  # a fresh reader, knowing every attachment from the first reading
        return iter(WxrFile(path, site=Site(attachments=site.attachments)))

    def close():
        if is_copy:
            Path(path).unlink(missing_ok=True)

    return Source(platform, site, count, posts, repairs=describe(repairs), close=close)


def _local(tag):
    return tag.rpartition("}")[2]


def _text(element):
    return (element.text or "").strip()


def _term(element):
    kind = element.get("domain", "category")
    return Term(kind=kind, name=_text(element), slug=element.get("nicename", ""))
