"""WordPress's `wpautop()`: the paragraph and line-break rules of classic-editor posts.

The classic editor stores posts without <p> tags; WordPress adds them when it shows a post:
a blank line ends a paragraph and a single newline is a <br />, except next to block-level
tags (so tables and lists get no stray breaks) and inside <pre> (kept verbatim). No
maintained Python port of this function exists, so this follows WordPress's own code
(wp-includes/formatting.php) step for step, leaving out the parts for <option>, <object>
and <source> that only matter to embedded players (embeds become links here).
Block-editor posts already carry their <p>s and must not go through it.
"""

import re

ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
PRESERVED_NEWLINE = "<WPPreserveNewline />"


def wpautop(text, *, br=True):
    """`text` with <p> and <br /> added as WordPress adds them to classic-editor posts."""
    if not text.strip():
        return ""
    text, pre_tags = _hide_pre(text + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{ALL_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{ALL_BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"<[^<>]*>", lambda m: m.group(0).replace("\n", " "), text)  # inside tags
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text) if chunk]
    text = "".join(f"<p>{chunk.strip(chr(10))}</p>\n" for chunk in chunks)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{ALL_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda m: m.group(0).replace("\n", PRESERVED_NEWLINE),
            text,
            flags=re.DOTALL,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace(PRESERVED_NEWLINE, "\n")
    text = re.sub(rf"(</?{ALL_BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for placeholder, original in pre_tags.items():
        text = text.replace(placeholder, original)
    return text


def _hide_pre(text):
    """Swap each <pre>…</pre> for a placeholder, so nothing inside it changes."""
    if "<pre" not in text:
        return text, {}
    pre_tags, pieces, last = {}, text.split("</pre>"), ""
    last = pieces.pop()
    out = []
    for number, piece in enumerate(pieces):
        start = piece.find("<pre")
        if start == -1:  # a stray </pre>: leave it as it was
            out.append(piece + "</pre>")
            continue
        name = f"<pre wp-pre-tag-{number}></pre>"
        pre_tags[name] = piece[start:] + "</pre>"
        out.append(piece[:start] + name)
    return "".join(out) + last, pre_tags
