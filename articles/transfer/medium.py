"""Read Medium's export: the .zip of Settings → Download your information, its `posts`
folder, or one post's .html file.

Each post file is an HTML page with an `<article class="h-entry">`: its title (`p-name`),
subtitle, body (`e-content`), author (`p-author`), date (`dt-published`), address
(`p-canonical`) and tags. It is read with BeautifulSoup's HTML parser, which tolerates the
tags Medium leaves unclosed; `<!DOCTYPE html>` is an HTML page's usual first line, not XML.
Drafts (files named "draft_…", with no date) come across as drafts.
"""

import re
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

from .platforms import MEDIUM
from .posts import HTML, ExportError, Post, Site, Source, Term, check_size
from .wordpress.markup import shallow_html

MAX_POST_BYTES = 5 * 1024 * 1024
MAX_FILES = 5_000
MEDIUM_ID = re.compile(r"-+([0-9a-f]{10,12})$")
FILE_PREFIX = re.compile(r"^(draft_)?(\d{4}-\d{2}-\d{2}_)?")


def is_medium_post(text):
    """Whether an HTML page is a post of Medium's export."""
    return "h-entry" in text and ("e-content" in text or "graf" in text)


def medium_files_in_zip(archive):
    """The names of Medium post files in an open zip archive."""
    return [info.filename for info in archive.infolist() if _is_post_name(info.filename)]


def _is_post_name(name):
    path = PurePosixPath(name)
    return path.suffix == ".html" and "posts" in path.parts[:-1] and not path.name.startswith(".")


def read_medium(path, *, max_posts=None):
    """A `Source` of the posts in a Medium export (zip, folder or one post file)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.rglob("*.html"))[:MAX_FILES]
        pages = [(file.name, file.read_bytes()[:MAX_POST_BYTES]) for file in files]
    elif zipfile.is_zipfile(path):
        pages = list(_zip_pages(path))
    else:
        pages = [(path.name, path.read_bytes()[:MAX_POST_BYTES])]
    posts = [post for name, data in pages if (post := _post(name, data)) is not None]
    check_size(len(posts), max_posts)
    return Source.of(MEDIUM, Site(), posts)


def _zip_pages(path):
    try:
        with zipfile.ZipFile(path) as archive:
            for name in medium_files_in_zip(archive)[:MAX_FILES]:
                if archive.getinfo(name).file_size > MAX_POST_BYTES:
                    continue
                with archive.open(name) as member:
                    yield PurePosixPath(name).name, member.read(MAX_POST_BYTES)
    except (zipfile.BadZipFile, OSError) as error:
        raise ExportError(
            f"The Medium export could not be read ({error}). {MEDIUM.how_to_export}"
        ) from error


def _post(name, data):
    text, _ = shallow_html(data.decode("utf-8", errors="replace"))  # parsing time stays linear
    soup = BeautifulSoup(text, "html.parser")
    article = soup.find("article", class_="h-entry")
    if article is None:
        return None
    title = _text(article.find(class_="p-name")) or _text(soup.title)
    subtitle = _text(article.find(attrs={"data-field": "subtitle"}))
    body = article.find(attrs={"data-field": "body"}) or article.find(class_="e-content")
    canonical = article.find("a", class_="p-canonical")
    link = canonical.get("href", "") if canonical is not None else ""
    published = article.find("time", class_="dt-published")
    when = _date(published.get("datetime", "")) if published is not None else None
    is_draft = name.startswith("draft") or when is None
    author = _text(article.find(class_="p-author"))
    tags = [_text(tag) for tag in article.select("a.p-tag") if _text(tag)]
    for footer in article.find_all("footer"):  # inside the body when Medium left tags open
        footer.decompose()
    return Post(
        key=f"medium:{_post_id(name, link)}",
        post_type="post",
        status="draft" if is_draft else "publish",
        title=title,
        slug=_slug(name, link),
        link=link,
        content=_body_html(soup, body, title, subtitle) if body is not None else "",
        content_format=HTML,
        excerpt_html=subtitle,
        creator=author,
        published_at=when,
        terms=[Term(kind="post_tag", name=tag, slug="") for tag in tags],
        post_id=_post_id(name, link),
    )


def _body_html(soup, body, title, subtitle):
    """The body without what Medium repeats of the title and subtitle, and without the
    divider it draws above the first section."""
    for heading in body.select(".graf--title, .graf--subtitle"):
        if _text(heading) in {title, subtitle}:
            heading.decompose()
    first_divider = body.select_one(".section--first .section-divider")
    if first_divider is not None:
        first_divider.decompose()
    for divider in body.select("div.section-divider"):
        divider.replace_with(soup.new_tag("hr"))
    return body.decode_contents()


def _post_id(name, link):
    """Medium's id for the post: the hex id that ends its file name and address."""
    for text in (PurePosixPath(name).stem, link.rstrip("/")):
        if found := MEDIUM_ID.search(text):
            return found[1]
    return link or PurePosixPath(name).stem


def _slug(name, link):
    """The words of the post's address (or file name), without Medium's id and date."""
    stem = PurePosixPath(link.rstrip("/")).name if link else PurePosixPath(name).stem
    return MEDIUM_ID.sub("", FILE_PREFIX.sub("", stem)).strip("-_")


def _text(element):
    return " ".join(element.get_text(" ").split()) if element is not None else ""


def _date(value):
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
