"""Read a Blogger (Blogspot) export: the Atom file of Settings → Back up content.

Two layouts are read. The classic one marks each entry's kind with a `kind#post` category
and drafts with `<app:draft>yes`; the newer one (2020 on) has `<blogger:type>POST`,
`<blogger:status>LIVE` and the post's path in `<blogger:filename>`. Real classic files use
the `app:` prefix without declaring it; the prefix is declared for them before reading, and
the report says so. The file is parsed with defusedxml: no DTD, no entities.
"""

import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .platforms import BLOGGER
from .posts import LOOSE_HTML, Author, ExportError, Post, Site, Source, Term, check_size

ATOM = "{http://www.w3.org/2005/Atom}"
BLOGGER_2018 = "{http://schemas.google.com/blogger/2018}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KINDS = {"post": "post", "page": "page", "comment": "comment", "settings": "settings",
         "template": "template"}  # fmt: skip
STATUSES = {"LIVE": "publish", "DRAFT": "draft", "SCHEDULED": "future", "SOFT_TRASHED": "trash"}
KNOWN_PREFIXES = {
    "app": "http://purl.org/atom/app#",
    "gd": "http://schemas.google.com/g/2005",
    "thr": "http://purl.org/syndication/thread/1.0",
    "georss": "http://www.georss.org/georss",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "blogger": "http://schemas.google.com/blogger/2018",
    "media": "http://search.yahoo.com/mrss/",
}
DOUBLE_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
PREFIX_USE = re.compile(r"</?([A-Za-z][\w.-]*):[A-Za-z]")


def is_blogger(start):
    """Whether the first part of an XML file is a Blogger export's."""
    return "<feed" in start and ("blogger.com" in start or "schemas.google.com/blogger" in start)


def read_blogger(path, *, max_posts=None):
    """A `Source` of a Blogger export's posts and pages (comments and settings are counted)."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8", errors="replace")
    text, declared = _declare_prefixes(text)
    try:
        root = fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as error:
        raise ExportError(
            "The file was refused because it declares a DTD or XML entities; Blogger's "
            f"exports never do. {BLOGGER.how_to_export}"
        ) from error
    except ParseError as error:
        line, column = error.position
        raise ExportError(
            f"The Blogger export is cut short or is not well-formed XML (line {line}, column "
            f"{column}). Download it again; nothing was imported. {BLOGGER.how_to_export}"
        ) from error
    site = Site(title=_text(root.find(f"{ATOM}title")), link=_alternate(root))
    posts = [_post(entry, site) for entry in root.iter(f"{ATOM}entry")]
    source = Source.of(BLOGGER, site, posts)
    check_size(source.total, max_posts)
    source.repairs = [f"the prefix “{prefix}:” was used without being declared; read as "
                      "Blogger's" for prefix in declared]  # fmt: skip
    return source


def _declare_prefixes(text):
    """Declare on the root element the namespace prefixes the file uses but never declares."""
    root = re.search(r"<feed\b[^>]*>", text)
    if root is None:
        return text, []
    used = set(PREFIX_USE.findall(text))
    missing = sorted(p for p in used if p in KNOWN_PREFIXES and f"xmlns:{p}=" not in root[0])
    if not missing:
        return text, []
    declarations = "".join(f' xmlns:{p}="{KNOWN_PREFIXES[p]}"' for p in missing)
    position = root.start() + len("<feed")
    return text[:position] + declarations + text[position:], missing


def _post(entry, site):
    kind, status = _kind_and_status(entry)
    link = _alternate(entry)
    filename = _text(entry.find(f"{BLOGGER_2018}filename"))
    if not link and filename:
        link = urljoin(site.link or "/", filename)
    entry_id = _text(entry.find(f"{ATOM}id"))
    labels = [c.get("term", "") for c in entry.findall(f"{ATOM}category")
              if c.get("scheme") != KIND_SCHEME and c.get("term")]  # fmt: skip
    author = entry.find(f"{ATOM}author")
    creator = _text(author.find(f"{ATOM}name")) if author is not None else ""
    if creator and creator not in {a.login for a in site.authors}:
        site.authors.append(Author(login=creator, display_name=creator))
    content = entry.find(f"{ATOM}content")
    summary = _text(entry.find(f"{BLOGGER_2018}metaDescription"))
    return Post(
        key=f"blogger:{entry_id}" if entry_id else "",
        post_type=kind,
        status=status,
        title=_text(entry.find(f"{ATOM}title")),
        slug=urlsplit(link).path.rstrip("/").rpartition("/")[2].removesuffix(".html"),
        link=link,
        content=_paragraphs(content.text or "") if content is not None else "",
        content_format=LOOSE_HTML,
        excerpt_html=summary,
        creator=creator,
        published_at=_date(_text(entry.find(f"{ATOM}published"))),
        terms=[Term(kind="post_tag", name=label, slug="") for label in labels],
        post_id=entry_id.rpartition("-")[2],
    )


def _paragraphs(markup):
    """Blogger separates paragraphs with two or more <br>s: make them blank lines."""
    return DOUBLE_BREAK.sub("\n\n", markup)


def _kind_and_status(entry):
    """("post" | "page" | "comment" | ..., WordPress-style status) for either layout."""
    new_type = _text(entry.find(f"{BLOGGER_2018}type"))
    if new_type:
        status = STATUSES.get(_text(entry.find(f"{BLOGGER_2018}status")).upper(), "draft")
        return new_type.lower(), status
    kind = "other"
    for category in entry.findall(f"{ATOM}category"):
        if category.get("scheme") == KIND_SCHEME:
            kind = KINDS.get(category.get("term", "").rpartition("#")[2], "other")
    draft = entry.find("{http://purl.org/atom/app#}control/{http://purl.org/atom/app#}draft")
    if draft is None:
        draft = entry.find("{http://www.w3.org/2007/app}control/{http://www.w3.org/2007/app}draft")
    return kind, "draft" if draft is not None and _text(draft) == "yes" else "publish"


def _alternate(element):
    for link in element.findall(f"{ATOM}link"):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href").strip()
    return ""


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _date(value):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
