"""From a parsed post to an `ArticleDraft`: which posts come across, and what each becomes."""

import html
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article

from .content import html_to_markdown, make_summary, split_disclaimer
from .wxr import WxrTerm

SKIPPED_STATUSES = {"trash": "it is in the trash", "auto-draft": "it is an empty auto-draft"}
TITLE_LENGTH = Article._meta.get_field("title").max_length


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
    terms: list[WxrTerm]
    old_link: str
    old_path: str
    image_urls: list[str] = field(default_factory=list)


def skip_reason(post, *, include_pages, seen_keys):
    """Why `post` is not imported, or "" when it is."""
    if post.post_type == "page" and not include_pages:
        return "it is a page; pages come across only when asked (--pages, or “Import pages too”)"
    if not post.title.strip():
        return "it has no title"
    if post.status in SKIPPED_STATUSES:
        return SKIPPED_STATUSES[post.status]
    if not post.key:
        return "it has no GUID, id, address or slug, so a second run could not recognise it"
    if post.key in seen_keys:
        return "it appears twice in the export (same GUID or id); the first copy was used"
    return ""


def build_draft(post, site, *, default_disclaimer, fallback_author, report):
    """The article `post` becomes, or None (with the reason in `report`) if it has no content.

    The post keeps its own disclaimer when it has one; otherwise it gets the clinic's.
    """
    converted = html_to_markdown(post.content_html, base_url=site.link)
    body, own_disclaimer = split_disclaimer(converted.markdown)
    if not body.strip():
        report.skip(post.label, "it has no content")
        return None
    for warning in converted.warnings:
        report.warn(f"{post.label}: {warning}")
    title = strip_tags(html.unescape(post.title)).strip()
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1] + "…"
        report.warn(f"{post.label}: the title was shortened to {TITLE_LENGTH} characters")
    publish_at = post.published_at
    if publish_at is None:
        publish_at = timezone.now()
        report.warn(f"{post.label}: the post has no date, so it was given today's")
    published = post.status == "publish"
    if published and post.has_password:
        published = False  # it was never public: keep it that way until an editor decides
        report.warn(f"{post.label}: it was password-protected, so it comes across as a draft")
    return ArticleDraft(
        key=post.key,
        label=post.label,
        title=title,
        slug=post.slug,
        summary=make_summary(post.excerpt_html, body) or title,
        body=body,
        disclaimer=own_disclaimer or default_disclaimer,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        publish_at=publish_at,
        author_name=site.author_name(post.creator) or fallback_author,
        terms=post.terms,
        old_link=post.link,
        old_path=post.old_path,
        image_urls=converted.image_urls,
    )
