"""Read a Ghost JSON export (Settings → Advanced → Import/Export → Export content).

The posts are in `db[0].data.posts` (or `data.posts` in older files), each with its `html`,
else its `mobiledoc` or `lexical` document, else (Ghost 0.x) its `markdown`. Authors come
through `posts_authors` (or a post's own `author_id`) from `users`; tags through `posts_tags`.
Ghost writes its own address as `__GHOST_URL__` in exports: links to the site's own posts
become paths here, which the redirects of the import then answer.
"""

import html
import json
from datetime import UTC, datetime

import markdown
from bs4 import BeautifulSoup

from articles.transfer.platforms import GHOST
from articles.transfer.posts import (
    HTML,
    Attachment,
    Author,
    ExportError,
    Post,
    Site,
    Source,
    Term,
    check_size,
)
from articles.transfer.wordpress.markup import shallow_html

from .documents import lexical_html, mobiledoc_html

STATUSES = {"published": "publish", "scheduled": "future", "draft": "draft", "sent": "publish"}
GHOST_URL = "__GHOST_URL__"


def ghost_data(document):
    """The `data` of a parsed Ghost export, or None if it is not one."""
    if not isinstance(document, dict):
        return None
    database = document.get("db")
    if isinstance(database, list) and database and isinstance(database[0], dict):
        document = database[0]
    data = document.get("data")
    if isinstance(data, dict) and isinstance(data.get("posts"), list):
        return data
    return None


def read_ghost(path, *, max_posts=None):
    """A `Source` of the posts and pages of a Ghost JSON export."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = ghost_data(json.load(handle))
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ExportError(
            f"The Ghost export is cut short or is not valid JSON ({error}). Download it again; "
            f"nothing was imported. {GHOST.how_to_export}"
        ) from error
    if data is None:
        raise ExportError(f"This JSON file is not a Ghost export. {GHOST.how_to_export}")
    users = {str(user.get("id")): user for user in data.get("users") or []}
    logins = {user_id: user.get("slug") or user_id for user_id, user in users.items()}
    authors = [Author(login=logins[i], display_name=u.get("name") or "") for i, u in users.items()]
    site = Site(title=_setting(data, "title"), authors=authors)
    first_authors = {post: logins.get(user, "") for post, user in _first_author(data).items()}
    tags = _tags(data)
    images = {str(m.get("post_id")): m for m in data.get("posts_meta") or []}
    posts = [
        _post(post, first_authors, logins, tags, images)
        for post in data["posts"]
        if isinstance(post, dict)
    ]
    source = Source.of(GHOST, site, posts)
    check_size(source.total, max_posts)
    return source


def _setting(data, key):
    for setting in data.get("settings") or []:
        if setting.get("key") == key:
            return setting.get("value") or ""
    return ""


def _first_author(data):
    """post id -> the id of its first author."""
    first = {}
    rows = sorted(data.get("posts_authors") or [], key=lambda row: row.get("sort_order") or 0)
    for row in rows:
        first.setdefault(str(row.get("post_id")), str(row.get("author_id")))
    return first


def _tags(data):
    """post id -> its public tags (internal "#tags" are Ghost's own)."""
    tags = {str(tag.get("id")): tag for tag in data.get("tags") or []}
    found = {}
    for row in sorted(data.get("posts_tags") or [], key=lambda row: row.get("sort_order") or 0):
        tag = tags.get(str(row.get("tag_id")))
        if tag and tag.get("name") and not str(tag["name"]).startswith("#"):
            term = Term(kind="post_tag", name=tag["name"], slug=tag.get("slug") or "")
            found.setdefault(str(row.get("post_id")), []).append(term)
    return found


def _post(data, authors, logins, tags, images):
    post_id = str(data.get("id"))
    slug = data.get("slug") or ""
    content, notes = _body(data)
    post_type = data.get("type") or ("page" if data.get("page") in {1, "1"} else "post")
    visibility = data.get("visibility") or "public"
    post = Post(
        key=f"ghost:{data.get('uuid') or post_id}",
        post_type=post_type,
        status=STATUSES.get(data.get("status"), "draft"),
        title=data.get("title") or "",
        slug=slug,
        link=f"/{slug}/" if slug else "",
        content=content.replace(GHOST_URL, ""),
        content_format=HTML,
        excerpt_html=html.escape(data.get("custom_excerpt") or ""),
        creator=authors.get(post_id) or logins.get(str(data.get("author_id")), ""),
        published_at=_date(data.get("published_at")),
        terms=tags.get(post_id, []),
        post_id=post_id,
        hero=_hero(data, images.get(post_id) or {}),
        notes=notes,
    )
    if f"{GHOST_URL}/content/images/" in content:
        post.notes.append(
            "its pictures were stored on the Ghost site itself (/content/images/…), which the "
            "export does not include: upload them again in the article"
        )
    if visibility != "public":
        post.not_public = f"it was for {visibility} members only on Ghost"
    return post


def _body(data):
    """(HTML, notes): `html`, else the Lexical or Mobiledoc document, else the Markdown."""
    warnings = []
    if data.get("html"):
        return ghost_cards(data["html"]), warnings
    try:
        if data.get("lexical"):
            return lexical_html(data["lexical"], warnings), warnings
        if data.get("mobiledoc"):
            return mobiledoc_html(data["mobiledoc"], warnings), warnings
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        warnings.append(f"its stored document could not be read ({error.__class__.__name__})")
    if data.get("markdown"):
        return markdown.markdown(data["markdown"], extensions=["extra"]), warnings
    return "", warnings


def ghost_cards(markup):
    """Ghost's rendered cards as plain HTML: a gallery as one figure per picture (with the
    gallery's caption under the last), a bookmark as a link with its title."""
    if "kg-gallery-card" not in markup and "kg-bookmark-card" not in markup:
        return markup
    soup = BeautifulSoup(shallow_html(markup)[0], "html.parser")  # parsing time stays linear
    for gallery in soup.select("figure.kg-gallery-card"):
        caption = gallery.find("figcaption")
        figures = [_figure(soup, image) for image in gallery.find_all("img")]
        if figures and caption is not None:
            figures[-1].append(caption)
        if figures:
            gallery.replace_with(*figures)
        else:
            gallery.decompose()
    for card in soup.select("figure.kg-bookmark-card"):
        link = card.find("a", href=True)
        title = card.select_one(".kg-bookmark-title")
        if link is None:
            card.decompose()
            continue
        paragraph = soup.new_tag("p")
        anchor = soup.new_tag("a", href=link["href"])
        anchor.string = title.get_text(" ", strip=True) if title else link["href"]
        paragraph.append(anchor)
        card.replace_with(paragraph)
    return str(soup)


def _figure(soup, image):
    figure = soup.new_tag("figure")
    figure.append(image.extract())
    return figure


def _hero(data, meta):
    url = (data.get("feature_image") or data.get("image") or "").replace(GHOST_URL, "")
    if not url:
        return None
    alt = meta.get("feature_image_alt") or data.get("feature_image_alt") or ""
    caption = meta.get("feature_image_caption") or data.get("feature_image_caption") or ""
    return Attachment(post_id="", url=url, alt=alt, caption=caption)


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, int | float):  # Ghost 0.x: milliseconds since 1970
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
