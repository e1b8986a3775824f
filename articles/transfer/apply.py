"""Write a source's posts as articles: one transaction per post, keyed for safe re-runs.

Every reader (`articles.transfer.wordpress`, and the other platforms' readers) gives a
`Source`; `run_import` makes the dry-run report, the articles and the redirects from it.
A post's GUID (else its id, else its old address) is kept in `ImportedPost`, so importing
the same export again updates each article instead of adding a copy, and a post that has
not changed is left alone. Re-importing overwrites what came from the export (title,
summary, body, author, topics, status, date, disclaimer); the slug, reviewer, studies and
hero image are never touched after the first import.
"""

import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from articles.models import Article
from articles.transfer.report import ImportReport
from clinic.domain.sitewide import clinic_profile

from .drafts import NO_KEY, build_draft, post_identity
from .formats import read_source
from .index import Index
from .pictures import point_at_copies, queue_picture_copy, stored_copies
from .posts import CONTENT_TYPES
from .wordpress.content import ConversionError
from .wordpress.images import ImageFetcher, ImageFetchError, check_scheme
from .writer import ArticleWriter


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    include_pages: bool = False
    fetch_images: bool = False
    start: int = 0  # posts and pages to pass over: an earlier request handled them
    limit: int | None = None  # at most this many posts and pages in this run
    deadline: float | None = None  # a time.monotonic() value: start no post after it
    max_posts: int | None = None  # refuse an export with more posts and pages than this
    publish_published: bool = False  # publish what was published (through the checks)


def import_file(path, options=None, *, fetcher=None, wxr_only=False):
    """Import the export at `path`, of any platform this site reads; an `ImportReport`.

    The whole file is read once before anything is written, so a cut-short, refused or
    unrecognised file raises `ExportError` (naming what the file is) with nothing changed.
    `wxr_only` refuses anything but a WordPress or Squarespace export.
    """
    options = options or ImportOptions()
    source = read_source(path, max_posts=options.max_posts, wxr_only=wxr_only)
    return run_import(source, options, fetcher=fetcher)


def import_wxr(path, options=None, *, fetcher=None):
    """Import the WordPress or Squarespace export at `path`; an `ImportReport`."""
    return import_file(path, options, fetcher=fetcher, wxr_only=True)


def run_import(source, options=None, *, fetcher=None):
    """Import (or, in a dry run, plan) every post of `source`; an `ImportReport`."""
    options = options or ImportOptions()
    try:
        report = Importer(options, fetcher=fetcher).run(source)
    finally:
        source.close()
    report.total = source.total
    report.repairs = source.repairs
    report.warnings[:0] = source.notes
    return report


class Importer:
    def __init__(self, options, *, fetcher=None):
        self.options = options
        self.report = ImportReport(dry_run=options.dry_run)
        self.index = Index()
        self.seen = {}  # import key -> (title, date) of the post that took it
        profile = clinic_profile()
        self.default_disclaimer = profile.default_disclaimer
        self.fallback_author = f"{profile.name} team"
        self.fetcher = fetcher or ImageFetcher()  # finds copies already made; downloads nothing

    def run(self, source):
        position = -1
        posts = iter(source.posts())
        try:
            for post in posts:
                if post.post_type not in CONTENT_TYPES:
                    self.report.ignored[post.post_type] += 1
                    continue
                position += 1
                if position < self.options.start:
                    post_identity(post, self.seen)
                    continue
                if self._budget_spent():
                    self.report.next_start = position
                    break
                self.report.processed += 1
                self.import_post(post, source.site)
        finally:
            if hasattr(posts, "close"):
                posts.close()
        self.report.empty_reason = empty_reason(self.report, source, self.options)
        return self.report

    def _budget_spent(self):
        done, options = self.report.processed, self.options
        if options.limit is not None and done >= options.limit:
            return True
        return options.deadline is not None and done > 0 and time.monotonic() > options.deadline

    def import_post(self, post, site):
        options = self.options
        reason = post_identity(post, self.seen, include_pages=options.include_pages)
        if reason:
            self.report.skip(post.label, reason, unusable=reason == NO_KEY)
            return
        try:
            draft = build_draft(
                post,
                site,
                default_disclaimer=self.default_disclaimer,
                fallback_author=self.fallback_author,
                report=self.report,
            )
        except ConversionError as error:
            self.report.skip(post.label, str(error))
            return
        if draft is None:
            return
        draft.body, remote = self._point_at_copies(draft)
        hero = draft.hero if not self.index.articles_by_key.get(draft.key) else None
        remote = self._fetchable(remote)
        if hero is not None and not self._fetchable([hero.url]):
            hero = None
        writer = ArticleWriter(self.index, publish=options.publish_published)
        if options.dry_run:
            self._record(draft, writer.plan(draft))
            self._plan_pictures(remote, hero)
            return
        try:
            with transaction.atomic():
                changes = writer.write(draft)
        except (ValidationError, DatabaseError) as error:
            self.index = Index()  # what this post added was rolled back
            detail = "; ".join(error.messages) if hasattr(error, "messages") else str(error)
            self.report.skip(draft.label, f"it could not be saved ({detail})")
            return
        except RecursionError:  # rendering the body for the page; conversion keeps it shallow
            self.index = Index()
            self.report.skip(draft.label, "its body is nested too deeply to show")
            return
        self._record(draft, changes)
        self._plan_pictures(remote, hero)
        if (remote or hero) and options.fetch_images:
            queue_picture_copy(self.index.articles_by_key[draft.key], remote, hero)

    def _point_at_copies(self, draft):
        """(body, remote): the body pointing at pictures copied by an earlier import, and the
        addresses of those still on the old site."""
        copies = stored_copies(draft.image_urls, self.fetcher)
        remote = [url for url in dict.fromkeys(draft.image_urls) if url not in copies]
        return point_at_copies(draft.body, copies), remote

    def _fetchable(self, urls):
        """The http(s) addresses among `urls`; the others are listed as not copied."""
        fetchable = []
        for url in urls:
            try:
                check_scheme(url)  # no network
            except ImageFetchError as error:
                self.report.images_left.append((url, str(error)))
            else:
                fetchable.append(url)
        return fetchable

    def _plan_pictures(self, urls, hero):
        """Count the pictures to copy, or list them as left when copying is turned off."""
        urls = [*urls, *([hero.url] if hero is not None else [])]
        if self.options.fetch_images:
            self.report.pictures_queued += len(urls)
        else:
            self.report.images_left += [(url, "copying pictures was turned off") for url in urls]

    def _record(self, draft, changes):
        report = self.report
        {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}[
            changes.action
        ].append(f"{draft.title} → {changes.url}")
        report.warnings.extend(changes.warnings)
        report.new_people.extend(changes.new_people)
        report.new_topics.extend(changes.new_topics)
        if changes.refused:
            report.refused.append((draft.title, changes.refused))
        elif changes.published:
            report.published.append(draft.title)
        elif changes.action == "created" and draft.status == Article.Status.PUBLISHED:
            report.kept_as_drafts += 1


def empty_reason(report, source, options):
    """Why the export gave nothing to import, with how to export again; "" when it did."""
    if options.start or not report.is_complete or source.platform is None:
        return ""  # not an export (a live site says what it found itself)
    if source.total and report.processed != report.unusable:
        return ""
    if source.total == 0:
        others = ", ".join(f"{count} × {kind}" for kind, count in sorted(report.ignored.items()))
        detail = "it holds no posts or pages" + (f" (only {others})" if others else "")
    else:
        detail = (f"none of its {source.total} posts and pages has any text, or anything "
                  "to recognise it by")  # fmt: skip
    return (
        f"The export is empty: {detail}, so nothing was imported. Export the blog again "
        f"from {source.platform.name}: {source.platform.how_to_export}"
    )
