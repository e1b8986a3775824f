"""From a parsed post to an `ArticleDraft`: which posts come across, and what each becomes."""

import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.models import Article
from clinic.authoring.links import describe, drop_unsafe_links, rendered_unsafe_targets

from .posts import HTML, MARKDOWN, WORDPRESS_HTML, Attachment, Term
from .wordpress.content import (
    ConversionError,
    Converted,
    html_to_markdown,
    make_summary,
    split_disclaimer,
    unsafe_warning,
)

SKIPPED_STATUSES = {"trash": "it is in the trash", "auto-draft": "it is an empty auto-draft"}
# "future" is a post WordPress had scheduled: a published article with a future time is too.
STATUSES = {"publish": Article.Status.PUBLISHED, "future": Article.Status.PUBLISHED}
TITLE_LENGTH = Article._meta.get_field("title").max_length
TITLE_WORDS = 8
NO_KEY = "it has no GUID, id, address or slug, so a second run could not recognise it"
NO_CONTENT = "it has no content"
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")


@dataclass
class ArticleDraft:
    """What one post becomes, before anything is written."""

    key: str
    label: str
    title: str
    slug: str
    summary: str
    body: str
    disclaimer: str
    status: str
    publish_at: datetime
    author_name: str
    terms: list[Term]
    old_link: str
    old_path: str
    image_urls: list[str] = field(default_factory=list)
    hero: Attachment | None = None
    aliases: list[str] = field(default_factory=list)  # other old addresses: "/?p=173"


def post_identity(post, seen, *, include_pages=True):
    """Why `post` is not imported, or "" when it is; gives it a key no other post has.

    WordPress tells posts apart by title and date, not by GUID alone: a post whose GUID (or
    id) another post already took, but with another title or date, is a different post and
    gets a key of its own. Only a true repeat is skipped.
    """
    if post.post_type == "page" and not include_pages:
        return "it is a page, and only posts were asked for"
    if post.status in SKIPPED_STATUSES:
        return SKIPPED_STATUSES[post.status]
    if not post.key:
        return NO_KEY
    identity = (post.title.strip(), post.published_at)
    if post.key in seen:
        if seen[post.key] == identity:
            return "it appears twice in the export (same GUID, title and date); the first was used"
        detail = f"{post.post_id}|{post.title}|{post.published_at}|{post.link}"
        post.key = f"sha256:{hashlib.sha256((post.key + detail).encode()).hexdigest()}"
    seen[post.key] = identity
    return ""


def build_draft(post, site, *, default_disclaimer, fallback_author, report):
    """The article `post` becomes, or None (with the reason in `report`) if it has no content.

    The post keeps its own disclaimer when it has one; otherwise it gets the clinic's.
    """
    converted = convert(post, site)
    body, own_disclaimer = split_disclaimer(converted.markdown)
    if not body.strip():
        report.skip(post.label, NO_CONTENT, unusable=True)
        return None
    for warning in [*post.notes, *converted.warnings]:
        report.warn(f"{post.label}: {warning}")
    report.embeds.update(converted.embeds)
    title = _title(post, body, report)
    publish_at = post.published_at
    if publish_at is None:
        publish_at = timezone.now()
        report.warn(f"{post.label}: the post has no date, so it was given today's")
    hero = post.hero
    if hero is not None and not hero.alt:
        report.no_alt.append(f"{post.label}: the featured image {hero.url}")
    no_alt = dict.fromkeys(converted.images_without_alt)
    report.no_alt.extend(f"{post.label}: {url}" for url in no_alt)
    return ArticleDraft(
        key=post.key,
        label=post.label,
        title=title,
        slug=post.slug,
        summary=make_summary(post.excerpt_html, body) or title,
        body=body,
        disclaimer=own_disclaimer or default_disclaimer,
        status=_status(post, report),
        publish_at=publish_at,
        author_name=site.author_name(post.creator) or site.fallback_author or fallback_author,
        terms=post.terms,
        old_link=post.link,
        old_path=post.old_path,
        image_urls=converted.image_urls,
        hero=hero,
        aliases=post.aliases,
    )


def _title(post, body, report):
    """The post's title as plain text: made from its first words when it has none, and
    shortened to what an article's title holds."""
    title = strip_tags(html.unescape(post.title)).strip()
    if not title:
        title = _title_from_words(body)
        report.untitled.append(f"{post.label} is now titled “{title}”")
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1] + "…"
        report.warn(f"{post.label}: the title was shortened to {TITLE_LENGTH} characters")
    return title


def _status(post, report):
    """Published or draft, as it was on the old site; never published if it was not public."""
    status = STATUSES.get(post.status, Article.Status.DRAFT)
    if status == Article.Status.PUBLISHED and post.not_public:
        status = Article.Status.DRAFT  # it was never public: keep it so until an editor decides
        report.warn(f"{post.label}: {post.not_public}, so it comes across as a draft")
    return status


def convert(post, site):
    """The post's body as Markdown, with the images it shows, however the source wrote it.

    No javascript:, vbscript: or data: target is kept, however it was written; a body that
    would still hold one is refused (`ConversionError`) rather than stored.
    """
    converted = _convert(post, site)
    converted.markdown, dropped = drop_unsafe_links(converted.markdown)
    if dropped:
        converted.warnings.append(unsafe_warning(dropped))
    if left := rendered_unsafe_targets(converted.markdown):
        raise ConversionError(
            f"it links to {describe(left)} in a way that could not be taken out safely"
        )
    return converted


def _convert(post, site):
    if post.content_format == MARKDOWN:
        return markdown_images(post.content)
    return html_to_markdown(
        post.content,
        base_url=site.link or post.link,
        block_editor=post.content_format == HTML or post.is_block_editor,
        site=site,
        post_id=post.post_id,
        shortcodes=post.content_format == WORDPRESS_HTML,
    )


def markdown_images(markdown):
    """`Converted` for Markdown a reader wrote itself: its images, and those with no alt text."""
    images = MARKDOWN_IMAGE.findall(markdown)
    return Converted(
        markdown,
        image_urls=[url for _, url in images],
        images_without_alt=[url for alt, url in images if not alt.strip()],
    )


def _title_from_words(markdown):
    """A title for an untitled post: the first words it shows, as WordPress lists it."""
    text = make_summary("", markdown) or "Untitled post"
    text = re.sub(r"\s+", " ", text)
    return Truncator(text).words(TITLE_WORDS, truncate="…")
