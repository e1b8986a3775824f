"""Assertions that a piece of HTML can run nothing: used by the sanitiser and search tests."""

import re
from html.parser import HTMLParser
from pathlib import Path

VECTORS_FILE = Path(__file__).with_name("xss_vectors.txt")

DANGEROUS_TAGS = {
    "applet", "base", "button", "embed", "form", "frame", "frameset", "iframe", "input",
    "link", "math", "meta", "noscript", "object", "portal", "script", "select", "style",
    "svg", "template", "textarea",
}  # fmt: skip
URL_ATTRIBUTES = {
    "action", "background", "cite", "data", "dynsrc", "formaction", "href", "lowsrc",
    "poster", "src", "srcset", "xlink:href",
}  # fmt: skip
SAFE_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
PAGE_CHROME_TAGS = {"form", "input", "button", "link", "meta"}  # the site's head and search form
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def load_vectors():
    """The corpus: one vector a line, `\\n` meaning a line break; %% lines are comments."""
    lines = VECTORS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("%%")]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


def elements(html):
    """(tag, [(attribute, value)]) for every start tag, with entities in values decoded."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def url_scheme(value):
    """The scheme a browser would see (WHATWG URL parsing: tabs and newlines anywhere, and
    control characters and spaces at either end, are dropped first)."""
    cleaned = _TAB_OR_NEWLINE.sub("", value or "").strip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


def problems(html, *, allowed_tags=None, page_scripts=False):
    """What in `html` could run script or restyle the page; an empty list when it is safe.

    `allowed_tags` limits a fragment to those tags. `page_scripts` allows the page's own
    JSON-LD data blocks, which browsers never execute, and its own script files from /static/
    (the quick exit's), which hold nothing from the content.
    """
    found = []
    if "<script" in html.lower() and not page_scripts:
        found.append("<script")
    for tag, attributes in elements(html):
        is_data_block = tag == "script" and dict(attributes).get("type") == "application/ld+json"
        is_site_script = tag == "script" and (dict(attributes).get("src") or "").startswith(
            "/static/js/"
        )
        if page_scripts and (is_data_block or is_site_script or tag in PAGE_CHROME_TAGS):
            pass
        elif tag in DANGEROUS_TAGS:
            found.append(f"<{tag}>")
        elif allowed_tags is not None and tag not in allowed_tags:
            found.append(f"<{tag}> is not allowed")
        for name, value in attributes:
            if name.startswith("on"):
                found.append(f"{tag} {name}=")
            elif name in {"style", "srcdoc"}:
                found.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and url_scheme(value) not in {None, *SAFE_SCHEMES}:
                found.append(f"{tag} {name}={value!r}")
    return found
