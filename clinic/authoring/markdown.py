"""The one Markdown renderer: Python-Markdown, then an nh3 allow-list.

Articles, person bios and the admin's live preview all go through
`render_markdown`, so what an editor previews is exactly what visitors get.
"""

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "class"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "div": {"class"},
    "li": {"id"},
    "sup": {"id"},
    "td": {"align"},
    "th": {"align", "scope"},
    "ol": {"start"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


class _DemoteTitleHeadings(Treeprocessor):
    """The page owns the only <h1>; a `# Heading` in the body becomes an <h2>."""

    def run(self, root):
        for element in root.iter("h1"):
            element.tag = "h2"


class _CaptionedImages(Treeprocessor):
    """An image alone in its paragraph, with a title, is a figure: the title is its caption.

    `![A lake at dawn](lake.jpg "Lake Louise, 6 a.m.")` shows the picture with the caption
    under it (<figure> and <figcaption>), the way WordPress shows a captioned image.
    """

    def run(self, root):
        for paragraph in root.iter("p"):
            children = list(paragraph)
            if len(children) != 1 or (paragraph.text or "").strip():
                continue
            image = children[0]
            if image.tag == "a" and len(image) == 1 and not (image.text or "").strip():
                image = image[0]
            if image.tag != "img" or not image.get("title") or (children[0].tail or "").strip():
                continue
            paragraph.tag = "figure"
            caption = paragraph.makeelement("figcaption", {})
            caption.text = image.attrib.pop("title")
            paragraph.append(caption)


class _PageHeadings(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        # Runs before "toc" (priority 5) so heading ids are made from the final tags.
        md.treeprocessors.register(_DemoteTitleHeadings(md), "demote_h1", 30)
        # After "inline" (20), which makes the <img>s.
        md.treeprocessors.register(_CaptionedImages(md), "captioned_images", 15)


def _markdown():
    return markdown.Markdown(
        extensions=[
            "tables",
            "fenced_code",
            "def_list",
            "footnotes",
            "pymdownx.tilde",
            "smarty",
            "sane_lists",
            "toc",
            _PageHeadings(),
        ],
        extension_configs={
            "tables": {"use_align_attribute": True},
            # ~~deleted~~ only: a single ~ stays a plain tilde ("~5 minutes")
            "pymdownx.tilde": {"subscript": False},
            "toc": {"permalink": False},
        },
        output_format="html",
    )


def sanitise_html(html):
    """Keep only allow-listed tags, attributes and URL schemes; links get a safe rel."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text):
    """Render editor Markdown to sanitised HTML (a plain string; callers mark it safe)."""
    return sanitise_html(_markdown().convert(text or ""))
