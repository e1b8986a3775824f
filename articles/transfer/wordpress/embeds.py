"""Shortcodes, players and embeds of old posts, as the images and links this site shows.

Audio, video and embedded posts (YouTube, Vimeo, X/Twitter, Instagram, Facebook, WordPress.tv,
Squarespace audio and video blocks...) become a visible, labelled link to the original: no
third-party frame loads on this site, for visitors' privacy. `[caption]` becomes a figure
with its caption, and `[gallery]` the attachment images it showed, with alt text and captions.
"""

import bisect
import html
import json
import re
from collections import Counter, defaultdict
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

KNOWN = r"caption|wp_caption|gallery|embed|video|audio|playlist"
# Attributes never hold a bracket, so each match looks no further than the next one.
SHORTCODE_OPEN = re.compile(rf"\[(?P<name>{KNOWN})\b(?P<attrs>[^\[\]]*)\]", re.IGNORECASE)
SHORTCODE_CLOSE = re.compile(rf"\[/({KNOWN})\]", re.IGNORECASE)
OTHER_SHORTCODE = re.compile(r"\[(?P<close>/?)(?P<name>[a-z_][\w-]*)\b(?P<rest>[^\[\]\n]*)\]",
                             re.IGNORECASE)  # fmt: skip
ALONE_SHORTCODE = re.compile(r"^[ \t]*\[[a-z_][\w-]*\][ \t]*$", re.IGNORECASE | re.MULTILINE)
NAMED_ATTRIBUTE = re.compile(r"\s[\w-]+\s*=")
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
CAPTIONED_IMAGE = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.IGNORECASE | re.DOTALL
)
ALONE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
AUDIO_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".flac")
VIDEO_EXTENSIONS = (".mp4", ".m4v", ".webm", ".ogv", ".mov", ".flv", ".wmv")
MEDIA_KEYS = ("src", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv", "flv", "wmv")
PROVIDERS = {  # host suffix -> (name, what a visitor finds there)
    "youtube.com": ("YouTube", "video"),
    "youtu.be": ("YouTube", "video"),
    "youtube-nocookie.com": ("YouTube", "video"),
    "vimeo.com": ("Vimeo", "video"),
    "twitter.com": ("X (Twitter)", "post"),
    "x.com": ("X (Twitter)", "post"),
    "instagram.com": ("Instagram", "post"),
    "facebook.com": ("Facebook", "post"),
    "fb.watch": ("Facebook", "video"),
    "wordpress.tv": ("WordPress.tv", "video"),
    "videopress.com": ("WordPress.tv", "video"),
    "soundcloud.com": ("SoundCloud", "audio"),
    "spotify.com": ("Spotify", "audio"),
    "tiktok.com": ("TikTok", "video"),
}
SQUARESPACE_AND_BLOCK_EMBEDS = (
    "figure.wp-block-embed, .sqs-block.video-block, .sqs-block.audio-block, "
    ".sqs-block.embed-block, .sqs-video-wrapper, .sqs-audio-embed"
)
VERBS = {"video": "Watch the video", "audio": "Listen to the audio", "post": "See the post"}


class Media:
    """What one post's media became: its embed links (counted) and what deserves a warning."""

    def __init__(self, *, site=None, post_id="", base_url=""):
        self.site, self.post_id, self.base_url = site, post_id, base_url
        self.embeds = Counter()
        self.warnings = []

    def link(self, url, *, kind="", title=""):
        """A labelled link paragraph for an embed; counted in the report."""
        url = urljoin(self.base_url or "https://", url.strip())
        name, found = provider(url)
        kind = found or kind or "embed"
        verb = VERBS.get(kind, "See the embedded content")
        where = f" on {name}" if name else ""
        label = f"{verb}{where}" + (f": {title}" if title else "")
        if not name:
            file_name = urlsplit(url).path.rstrip("/").rpartition("/")[2]
            label += "" if title or not file_name else f" ({file_name})"
        self.embeds[f"{name or 'linked'} {kind}".strip()] += 1
        return f'<p><a href="{html.escape(url)}">{html.escape(label)}</a></p>'


def provider(url):
    """(provider name, kind) for a known embed address, else ("", "")."""
    host = (urlsplit(url).hostname or "").lower()
    for suffix, found in PROVIDERS.items():
        if host == suffix or host.endswith("." + suffix):
            return found
    return "", ""


def expand_shortcodes(text, media, *, block_editor=False):
    """Captions, galleries, audio, video and embeds as HTML; other shortcodes removed."""

    def replace(name, raw_attrs, inner):
        attrs = _attributes(raw_attrs)
        if name in {"caption", "wp_caption"}:
            return _caption(inner, attrs)
        if name == "gallery":
            return _gallery(attrs, media)
        if name == "embed":
            return media.link(html.unescape(inner.strip()) or attrs.get("src", ""))
        if name == "playlist":
            return "".join(
                media.link(item.url, kind=attrs.get("type", "audio"), title=item.title)
                for item in _attachments(attrs, media)
            )
        url = next((attrs[key] for key in MEDIA_KEYS if attrs.get(key)), "")
        url = url or _positional_url(raw_attrs) or _attached_media(name, media)
        if not url:
            media.warnings.append(f"a [{name}] shortcode had no address and was left out")
            return ""
        return media.link(url, kind=name)

    pieces, position = [], 0
    for start, end, name, raw_attrs, inner in _known_shortcodes(text):
        pieces += [text[position:start], replace(name, raw_attrs, inner or "")]
        position = end
    text = "".join([*pieces, text[position:]])
    if not block_editor:  # WordPress embeds a known address that stands on a line of its own
        text = ALONE_URL.sub(lambda m: media.link(m[1]) if provider(m[1])[0] else m[0], text)
    return _remove_other_shortcodes(text, media)


def _known_shortcodes(text):
    """(start, end, name, attributes, inner text or None) of each shortcode this site shows,
    paired with the first closing tag of its name that follows it, as WordPress pairs them.

    One pass, however many are left unclosed: the closing tags are found once, not searched
    for again from every opening tag.
    """
    closings = defaultdict(list)
    for match in SHORTCODE_CLOSE.finditer(text):
        closings[match[1].lower()].append((match.start(), match.end()))
    position = 0
    for match in SHORTCODE_OPEN.finditer(text):
        if match.start() < position:
            continue  # inside the shortcode before it
        name, ends = match["name"].lower(), closings[match["name"].lower()]
        found = bisect.bisect_left(ends, (match.end(), 0))
        if found < len(ends):
            inner, position = text[match.end() : ends[found][0]], ends[found][1]
        else:
            inner, position = None, match.end()
        yield match.start(), position, name, match["attrs"], inner


def _remove_other_shortcodes(text, media):
    """Plugins' shortcodes removed (their content kept); other text in brackets kept.

    An export has no list of the shortcodes its site had, so only what can only be a shortcode
    goes: a closing `[/name]`, an opening one that is closed later, one with attributes
    (`name="…"`) or written `[name /]`, and a one-word `[name]` alone on its line. Prose
    such as “[simple boat]”, “[sic]” or a reference “[1]” stays.
    """
    closed = {name.lower() for name in re.findall(r"\[/([a-z_][\w-]*)\]", text, re.IGNORECASE)}
    alone = {match.group(0).strip() for match in ALONE_SHORTCODE.finditer(text)}
    removed = set()

    def replace(match):
        name, rest = match["name"].lower(), match["rest"]
        if (
            match["close"]
            or name in closed
            or NAMED_ATTRIBUTE.search(rest)
            or rest.rstrip().endswith("/")
            or match.group(0) in alone
        ):
            removed.add(name)
            return ""
        return match.group(0)

    text = OTHER_SHORTCODE.sub(replace, text)
    if removed:
        media.warnings.append("removed WordPress shortcodes: " + ", ".join(sorted(removed)))
    return text


def replace_players(soup, media):
    """Frames, <video>, <audio>, block-editor embeds and Squarespace blocks become links."""
    for block in soup.select(SQUARESPACE_AND_BLOCK_EMBEDS):
        if not any(parent is soup for parent in block.parents):
            continue  # inside a block already replaced
        url, kind, title = _block_address(block)
        if url:
            block.replace_with(_fragment(media.link(url, kind=kind, title=title)))
        elif {"video-block", "audio-block", "sqs-video-wrapper"} & set(block.get("class", [])):
            media.warnings.append("a Squarespace audio or video block had no address; left out")
            block.decompose()
    for player in soup.find_all(["iframe", "video", "audio", "embed", "object"]):
        source = player.find("source")
        url = player.get("src") or player.get("data") or (source.get("src") if source else "")
        kind = player.name if player.name in {"video", "audio"} else ""
        if url:
            player.replace_with(_fragment(media.link(url, kind=kind, title=player.get("title"))))
        else:
            media.warnings.append(f"a <{player.name}> with no address was left out")
            player.decompose()


def _block_address(block):
    """(url, kind, title) of a block-editor embed or a Squarespace block, when it has one."""
    classes = set(block.get("class", []))
    kind = "audio" if "audio-block" in classes else "video" if "video-block" in classes else ""
    if "wp-block-embed" in classes:
        wrapper = block.select_one(".wp-block-embed__wrapper") or block
        caption = block.find("figcaption")
        url = wrapper.get_text(" ", strip=True).split(" ")[0]
        return url, kind, caption.get_text(" ", strip=True) if caption else ""
    data = {}
    for element in [block, *block.find_all(True)]:
        if element.get("data-block-json"):
            try:
                data = json.loads(element["data-block-json"])
            except ValueError:
                data = {}
        for key in ("data-url", "data-src", "data-audio-url"):
            if element.get(key) and not data.get("url"):
                data["url"] = element[key]
        if not data.get("title"):
            data["title"] = element.get("data-title") or ""
    url = data.get("url") or data.get("audioAssetUrl") or ""
    if not url and (frame := re.search(r'src="([^"]+)"', html.unescape(str(data.get("html"))))):
        url = frame[1]
    if not url and (frame := block.find(["iframe", "video", "audio"])):
        url = frame.get("src") or ""
    return (url, kind, data.get("title") or "") if kind or url else ("", "", "")


def _fragment(markup):
    return BeautifulSoup(markup, "html.parser")


def _attributes(text):
    return {
        m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in ATTRIBUTE.finditer(text)
    }


def _positional_url(text):
    """`[audio https://…/episode.mp3]`: the address written without a name."""
    found = re.search(r"(?:^|\s)(https?://\S+)", text)
    return html.unescape(found[1]) if found else ""


def _attached_media(kind, media):
    """A bare `[audio]` or `[video]` plays the first such file attached to the post."""
    extensions = AUDIO_EXTENSIONS if kind == "audio" else VIDEO_EXTENSIONS
    for item in _attachments({}, media):
        if urlsplit(item.url).path.lower().endswith(extensions):
            return item.url
    return ""


def _caption(inner, attrs):
    """`[caption]<img …> Caption text[/caption]` as a figure with its figcaption."""
    match = CAPTIONED_IMAGE.match(inner)
    image, rest = (match[1], match[2]) if match else ("", inner)
    caption = attrs.get("caption", "") or rest.strip()
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>" if caption else image


def _attachments(attrs, media):
    if media.site is None:
        return []
    ids = [i.strip() for i in attrs.get("ids", "").split(",") if i.strip()]
    return media.site.gallery(ids, media.post_id)


def _gallery(attrs, media):
    items = _attachments(attrs, media)
    if not items:
        media.warnings.append("a [gallery] showed images that are not in the export; left out")
        return ""
    figures = []
    for item in items:
        alt, caption = html.escape(item.alt), item.caption.strip()
        image = f'<img src="{html.escape(item.url)}" alt="{alt}">'
        figures.append(f"<figure>{image}<figcaption>{caption}</figcaption></figure>" if caption
                       else f"<p>{image}</p>")  # fmt: skip
    return "\n".join(figures)
