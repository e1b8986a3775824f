"""Turn a post's HTML into the editor's Markdown, and find the parts an article needs.

markdownify writes Markdown only, never raw HTML, so Squarespace's layout <div>s, inline
styles, scripts and comments are left behind. The Markdown is then rendered through
`clinic.authoring.markdown.render_markdown` like any other article, which sanitises the result.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.utils.html import strip_tags
from django.utils.text import Truncator
from markdownify import MarkdownConverter

DEK_WORDS = 50
SUMMARY_CHARACTERS = 600  # Article.summary's max_length
# WordPress shortcodes that wrap content ([caption]…[/caption]) or stand alone ([gallery]).
SHORTCODE = re.compile(
    r"\[/?(caption|wp_caption|gallery|embed|video|audio|playlist)\b[^\]]*\]", re.IGNORECASE
)
BLOCK_START = re.compile(
    r"<(?:!--|(?:p|div|h[1-6]|ul|ol|dl|table|blockquote|figure|pre|hr|section|script|style)\b)",
    re.IGNORECASE,
)
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


@dataclass
class Converted:
    markdown: str
    image_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _PostConverter(MarkdownConverter):
    """markdownify, taught the habits of WordPress and Squarespace markup."""

    def __init__(self, *, base_url, **options):
        super().__init__(heading_style="ATX", bullets="-", escape_misc=False, **options)
        self.base_url = base_url
        self.image_urls = []
        self.warnings = []

    def convert_img(self, el, text, parent_tags):
        if "noscript" in parent_tags:
            return ""  # Squarespace repeats each image inside <noscript>
        # Squarespace lazy-loads: the address is in data-src / data-image, not src.
        src = el.get("src") or el.get("data-src") or el.get("data-image") or ""
        if not src:
            return ""
        src = urljoin(self.base_url or "", src.strip())
        el["src"] = src
        if not el.get("alt"):
            self.warnings.append(f"an image has no alt text ({src})")
        self.image_urls.append(src)
        return super().convert_img(el, text, parent_tags)

    def convert_noscript(self, el, text, parent_tags):
        return ""

    def convert_iframe(self, el, text, parent_tags):
        src = el.get("src", "")
        self.warnings.append(f"an embedded frame became a link ({src or 'no address'})")
        return f"\n\n[Embedded content]({src})\n\n" if src else ""


def html_to_markdown(content_html, *, base_url=""):
    """Markdown for a post's HTML body, with the images it shows and anything worth a warning."""
    warnings = []
    names = sorted({match.lower() for match in SHORTCODE.findall(content_html)})
    if names:
        warnings.append("removed WordPress shortcodes: " + ", ".join(names))
    content_html = _paragraphs(SHORTCODE.sub("", content_html))
    converter = _PostConverter(base_url=base_url)
    markdown = converter.convert(content_html)
    markdown = re.sub(r"[ \t\u00a0]+\n", "\n", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return Converted(markdown, converter.image_urls, warnings + converter.warnings)


def _paragraphs(text):
    """WordPress stores classic-editor posts without <p>: blank lines separate paragraphs.

    Each blank-line-separated chunk that does not start with a block tag (or a Gutenberg
    comment) becomes a paragraph, its single line breaks <br>s, as WordPress shows it.
    """
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    return "\n".join(
        chunk if BLOCK_START.match(chunk) else f"<p>{chunk.replace(chr(10), '<br>')}</p>"
        for chunk in chunks
    )


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


def make_summary(excerpt_html, markdown):
    """The summary under the headline: the post's excerpt, else its first paragraph."""
    text = _plain_text(html.unescape(strip_tags(excerpt_html)))
    if not text:
        for block in re.split(r"\n{2,}", markdown):
            candidate = _plain_text(block)
            if candidate and not block.lstrip().startswith(("#", "!", "[!", "|", ">")):
                text = candidate
                break
    text = re.sub(r"\s+", " ", text).strip()
    return Truncator(Truncator(text).words(DEK_WORDS, truncate="…")).chars(SUMMARY_CHARACTERS)
