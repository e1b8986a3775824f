"""Turn a post's HTML into the editor's Markdown, and find the parts an article needs.

markdownify writes Markdown only, never raw HTML, so Squarespace's layout <div>s, inline
styles, scripts and comments are left behind. The Markdown is then rendered through
`clinic.authoring.markdown.render_markdown` like any other article, which sanitises the result.
"""

import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.html import strip_tags
from django.utils.text import Truncator

from clinic.authoring.links import describe

from .autop import wpautop
from .converter import PostConverter
from .embeds import Media, expand_shortcodes, replace_players
from .markup import (
    DEEP_WARNING,
    MAX_DEPTH,
    collapse_whitespace,
    flatten_deep,
    real_line_breaks,
    shallow_html,
)

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


class ConversionError(Exception):
    """A post whose body cannot become Markdown; the message says why, for the import report."""


@dataclass
class Converted:
    markdown: str
    image_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embeds: dict = field(default_factory=dict)
    images_without_alt: list[str] = field(default_factory=list)


def html_to_markdown(
    content_html, *, base_url="", block_editor=False, site=None, post_id="", shortcodes=True
):
    """Markdown for a post's HTML body, with the images it shows and anything worth a warning.

    Classic-editor posts get WordPress's paragraphs and line breaks first (`wpautop`);
    block-editor posts already have theirs. HTML from other platforms (`shortcodes=False`)
    has no shortcodes: text in square brackets there is only text.
    """
    try:
        return _convert(content_html, base_url, block_editor, site, post_id, shortcodes)
    except RecursionError as error:  # a last resort: flatten_deep keeps real posts far from it
        raise ConversionError(
            "its HTML is nested too deeply to convert; simplify the post on the old site "
            "and export it again"
        ) from error


def _convert(content_html, base_url, block_editor, site, post_id, shortcodes):
    media = Media(site=site, post_id=post_id, base_url=base_url)
    content_html = SCRIPTS.sub("", content_html)  # never shown, and not part of a paragraph
    if shortcodes:
        content_html = expand_shortcodes(content_html, media, block_editor=block_editor)
    if not block_editor:
        content_html = wpautop(content_html)
    content_html, removed = shallow_html(content_html)
    soup = BeautifulSoup(content_html, "html.parser")
    if flattened := removed + flatten_deep(soup):
        media.warnings.append(DEEP_WARNING.format(count=flattened, depth=MAX_DEPTH))
    collapse_whitespace(soup)
    real_line_breaks(soup)
    replace_players(soup, media)
    converter = PostConverter(base_url=base_url)
    markdown = _tidy(converter.convert_soup(soup))
    if converter.unsafe:
        media.warnings.append(unsafe_warning(converter.unsafe))
    return Converted(
        markdown,
        converter.image_urls,
        media.warnings,
        dict(media.embeds),
        converter.without_alt,
    )


def unsafe_warning(targets):
    """The report's line for links and images whose javascript:, vbscript: or data: target
    was dropped."""
    return (
        f"{len(targets)} link(s) or image(s) pointing at {describe(targets)} were removed "
        "(javascript:, vbscript: and data: addresses can run code); their text was kept"
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
    text = html.unescape(re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text))  # as a reader saw it
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
