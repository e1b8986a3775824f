"""What is done to a post's parsed HTML before it becomes Markdown.

Tags nested deeper than any real post nests them (a sloppy export's thousand unclosed <b>s, or a
file made to exhaust the converter) keep their text and lose their formatting, in one pass over
the tree, so conversion time stays in proportion to the post's length. Line breaks inside
preformatted and verse blocks become the newlines they show.
"""

import re

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

# Real posts stay far below this: a Squarespace layout wraps its text in about twelve
# elements, and page builders in about twenty-five. Each level costs the converter a few
# Python frames, so this also keeps conversion well inside the interpreter's recursion limit.
MAX_DEPTH = 64
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "td", "th", "tr", "ul", "br",
})  # fmt: skip
DEEP_WARNING = (
    "{count} part(s) of the post were nested more than {depth} tags deep; they kept their text "
    "but lost their formatting"
)


def flatten_deep(soup, max_depth=MAX_DEPTH):
    """Replace each element nested deeper than `max_depth` by its text; how many were replaced.

    Iterative, and each element is visited a bounded number of times, however deep the tree.
    """
    too_deep, stack = [], [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.contents:
            if not isinstance(child, Tag):
                continue
            if depth + 1 > max_depth:
                too_deep.append(child)
            else:
                stack.append((child, depth + 1))
    for element in too_deep:
        element.replace_with(NavigableString(_flat_text(element)))
    return len(too_deep)


def _flat_text(element):
    """The text of `element` and everything in it, a space where a block or a break was."""
    parts = []
    for node in element.descendants:
        if isinstance(node, Tag):
            if node.name in BLOCKS:
                parts.append(" ")
        elif not isinstance(node, PreformattedString):  # comments, CDATA, declarations
            parts.append(str(node))
    return re.sub(r"\s+", " ", "".join(parts))


def real_line_breaks(soup):
    """A <br> inside <pre> (block-editor preformatted and verse blocks) becomes a newline."""
    for line_break in soup.select("pre br"):
        line_break.replace_with("\n")
