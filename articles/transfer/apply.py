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

from articles.transfer.report import ImportReport
from clinic.domain.sitewide import clinic_profile

from .drafts import build_draft, post_identity
from .index import Index
from .posts import CONTENT_TYPES
from .wordpress.images import ImageFetcher, ImageFetchError, check_address
from .wordpress.wxr import read_wxr
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


def import_wxr(path, options=None, *, fetcher=None):
    """Import the WordPress or Squarespace export at `path` and return an `ImportReport`.

    The whole file is read once before anything is written, so a cut-short, refused or
    non-WXR file raises `WxrError` with nothing changed.
    """
    options = options or ImportOptions()
    return run_import(read_wxr(path, max_posts=options.max_posts), options, fetcher=fetcher)


def run_import(source, options=None, *, fetcher=None):
    """Import (or, in a dry run, plan) every post of `source`; an `ImportReport`."""
    options = options or ImportOptions()
    try:
        report = Importer(options, fetcher=fetcher).run(source)
    finally:
        source.close()
    report.total = source.total
    report.repairs = source.repairs
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
        self.fetcher = None
        if options.fetch_images and not options.dry_run:
            self.fetcher = fetcher or ImageFetcher(deadline=options.deadline)

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
            self.report.skip(post.label, reason)
            return
        draft = build_draft(
            post,
            site,
            default_disclaimer=self.default_disclaimer,
            fallback_author=self.fallback_author,
            report=self.report,
        )
        if draft is None:
            return
        draft.body = self._localise_images(draft.body, draft.image_urls)
        writer = ArticleWriter(self.index)
        if self.options.dry_run:
            if draft.hero is not None and not self.index.articles_by_key.get(draft.key):
                self._explain_image_left(draft.hero.url)
            self._record(draft, writer.plan(draft))
            return
        self._fetch_hero(draft)
        try:
            with transaction.atomic():
                changes = writer.write(draft)
        except (ValidationError, DatabaseError) as error:
            self.index = Index()  # what this post added was rolled back
            detail = "; ".join(error.messages) if hasattr(error, "messages") else str(error)
            self.report.skip(draft.label, f"it could not be saved ({detail})")
            return
        self._record(draft, changes)

    def _fetch_hero(self, draft):
        """Store the featured image, when asked to copy images; otherwise list it as left."""
        if draft.hero is None or self.index.articles_by_key.get(draft.key):
            return  # none, or the article exists: its hero image is the editors' now
        if self.fetcher is None:
            self._explain_image_left(draft.hero.url)
            return
        try:
            draft.hero_name = self.fetcher.store(draft.hero.url)
        except ImageFetchError as error:
            self.report.images_left.append((draft.hero.url, str(error)))
            return
        self.report.images_fetched += 1

    def _localise_images(self, body, urls):
        """Download images when asked; every image not downloaded is listed in the report."""
        for url in dict.fromkeys(urls):
            try:
                if self.fetcher is None:
                    self._explain_image_left(url)
                    continue
                new_url = self.fetcher.fetch(url)
            except ImageFetchError as error:
                self.report.images_left.append((url, str(error)))
                continue
            body = body.replace(f"]({url}", f"]({new_url}")
            body = body.replace(f'src="{url}"', f'src="{new_url}"')  # in an HTML table
            self.report.images_fetched += 1
        return body

    def _explain_image_left(self, url):
        if not self.options.fetch_images:
            self.report.images_left.append(
                (url, "not downloaded: ask for --fetch-images or “Copy images to this site”")
            )
            return
        check_address(url, allow_private_hosts=True)  # dry run: the scheme, no network
        self.report.images_fetched += 1  # would be downloaded

    def _record(self, draft, changes):
        report = self.report
        {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}[
            changes.action
        ].append(f"{draft.title} → {changes.url}")
        report.warnings.extend(changes.warnings)
        report.new_people.extend(changes.new_people)
        report.new_topics.extend(changes.new_topics)
