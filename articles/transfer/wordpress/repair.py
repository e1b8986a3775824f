"""Mend the XML slips real exports make, the way WordPress's own importer tolerates them.

Squarespace writes titles and links with a bare "&" and with HTML named entities such as
"&mdash;", which XML does not define; older WordPress versions leave control characters in
post text. WordPress's importer falls back to a lenient parser for such files. Here the file
is copied with exactly those slips mended, outside CDATA sections (whose text is taken
literally), and every kind of repair is counted for the import report.

Nothing else is changed: a DTD or entity declaration is left as it is, so the strict parser
still refuses it, and a file cut short stays cut short.
"""

import re
import tempfile
from collections import Counter
from html.entities import html5

XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
AMPERSAND = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CDATA_START, CDATA_END = "<![CDATA[", "]]>"


def repair_xml(path):
    """(path of a mended copy, Counter of repairs) for the export at `path`.

    The copy is a named temporary file; the caller deletes it.
    """
    repairs = Counter()
    in_cdata = False
    with (
        open(path, encoding="utf-8", errors="replace", newline="") as source,
        tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", suffix=".xml", delete=False, newline=""
        ) as target,
    ):
        for line in source:
            if "\ufffd" in line:
                repairs["bytes that are not UTF-8 replaced by �"] += line.count("\ufffd")
            mended, in_cdata = _mend_line(line, in_cdata, repairs)
            target.write(mended)
    return target.name, repairs


def describe(repairs):
    """The report's lines for a Counter of repairs."""
    return [f"{count} × {kind}" for kind, count in sorted(repairs.items())]


def _mend_line(line, in_cdata, repairs):
    parts, position = [], 0
    while position < len(line):
        if in_cdata:
            end = line.find(CDATA_END, position)
            stop = len(line) if end == -1 else end + len(CDATA_END)
            parts.append(_strip_controls(line[position:stop], repairs))
            in_cdata = end == -1
        else:
            start = line.find(CDATA_START, position)
            stop = len(line) if start == -1 else start + len(CDATA_START)
            parts.append(_mend_markup(line[position:stop], repairs))
            in_cdata = start != -1
        position = stop
    return "".join(parts), in_cdata


def _strip_controls(text, repairs):
    cleaned, count = CONTROL.subn("", text)
    if count:
        repairs["control characters removed"] += count
    return cleaned


def _mend_markup(text, repairs):
    def replace(match):
        reference = match.group(1)
        if reference is None:
            repairs["bare “&” written as “&amp;”"] += 1
            return "&amp;"
        name = reference[:-1]
        if reference.startswith("#") or name in XML_ENTITIES:
            return match.group(0)
        characters = html5.get(reference) or html5.get(reference.lower())
        if characters is None:
            repairs["unknown entity “&…;” kept as text"] += 1
            return "&amp;" + reference
        repairs[f"HTML entity “&{name};” written as its character"] += 1
        return "".join(f"&#{ord(character)};" for character in characters)

    return AMPERSAND.sub(replace, _strip_controls(text, repairs))
