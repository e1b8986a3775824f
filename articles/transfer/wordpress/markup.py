"""What is done to a post's HTML before it becomes Markdown.

Tags nested deeper than any real post nests them (a sloppy export's thousand unclosed <b>s, or a
file made to exhaust the converter) keep their text and lose their formatting: first in the
text, before it is parsed, then in the parsed tree for anything the parser nested otherwise,
each in one pass, so conversion time stays in proportion to the post's length. Line breaks inside
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
LONG_WHITESPACE = re.compile(r"[ \t\r\n]{3,}")
KEEP_WHITESPACE = ["pre", "code", "textarea"]
DEEP_WARNING = (
    "{count} tag(s) were nested more than {depth} deep; what they held kept its text but lost "
    "its formatting"
)


TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*)?/?>")
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip


def shallow_html(text, max_depth=MAX_DEPTH):
    """(text, how many tags were taken out): tags that would open deeper than `max_depth`
    removed, with their end tags, before the HTML is parsed; their text stays.

    The parser itself takes time in proportion to the depth for every piece of text it closes,
    so a very deep post must be made shallow before it is parsed. Tags are followed as the
    parser follows them: an end tag closes everything opened since its start tag; a stray one
    is ignored. A post within the limit comes back unchanged.
    """
    stack, open_names, cuts = [], {}, []
    for match in TAG.finditer(text):
        closing, name = match[1], match[2].lower()
        if not closing:
            if name in VOID or match.group(0).endswith("/>"):
                if len(stack) >= max_depth:
                    cuts.append(match)
                continue
            dropped = len(stack) >= max_depth
            stack.append((name, dropped))
            open_names[name] = open_names.get(name, 0) + 1
            if dropped:
                cuts.append(match)
            continue
        if not open_names.get(name):
            continue  # a stray end tag: the parser ignores it
        while True:
            opened, dropped = stack.pop()
            open_names[opened] -= 1
            if opened == name:
                break
        if dropped:
            cuts.append(match)
    if not cuts:
        return text, 0
    pieces, position = [], 0
    for match in cuts:
        pieces += [text[position : match.start()], " " if match[2].lower() in BLOCKS else ""]
        position = match.end()
    return "".join([*pieces, text[position:]]), sum(1 for match in cuts if not match[1])


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


def collapse_whitespace(soup):
    """Runs of spaces and newlines in text, outside preformatted text, become one character,
    as a browser shows them. markdownify's own whitespace patterns take time in proportion
    to the square of a run's length, so a long run is shortened before they see it."""
    for text in list(soup.find_all(string=LONG_WHITESPACE.search)):
        if isinstance(text, PreformattedString) or text.find_parent(KEEP_WHITESPACE):
            continue
        text.replace_with(LONG_WHITESPACE.sub(_one_character, str(text)))


def _one_character(match):
    return "\n" if "\n" in match.group(0) else " "


def real_line_breaks(soup):
    """A <br> inside <pre> (block-editor preformatted and verse blocks) becomes a newline."""
    for line_break in soup.select("pre br"):
        line_break.replace_with("\n")
