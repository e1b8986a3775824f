"""Link targets that run code or carry a whole document: refused in the editor, dropped at import.

A `javascript:`, `vbscript:` or `data:` target never reaches a page (the renderer's allow-list
drops it), but a stored body travels: Markdown exports, other tools, another renderer. So the
body itself must not hold one. A target is read the way a browser reads it: character
references decoded (`&#106;avascript:`), tabs and newlines inside it removed (`java⇥script:`),
leading spaces and control characters ignored, in any case.

`drop_unsafe_links` removes such targets from Markdown and keeps what a reader saw: a link
becomes its text, an image its alt text. `unsafe_targets` lists those a body holds, as the
Markdown reads them and as the renderer would write them, so what the first cannot recognise
the second still finds.
"""

import bisect
import html
import re
from html.parser import HTMLParser

import markdown as python_markdown

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
    "lowsrc", "dynsrc", "xlink:href", "codebase", "ping", "srcset", "usemap", "manifest",
})  # fmt: skip
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
BROWSER_IGNORED = re.compile(r"[\t\n\r]")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BACKTICKS = re.compile(r"`+")
_TEXT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_PARENS = r"\((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*\)"  # two levels: "alert((1))"
_DESTINATION = rf"<[^<>\n]*>|(?:[^\s()\\]|\\.|{_PARENS})*"
INLINE_LINK = re.compile(
    rf"(?P<bang>!?)\[(?P<text>{_TEXT})\]\(\s*(?P<target>{_DESTINATION})"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*\n?[ \t]*(?P<target><[^<>\n]*>|\S+)[^\n]*(?:\n|\Z)",
    re.MULTILINE,
)
AUTOLINK = re.compile(r"<(?P<target>[a-zA-Z][a-zA-Z0-9+.\-]*:[^<>\s]*)>")
HTML_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
HTML_ATTRIBUTE = re.compile(
    r"""(?P<space>\s+)(?P<name>[^\s"'=<>/]+)\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
)


def is_unsafe(target):
    """Whether a link or image target runs code or carries a document (javascript:, data:…)."""
    text = MARKDOWN_ESCAPE.sub(r"\1", html.unescape(str(target)))
    text = BROWSER_IGNORED.sub("", text).lstrip("".join(map(chr, range(0x21))))
    match = SCHEME.match(text)
    return bool(match) and match[1].lower() in UNSAFE_SCHEMES


def drop_unsafe_links(markdown):
    """(markdown, dropped targets): every unsafe target taken out, what a reader saw kept.

    Code blocks and code spans are left alone: there a target is only shown, never followed.
    """
    dropped = []
    parts = [part if is_code else _drop_in_text(part, dropped)
             for is_code, part in _code_and_text(markdown or "")]  # fmt: skip
    return "".join(parts), dropped


def _code_and_text(markdown):
    """(is code, text) pieces of `markdown`, in order: fenced blocks and code spans apart.

    One pass over the lines and one over the backtick runs, however many are left unclosed.
    """
    pieces, text, lines = [], [], markdown.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if not fence:
            text.append(lines[index])
            index += 1
            continue
        pieces += _code_spans("".join(text))
        text, mark, end = [], fence[1], index + 1
        while end < len(lines) and not lines[end].lstrip(" ").startswith(mark):
            end += 1
        pieces.append((True, "".join(lines[index : end + 1])))
        index = end + 1
    return pieces + _code_spans("".join(text))


def _code_spans(text):
    """A code span runs from a backtick string to the next one of the same length."""
    runs = [(match.start(), match.end()) for match in BACKTICKS.finditer(text)]
    by_length = {}
    for start, end in runs:
        by_length.setdefault(end - start, []).append(start)
    pieces, position = [], 0
    for start, end in runs:
        if start < position:
            continue
        starts = by_length[end - start]
        following = bisect.bisect_right(starts, start)
        if following == len(starts):
            continue  # never closed: the backticks are text
        close = starts[following] + end - start
        pieces += [(False, text[position:start]), (True, text[start:close])]
        position = close
    return [*pieces, (False, text[position:])]


def unsafe_targets(markdown):
    """The unsafe targets `markdown` holds, as written: [] when it has none."""
    _, dropped = drop_unsafe_links(markdown)
    return list(dict.fromkeys([*dropped, *rendered_unsafe_targets(markdown)]))


def rendered_unsafe_targets(markdown):
    """Unsafe targets in the HTML the renderer makes of `markdown`, before its allow-list."""
    collector = _TargetCollector()
    collector.feed(python_markdown.markdown(markdown or "", extensions=["tables", "def_list",
                                                                        "footnotes"]))  # fmt: skip
    collector.close()
    return collector.found


def describe(targets):
    """The targets for a message: each shortened, quoted, at most three."""
    shown = [f"“{_short(target)}”" for target in list(dict.fromkeys(targets))[:3]]
    more = len(set(targets)) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _short(target):
    text = " ".join(str(target).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _drop_in_text(text, dropped):
    for _ in range(8):  # a link around an image needs two passes; each pass drops one level
        before = len(dropped)
        text = INLINE_LINK.sub(lambda m: _inline(m, dropped), text)
        if len(dropped) == before:
            break
    labels = set()

    def definition(match):
        if not is_unsafe(match["target"].strip("<>")):
            return match.group(0)
        dropped.append(match["target"].strip("<>"))
        labels.add(_label(match["label"]))
        return ""

    text = DEFINITION.sub(definition, text)
    if labels:
        text = _unlink_references(text, labels)
    text = AUTOLINK.sub(lambda m: _autolink(m, dropped), text)
    return HTML_TAG.sub(lambda m: _tag(m, dropped), text)


def _inline(match, dropped):
    target = match["target"].removeprefix("<").removesuffix(">")
    if not is_unsafe(target):
        return match.group(0)
    dropped.append(target)
    return match["text"]


def _label(label):
    return " ".join(label.split()).casefold()


def _unlink_references(text, labels):
    """`[text][label]`, `[label][]` and `[label]` of a dropped definition, as their text."""

    def replace(match):
        label = match["label"] if match["label"] else match["text"]
        return match["text"] if _label(label) in labels else match.group(0)

    pattern = rf"!?\[(?P<text>{_TEXT})\](?:\[(?P<label>[^\]\n]*)\])?(?![(:])"
    return re.sub(pattern, replace, text)


def _autolink(match, dropped):
    if not is_unsafe(match["target"]):
        return match.group(0)
    dropped.append(match["target"])
    return match["target"]  # as text: no renderer makes a link of it without the brackets


def _tag(match, dropped):
    def attribute(found):
        value = found["value"]
        name = found["name"].lower()
        if name in URL_ATTRIBUTES and is_unsafe(value.strip("\"'")):
            dropped.append(html.unescape(value.strip("\"'")))
            return ""
        return found.group(0)

    return HTML_ATTRIBUTE.sub(attribute, match.group(0))


class _TargetCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value and is_unsafe(value):
                self.found.append(value)

    handle_startendtag = handle_starttag
