"""Read a Wix blog's CSV export (the CMS "Posts" collection, Export to CSV).

Each row is a post. Its body is the "Rich Content" column, Wix's own JSON document format
(Ricos, read by `ricos`); a row without one falls back to its "Plain Content". Wix names a
post's author by a member id that the file does not resolve: such posts take the clinic's
team byline, and the report says so.
"""

import csv
import html
import json
import re
from datetime import datetime

from articles.transfer.platforms import WIX
from articles.transfer.posts import (
    HTML,
    Attachment,
    ExportError,
    Post,
    Site,
    Source,
    Term,
    check_size,
)

from .ricos import media_url, ricos_to_html

csv.field_size_limit(64 * 1024 * 1024)  # a post's Rich Content cell can hold megabytes
MEMBER_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
BODY_COLUMNS = {"Rich Content", "Plain Content"}
CATEGORY_COLUMNS = ("Main Category", "Category", "Categories", "Hashtags")


def is_wix_csv(header):
    """Whether a CSV header row is a Wix blog export's."""
    return "Title" in header and bool(BODY_COLUMNS & set(header))


def read_wix_csv(path, *, max_posts=None):
    """A `Source` of the posts of a Wix blog CSV export."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        try:
            rows = list(csv.DictReader(handle))
        except (csv.Error, UnicodeDecodeError) as error:
            raise ExportError(
                f"The Wix CSV file could not be read ({error}). Export it from Wix again and "
                "import the file as it was downloaded, without opening it in a spreadsheet."
            ) from error
    check_size(len(rows), max_posts)
    posts = [_post(row, number) for number, row in enumerate(rows, start=2)]
    member_posts = [post for post in posts if post.meta.get("member_author")]
    source = Source.of(WIX, Site(), posts)
    if member_posts:
        source.notes.append(
            f"{len(member_posts)} post(s) name their author only by a Wix member id (for "
            f"example {member_posts[0].meta['member_author']}), which the export does not "
            "turn into a name: they carry the clinic's team byline. Choose the author in each."
        )
    return source


def _post(row, line):
    row = {key.strip(): (value or "").strip() for key, value in row.items() if key}
    title = html.unescape(row.get("Title", ""))
    slug = row.get("Slug", "")
    link = row.get("Post Page URL", "") or (f"/post/{slug}" if slug else "")
    key = row.get("ID") or row.get("UUID") or row.get("Internal ID") or slug
    author = row.get("Author", "")
    content, notes = _body(row)
    published = _date(row.get("Published Date") or row.get("Last Published Date"))
    return Post(
        key=f"wix:{key}" if key else "",
        post_type="post",
        status="publish" if published else "draft",
        title=title,
        slug=slug,
        link=link,
        content=content,
        content_format=HTML,
        excerpt_html=html.escape(row.get("Excerpt", "")),
        creator="" if MEMBER_ID.match(author) else author,
        published_at=published,
        terms=_terms(row),
        post_id=str(line),
        meta={"member_author": author} if MEMBER_ID.match(author) else {},
        hero=_cover(row.get("Cover Image", "")),
        notes=notes,
    )


def _body(row):
    """(HTML, notes): the Rich Content document, else the Plain Content paragraphs."""
    rich, plain = row.get("Rich Content", ""), row.get("Plain Content", "")
    if rich:
        try:
            document = json.loads(rich)
        except (ValueError, RecursionError):  # not JSON, or nested past any real document
            document = None
        if isinstance(document, dict):
            try:
                return ricos_to_html(document)
            except RecursionError:
                document = None
        if not plain:
            return "", ["its Rich Content is not a Wix document and it has no Plain Content"]
        note = (
            "its Rich Content is not a Wix document, so its Plain Content (no formatting) was used"
        )
        return _paragraphs(plain), [note]
    return _paragraphs(plain), (["it had only Plain Content (no formatting)"] if plain else [])


def _paragraphs(text):
    blocks = [block.strip() for block in re.split(r"\n\s*\n|\n", text) if block.strip()]
    return "".join(f"<p>{html.escape(block)}</p>" for block in blocks)


def _terms(row):
    names = []
    for column in CATEGORY_COLUMNS:
        value = row.get(column, "")
        if value.startswith("["):
            try:
                values = [str(item) for item in json.loads(value)]
            except ValueError:
                values = []
        else:
            values = value.split(",") if column in {"Categories", "Hashtags"} else [value]
        names += [name.strip().lstrip("#") for name in values]
    names = [name for name in dict.fromkeys(names) if name and not _looks_like_id(name)]
    return [Term(kind="category", name=name, slug="") for name in names]


def _looks_like_id(value):
    return bool(MEMBER_ID.match(value) or re.fullmatch(r"[0-9a-f]{24}", value))


def _cover(value):
    url = media_url(value)
    return Attachment(post_id="", url=url) if url.startswith("http") else None


def _date(value):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
