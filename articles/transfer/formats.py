"""Recognise an uploaded file by its content, and read it with the reader for its platform.

Whatever its name, a file is looked at (its first bytes, a zip's list of files, a CSV's
header, a JSON file's keys) and named for what it is. An export of a platform this site
reads is read into a `Source`; any other file (a feed, a web page, a sitemap, a PDF...) is
refused with a message that names it and says what to do instead.
"""

import csv
import json
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .blogger import is_blogger, read_blogger
from .ghost.export import ghost_data, read_ghost
from .medium import is_medium_post, medium_files_in_zip, read_medium
from .posts import ExportError
from .wix.export import is_wix_csv, read_wix_csv
from .wordpress.wxr import read_wxr

HEAD_BYTES = 64 * 1024
MAX_JSON_BYTES = 200 * 1024 * 1024
MAX_ZIPPED_BYTES = 50 * 1024 * 1024
EXPORT_SUFFIXES = {".xml", ".json", ".csv", ".html", ".htm"}
WHAT_TO_EXPORT = (
    "Export the blog from the platform it is on and import that file: WordPress and "
    "Squarespace give an .xml file, Wix a .csv file, Blogger an .xml (Atom) file, Ghost a "
    ".json file and Medium a .zip file (“Moving in” in the documentation shows where)."
)


@dataclass(frozen=True)
class Kind:
    """What a file is: an export (with its reader) or something else (with advice)."""

    description: str
    read: Callable | None = None
    advice: str = WHAT_TO_EXPORT
    is_wxr: bool = False
    message: str = ""  # said instead of "This looks like …", when set


WXR = Kind("a WordPress or Squarespace export (WXR)", read_wxr, is_wxr=True)
WIX_CSV = Kind("a Wix blog CSV export", read_wix_csv)
BLOGGER = Kind("a Blogger Atom export", read_blogger)
GHOST = Kind("a Ghost JSON export", read_ghost)
MEDIUM = Kind("a Medium export", read_medium)
RSS = Kind(
    "an RSS feed, not an export",
    advice="A feed carries only the newest posts (and Wix's blog feed only a short teaser of "
    f"each), so it cannot bring a blog across. {WHAT_TO_EXPORT}",
)
ATOM = Kind("an Atom feed, not an export", advice=RSS.advice)
SITEMAP = Kind("a sitemap, not an export", advice="A sitemap lists addresses, not the posts' "
               f"text. {WHAT_TO_EXPORT}")  # fmt: skip
HTML_PAGE = Kind(
    "an HTML page, not an export",
    advice=f"A saved web page is not a blog's export. {WHAT_TO_EXPORT}",
)
PDF = Kind("a PDF document, not an export")
WORD = Kind("a Word document, not an export")
IMAGE = Kind("an image, not an export")
DECLARES_ENTITIES = Kind(
    "an XML file that declares a DTD or entities",
    message="The file was refused because it declares a DTD or XML entities. No platform's "
    "export does; such files can expand to gigabytes (“billion laughs”) or read files from the "
    f"server. {WHAT_TO_EXPORT}",
)
EMPTY = Kind("an empty file", advice=f"The file has nothing in it. {WHAT_TO_EXPORT}")
UNKNOWN = Kind("not an export this site can read")


def sniff(path):
    """The `Kind` of the file (or folder) at `path`, from its content."""
    path = Path(path)
    if path.is_dir():
        pages = sorted(path.rglob("*.html"))[:20]
        if any(is_medium_post(page.read_text(errors="replace")[:HEAD_BYTES]) for page in pages):
            return MEDIUM
        return Kind("a folder with no Medium posts in it")
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    for magic, kind in ((b"%PDF", PDF), (b"\x89PNG", IMAGE), (b"\xff\xd8\xff", IMAGE),
                        (b"GIF8", IMAGE), (b"RIFF", IMAGE)):  # fmt: skip
        if head.startswith(magic):
            return kind
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text:
        return EMPTY
    if text[0] in "{[":
        return _sniff_json(path)
    if text[0] == "<":
        return _sniff_markup(text)
    return _sniff_csv(text)


def _sniff_markup(text):
    start = text.lower()
    if "<!entity" in start or re.search(r"<!doctype\s+(?!html\s*>)", start):
        return DECLARES_ENTITIES
    if "<rss" in start:
        return WXR if "wordpress.org/export/" in start else RSS
    if is_blogger(text):
        return BLOGGER
    if "<feed" in start:
        return ATOM
    if "<urlset" in start or "<sitemapindex" in start:
        return SITEMAP
    if "<html" in start or "<!doctype html" in start or "<body" in start:
        return MEDIUM if is_medium_post(text) else HTML_PAGE
    return Kind(f"an XML file that is not an export (it starts with {_first_tag(text)})")


def _first_tag(text):
    for part in text.split("<")[1:]:
        if part[:1] not in "?!":
            return "<" + part.split(">")[0].split()[0] + ">"
    return "a declaration"


def _sniff_json(path):
    if Path(path).stat().st_size > MAX_JSON_BYTES:
        return Kind("a JSON file too large to read here", advice="Split the export, or ask "
                    "whoever runs the server to import it there.")  # fmt: skip
    try:
        with open(path, encoding="utf-8-sig") as handle:
            document = json.load(handle)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return Kind(
            "a JSON file that is cut short or not valid JSON",
            advice="If it is a Ghost export, download it again (Settings → Advanced → "
            "Import/Export → Export content).",
        )
    if ghost_data(document) is not None:
        return GHOST
    return Kind("a JSON file, but not a Ghost export")


def _sniff_csv(text):
    first_line = text.splitlines()[0] if text.splitlines() else ""
    if first_line.count(",") < 1:
        return UNKNOWN
    header = next(csv.reader([first_line]))
    if is_wix_csv([column.strip() for column in header]):
        return WIX_CSV
    columns = ", ".join(column.strip() for column in header[:6])
    return Kind(f"a CSV file, but not a Wix blog export (its first columns are: {columns})")


def _sniff_zip(path):
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if not name.endswith("/")]
            if medium_files_in_zip(archive):
                return MEDIUM
    except zipfile.BadZipFile:
        return Kind("a damaged zip archive", advice="Download the export again.")
    if "word/document.xml" in names:
        return WORD
    exports = [n for n in names if PurePosixPath(n).suffix.lower() in EXPORT_SUFFIXES
               and not PurePosixPath(n).name.startswith(".")]  # fmt: skip
    if len(exports) == 1:
        return Kind(f"a zip archive holding {exports[0]}", read=_zipped_reader(exports[0]))
    listed = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
    return Kind(
        f"a zip archive with no single export in it (it holds {listed or 'nothing'})",
        advice="Unzip it and import each export file it holds.",
    )


def _zipped_reader(name):
    """A reader that takes the one export out of a zip (as WordPress.com delivers it)."""

    def read(path, *, max_posts=None):
        suffix = PurePosixPath(name).suffix
        with zipfile.ZipFile(path) as archive, archive.open(name) as member:
            with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as handle:
                handle.write(member.read(MAX_ZIPPED_BYTES))
        inner = Path(handle.name)
        try:
            source = read_source(inner, max_posts=max_posts)
        except BaseException:
            inner.unlink(missing_ok=True)
            raise
        close = source.close

        def close_and_remove():
            close()
            inner.unlink(missing_ok=True)

        source.close = close_and_remove
        return source

    return read


def read_source(path, *, max_posts=None, wxr_only=False):
    """Read the export at `path` into a `Source`; `ExportError` names any other file."""
    kind = sniff(path)
    if kind.read is None:
        raise ExportError(kind.message or f"This looks like {kind.description}. {kind.advice}")
    if wxr_only and not kind.is_wxr:
        raise ExportError(
            f"This looks like {kind.description}, not a WordPress or Squarespace export. "
            "`manage.py import_export` reads it (and every other export this site reads)."
        )
    return kind.read(path, max_posts=max_posts)
