"""Turn a post's HTML into the editor's Markdown, and find the parts an article needs.

markdownify writes Markdown only, never raw HTML, so Squarespace's layout <div>s, inline
styles, scripts and comments are left behind. The Markdown is then rendered through
`clinic.authoring.markdown.render_markdown` like any other article, which sanitises the result.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.utils.html import strip_tags
from django.utils.text import Truncator
from markdownify import MarkdownConverter

from clinic.authoring.markdown import sanitise_html

from .autop import wpautop
from .embeds import Media, expand_shortcodes, replace_players

DEK_WORDS = 50
SUMMARY_CHARACTERS = 600  # Article.summary's max_length
DISCLAIMER_HEADING = re.compile(r"^#{1,6}\s*(medical\s+)?disclaimer\s*:?\s*$", re.IGNORECASE)
DISCLAIMER_LABEL = re.compile(
    r"^[*_]*\s*(medical\s+)?disclaimer\b\s*:?\s*[*_]*\s*:?\s*", re.IGNORECASE
)
DISCLAIMER_WORDS = re.compile(
    r"not (?:a substitute for |intended as |meant as |to be taken as )?(?:professional )?"
    r"medical advice|for (?:general )?(?:educational|informational|information) purposes only",
    re.IGNORECASE,
)
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
BARE_URL = re.compile(r"^<?https?://\S+>?$")
NOT_PROSE = ("#", "!", "[!", "|", ">", "```", "<", "- ", "* ", "    ")


@dataclass
class Converted:
    markdown: str
    image_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embeds: dict = field(default_factory=dict)
    images_without_alt: list[str] = field(default_factory=list)


class _PostConverter(MarkdownConverter):
    """markdownify, taught the habits of WordPress and Squarespace markup."""

    def __init__(self, *, base_url, **options):
        super().__init__(
            heading_style="ATX",
            bullets="-",
            escape_misc=False,
            sup_symbol="<sup>",
            sub_symbol="<sub>",
            **options,
        )
        self.base_url = base_url
        self.image_urls = []
        self.without_alt = []

    def convert_img(self, el, text, parent_tags):
        if "noscript" in parent_tags:
            return ""  # Squarespace repeats each image inside <noscript>
        # Squarespace lazy-loads: the address is in data-src / data-image, not src.
        src = el.get("src") or el.get("data-src") or el.get("data-image") or ""
        if not src:
            return ""
        src = urljoin(self.base_url or "", src.strip())
        el["src"] = src
        if not (el.get("alt") or "").strip():
            self.without_alt.append(src)
        self.image_urls.append(src)
        return super().convert_img(el, text, parent_tags)

    def convert_noscript(self, el, text, parent_tags):
        return ""

    def convert_br(self, el, text, parent_tags):
        """A raw <br>: unlike two trailing spaces it survives editors that trim lines."""
        return " " if parent_tags & {"td", "th", "h1", "h2", "h3", "h4", "h5", "h6"} else "<br>\n"

    def convert_figure(self, el, text, parent_tags):
        """An image with its caption: `![alt](src "caption")` alone in its paragraph."""
        image, caption = el.find("img"), el.find("figcaption")
        if image is None:
            return text
        markdown = self.convert_img(image, "", parent_tags).strip()
        if not markdown:
            return text
        if caption is not None and (words := caption.get_text(" ", strip=True)):
            words = words.replace('"', "”")
            markdown = markdown.removesuffix(")").split(' "', 1)[0] + f' "{words}")'
        return f"\n\n{markdown}\n\n"

    def convert_ins(self, el, text, parent_tags):
        return f"<ins>{text}</ins>" if text.strip() else text

    convert_u = convert_ins

    def convert_table(self, el, text, parent_tags):
        """Tables stay HTML (within the sanitiser's allow-list): cells keep their lists and
        breaks, and a table with no header row gets none."""
        for image in el.find_all("img"):  # already read (and made absolute) as a child
            image["alt"] = image.get("alt") or ""  # every <img> has an alt attribute
        cleaned = re.sub(r"\n\s*\n", "\n", sanitise_html(str(el))).strip()
        return f"\n\n{cleaned}\n\n"

    def convert_li(self, el, text, parent_tags):
        """List items indented by four spaces, which the renderer needs to nest lists."""
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = parent.get("start", "")
            first = int(start) if str(start).isdigit() else 1
            bullet = f"{first + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        first_line, _, rest = text.partition("\n")
        indented = re.sub(r"^(?=.)", "    ", rest, flags=re.MULTILINE)
        return f"{bullet.ljust(3)} {first_line}\n" + (f"{indented}\n" if rest else "")


def html_to_markdown(
    content_html, *, base_url="", block_editor=False, site=None, post_id="", shortcodes=True
):
    """Markdown for a post's HTML body, with the images it shows and anything worth a warning.

    Classic-editor posts get WordPress's paragraphs and line breaks first (`wpautop`);
    block-editor posts already have theirs. HTML from other platforms (`shortcodes=False`)
    has no shortcodes: text in square brackets there is only text.
    """
    media = Media(site=site, post_id=post_id, base_url=base_url)
    content_html = SCRIPTS.sub("", content_html)  # never shown, and not part of a paragraph
    if shortcodes:
        content_html = expand_shortcodes(content_html, media, block_editor=block_editor)
    if not block_editor:
        content_html = wpautop(content_html)
    soup = BeautifulSoup(content_html, "html.parser")
    replace_players(soup, media)
    converter = _PostConverter(base_url=base_url)
    markdown = converter.convert_soup(soup)
    markdown = _tidy(markdown)
    return Converted(
        markdown,
        converter.image_urls,
        media.warnings,
        dict(media.embeds),
        converter.without_alt,
    )


def _tidy(markdown):
    """Trailing spaces off and runs of blank lines shortened, except inside code blocks."""
    parts = re.split(r"(^```.*?^```$)", markdown, flags=re.MULTILINE | re.DOTALL)
    for index in range(0, len(parts), 2):
        part = re.sub(r"[ \t\u00a0]+\n", "\n", parts[index])
        part = re.sub(r"^(?:<br>\n)+|<br>(?=\n\n|\Z)", "", part, flags=re.MULTILINE)
        parts[index] = re.sub(r"\n{3,}", "\n\n", part)
    return "".join(parts).strip()


def split_disclaimer(markdown):
    """(body, disclaimer): a disclaimer the post already carries, taken out of its body.

    Looks at the first two and last three blocks for a "Disclaimer" heading (and the block
    after it), a paragraph labelled "Disclaimer:", or the usual wording ("not medical
    advice", "for educational purposes only"). Returns (markdown, "") when there is none.
    """
    blocks = [block for block in re.split(r"\n{2,}", markdown.strip()) if block.strip()]
    candidates = sorted({*range(min(2, len(blocks))), *range(max(0, len(blocks) - 3), len(blocks))})
    for index in reversed(candidates):
        block = blocks[index]
        if DISCLAIMER_HEADING.match(block) and index + 1 < len(blocks):
            taken = [index, index + 1]
        elif DISCLAIMER_LABEL.match(block) or DISCLAIMER_WORDS.search(block):
            taken = [index]
        else:
            continue
        disclaimer = _plain_text(DISCLAIMER_LABEL.sub("", blocks[taken[-1]], count=1))
        if not disclaimer:
            continue
        body = "\n\n".join(block for i, block in enumerate(blocks) if i not in taken)
        return body, disclaimer
    return markdown, ""


def _plain_text(markdown):
    """Markdown as the plain text the disclaimer field holds: links become “text (address)”."""
    text = MARKDOWN_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown)
    text = re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def plain_text(markdown):
    """Markdown (or HTML) as the plain words a reader sees: no marks, links as their text."""
    text = MARKDOWN_IMAGE.sub("", markdown)
    text = MARKDOWN_LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"`+([^`]*)`+", r"\1", text)
    text = re.sub(r"(\*\*|__|~~|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    text = html.unescape(strip_tags(text.replace("<br>", " ")))
    return re.sub(r"\s+", " ", text).strip()


def make_summary(excerpt_html, markdown):
    """The summary under the headline, as plain text: the excerpt, else the first paragraph."""
    text = plain_text(html.unescape(strip_tags(excerpt_html)))
    if BARE_URL.match(text):
        text = ""
    if not text:
        for block in re.split(r"\n{2,}", markdown):
            stripped = block.lstrip()
            if stripped.startswith(NOT_PROSE) or re.match(r"\d+\.\s", stripped):
                continue
            candidate = plain_text(block)
            if candidate and not BARE_URL.match(candidate) and not _is_link_only(block):
                text = candidate
                break
    return Truncator(Truncator(text).words(DEK_WORDS, truncate="…")).chars(SUMMARY_CHARACTERS)


def _is_link_only(block):
    return bool(re.fullmatch(r"\[[^\]]*\]\([^)]*\)", block.strip()))
