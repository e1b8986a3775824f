"""Wix's rich-content documents (Ricos JSON) as HTML, which the shared converter makes Markdown.

A Ricos document is a tree of typed nodes: paragraphs, headings, lists, quotes, images,
galleries, videos, embeds... Text nodes carry decorations (bold, italic, links...). Both
names Wix has used for bulleted lists (`BULLET_LIST`, `BULLETED_LIST`) are read. Players and
embeds become frames with their address, which the converter turns into labelled links;
a block with nothing to show is named in `warnings`.
"""

import html
import json
from collections import Counter
from urllib.parse import quote

from bs4 import BeautifulSoup

WIX_MEDIA = "https://static.wixstatic.com/media/"
WIX_VIDEO = "https://video.wixstatic.com/"
LISTS = {"BULLETED_LIST": "ul", "BULLET_LIST": "ul", "ORDERED_LIST": "ol"}
WRAPPERS = {"BLOCKQUOTE": "blockquote", "LIST_ITEM": "li", "TABLE": "table", "TABLE_ROW": "tr",
            "TABLE_CELL": "td", "COLLAPSIBLE_LIST": "div", "COLLAPSIBLE_ITEM": "div",
            "COLLAPSIBLE_ITEM_TITLE": "p", "COLLAPSIBLE_ITEM_BODY": "div", "LAYOUT": "div",
            "LAYOUT_CELL": "div"}  # fmt: skip
MARKS = {"BOLD": "strong", "ITALIC": "em", "UNDERLINE": "u", "SUPERSCRIPT": "sup",
         "SUBSCRIPT": "sub", "STRIKETHROUGH": "s"}  # fmt: skip
NOTHING_TO_SHOW = {"POLL": "a poll", "MAP": "", "APP_EMBED": "", "EMBED": ""}


def media_url(value):
    """A Wix media id or address ("11b1c4_…~mv2.jpg", "wix:image://v1/<id>/…", "media/…")
    as the address the picture is served from."""
    value = (value or "").strip()
    if value.startswith("wix:image://v1/"):
        value = value.removeprefix("wix:image://v1/").split("/", 1)[0].split("#", 1)[0]
    if not value or value.startswith(("http://", "https://")):
        return value
    if value.startswith("video/"):
        return WIX_VIDEO + value
    return WIX_MEDIA + value.removeprefix("media/")


def _source(data):
    """The address in a Ricos `src` ({"id"|"url"|"custom": ...}) or a plain string."""
    if isinstance(data, dict):
        return media_url(data.get("url") or data.get("id") or data.get("custom") or "")
    return media_url(data if isinstance(data, str) else "")


def _link(url):
    url = (url or "").strip()
    if url and "://" not in url and not url.startswith(("/", "#", "mailto:", "tel:")):
        url = "https://" + url  # Wix stores "www.example.com" without a scheme
    return url


class Document:
    """One Ricos document rendered as HTML; `warnings` says what could not be shown."""

    def __init__(self):
        self.warnings = []
        self.left_out = Counter()

    def render(self, document):
        body = self.nodes(document.get("nodes") or [])
        for kind, count in sorted(self.left_out.items()):
            self.warnings.append(f"{count} × {kind} from Wix could not be shown and was left out")
        return body

    def nodes(self, nodes):
        """The nodes' HTML; runs of text sharing one link become one link (Wix splits a link
        into runs wherever its styling changes)."""
        parts, run, run_link = [], [], None
        for node in (n for n in nodes if isinstance(n, dict)):
            link = self._link_of(node) if node.get("type") == "TEXT" else None
            if run and link != run_link:
                parts.append(_linked("".join(run), run_link))
                run = []
            if node.get("type") == "TEXT":
                run.append(self._text(node))
                run_link = link
            else:
                parts.append(self.node(node))
        if run:
            parts.append(_linked("".join(run), run_link))
        return "".join(parts)

    def node(self, node):
        kind = node.get("type", "")
        method = getattr(self, f"_{kind.lower()}", None)
        if method is not None:
            return method(node)
        if kind in LISTS:
            return f"<{LISTS[kind]}>{self.nodes(node.get('nodes', []))}</{LISTS[kind]}>"
        if kind in WRAPPERS:
            return f"<{WRAPPERS[kind]}>{self.nodes(node.get('nodes', []))}</{WRAPPERS[kind]}>"
        if node.get("nodes"):
            return self.nodes(node["nodes"])
        self.left_out[NOTHING_TO_SHOW.get(kind) or f"a “{kind.lower() or 'unknown'}” block"] += 1
        return ""

    def _text(self, node):
        """A run of text with its marks (its link is added by `nodes`)."""
        data = node.get("textData") or {}
        text = html.escape(data.get("text", "")).replace("\n", "<br>")
        for decoration in data.get("decorations") or []:
            kind = decoration.get("type")
            if kind in MARKS and text.strip():
                text = f"<{MARKS[kind]}>{text}</{MARKS[kind]}>"
        return text

    def _link_of(self, node):
        for decoration in (node.get("textData") or {}).get("decorations") or []:
            if decoration.get("type") == "LINK":
                return _link(((decoration.get("linkData") or {}).get("link") or {}).get("url"))
        return None

    def _paragraph(self, node):
        inner = self.nodes(node.get("nodes", []))
        return f"<p>{inner}</p>" if inner.strip() else ""

    def _heading(self, node):
        level = (node.get("headingData") or {}).get("level") or 2
        level = min(max(int(level), 2), 6)  # the article's own title is the only <h1>
        inner = self.nodes(node.get("nodes", []))
        return f"<h{level}>{inner}</h{level}>" if inner.strip() else ""

    def _code_block(self, node):
        text = "".join((n.get("textData") or {}).get("text", "") for n in node.get("nodes", []))
        return f"<pre><code>{html.escape(text)}</code></pre>"

    def _divider(self, node):
        return "<hr>"

    def _caption(self, node):
        return ""  # read by the image or video it belongs to

    def _image(self, node):
        data = node.get("imageData") or {}
        image = data.get("image") or {}
        url = _source(image.get("src"))
        if not url:
            self.left_out["an image with no address"] += 1
            return ""
        caption, linked = self._caption_of(node)
        caption = caption or html.escape(data.get("caption") or "")
        figure = self._figure(url, data.get("altText") or "", "" if linked else caption,
                              data.get("link") or {})  # fmt: skip
        return figure + (f"<p>{caption}</p>" if linked else "")  # a caption's links kept

    def _figure(self, url, alt, caption, link=None):
        markup = f'<img src="{html.escape(url)}" alt="{html.escape(alt)}">'
        if link and link.get("url"):
            markup = f'<a href="{html.escape(_link(link["url"]))}">{markup}</a>'
        if caption:
            return f"<figure>{markup}<figcaption>{caption}</figcaption></figure>"
        return f"<p>{markup}</p>"

    def _caption_of(self, node):
        """(caption, has links): plain words (Wix splits them into differently styled runs),
        or, when the caption links somewhere, its HTML with the links."""
        captions = [n for n in node.get("nodes", []) if n.get("type") == "CAPTION"]
        if any("LINK" in json.dumps(caption) for caption in captions):
            return "".join(self.nodes(caption.get("nodes", [])) for caption in captions), True
        return html.escape("".join(_plain(caption) for caption in captions).strip()), False

    def _gallery(self, node):
        figures = []
        for item in (node.get("galleryData") or {}).get("items") or []:
            media = (item.get("image") or {}).get("media") or {}
            url = _source(media.get("src")) or media_url(item.get("url") or "")
            if url:
                alt = item.get("altText") or ""
                figures.append(self._figure(url, alt, html.escape(item.get("title") or "")))
        return "".join(figures)

    def _frame(self, url, title=""):
        """A player or embed, which the converter turns into a labelled link."""
        if not url:
            return ""
        title_attribute = f' title="{html.escape(title)}"' if title else ""
        return f'<iframe src="{html.escape(url)}"{title_attribute}></iframe>'

    def _video(self, node):
        data = node.get("videoData") or {}
        url = _source((data.get("video") or {}).get("src"))
        if not url:
            self.left_out["a video with no address"] += 1
            return ""
        title = html.escape(data.get("title") or "")
        caption, _ = self._caption_of(node)
        return f'<video src="{html.escape(url)}" title="{title}"></video>' + (
            f"<p>{caption}</p>" if caption else ""
        )

    def _audio(self, node):
        data = node.get("audioData") or {}
        url = _source((data.get("audio") or {}).get("src"))
        return f'<audio src="{html.escape(url)}"></audio>' if url else ""

    def _oembed(self, node):
        data = node.get("oembedData") or node.get("embedData") or {}
        embed = data.get("embedData") or data
        url = next((u for u in (data.get("src"), embed.get("src")) if _is_address(u)), "")
        url = url or _frame_source(embed.get("html", ""))
        if not url:
            self.left_out["an embed with no address"] += 1
        return self._frame(url, embed.get("title") or "")

    _embed = _oembed

    def _html(self, node):
        data = node.get("htmlData") or {}
        url = data.get("url") or _frame_source(data.get("html", ""))
        if not url:
            self.left_out["a custom HTML block (code written for the Wix page)"] += 1
        return self._frame(url)

    def _giphy(self, node):
        gif = (node.get("giphyData") or {}).get("gif") or {}
        return self._frame(gif.get("originalUrl") or gif.get("downsizedUrl"), "an animated GIF")

    def _link_preview(self, node):
        data = node.get("linkPreviewData") or {}
        url = _link((data.get("link") or {}).get("url"))
        label = html.escape(data.get("title") or url)
        return f'<p><a href="{html.escape(url)}">{label}</a></p>' if url else ""

    def _button(self, node):
        data = node.get("buttonData") or {}
        url = _link((data.get("link") or {}).get("url"))
        label = html.escape(data.get("text") or url)
        return f'<p><a href="{html.escape(url)}">{label}</a></p>' if url else ""

    def _file(self, node):
        data = node.get("fileData") or {}
        url = _source(data.get("src"))
        label = html.escape(data.get("name") or "the file")
        return f'<p><a href="{html.escape(url)}">Download {label}</a></p>' if url else ""

    def _map(self, node):
        settings = (node.get("mapData") or {}).get("mapSettings") or {}
        address = settings.get("address") or settings.get("locationName") or ""
        if not address:
            self.left_out["a map"] += 1
            return ""
        url = "https://www.google.com/maps/search/?api=1&query=" + quote(address)
        return f'<p><a href="{html.escape(url)}">Map: {html.escape(address)}</a></p>'

    def _app_embed(self, node):
        data = node.get("appEmbedData") or {}
        url, name = data.get("url") or "", data.get("name") or "the page on the old site"
        if not url:
            self.left_out["a Wix app block (a product, event or booking)"] += 1
            return ""
        return f'<p><a href="{html.escape(url)}">{html.escape(name)}</a></p>'


def _linked(markup, link):
    if not link or not markup.strip():
        return markup
    return f'<a href="{html.escape(link)}">{markup}</a>'


def _is_address(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _plain(node):
    text = (node.get("textData") or {}).get("text", "")
    return text + "".join(_plain(child) for child in node.get("nodes") or [])


def _frame_source(markup):
    """The address an embed's HTML shows: its frame's src, else its first link."""
    soup = BeautifulSoup(markup or "", "html.parser")
    frame = soup.find(["iframe", "video", "audio", "embed"])
    if frame is not None and frame.get("src"):
        return frame["src"]
    link = soup.find("a", href=True)
    return link["href"] if link is not None and link["href"].startswith("http") else ""


def ricos_to_html(document):
    """(html, warnings) for a Ricos document (a dict with "nodes")."""
    renderer = Document()
    return renderer.render(document), renderer.warnings
