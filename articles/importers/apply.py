"""Write parsed WXR posts as articles: one transaction per post, keyed for safe re-runs.

A post's GUID (else its id, else its old address) is kept in `ImportedPost`, so importing
the same export again updates each article instead of adding a copy, and a post that has
not changed is left alone. Re-importing overwrites what came from the export (title,
summary, body, author, topics, status, date, disclaimer); the slug, reviewer, studies and
hero image are never touched after the first import.
"""

import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify

from articles.models import Article, ImportedPost
from articles.revisions import article_revision, ensure_first_revision
from articles.services import PublishRefused, publish_article, unpublish_article
from clinic.chrome import clinic_profile
from clinic.models import record_redirect

from .drafts import build_draft, skip_reason
from .images import ImageFetcher, ImageFetchError, check_address
from .index import Index
from .report import ImportReport
from .wxr import CONTENT_TYPES, WxrFile, count_posts

OLD_PATH_LENGTH = 500  # Redirect.old_path


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    include_pages: bool = False
    fetch_images: bool = False
    start: int = 0  # posts and pages to pass over: an earlier request handled them
    limit: int | None = None  # at most this many posts and pages in this run
    deadline: float | None = None  # a time.monotonic() value: start no post after it
    max_posts: int | None = None  # refuse an export with more posts and pages than this


@dataclass
class Changes:
    """What writing (or planning) one post did, added to the report once it has succeeded."""

    action: str = "created"
    url: str = ""
    warnings: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    new_topics: list[str] = field(default_factory=list)


def import_wxr(path, options=None, *, fetcher=None):
    """Import the export at `path` and return an `ImportReport`.

    The whole file is read once before anything is written, so a cut-short, refused or
    non-WXR file raises `WxrError` with nothing changed.
    """
    options = options or ImportOptions()
    total = count_posts(path, max_posts=options.max_posts)
    report = WxrImporter(options, fetcher=fetcher).run(WxrFile(path))
    report.total = total
    return report


def sync_status(article, status):
    """Publish or unpublish through the services, so their rules apply to imports too.

    Returns a warning when the clinic's rules keep the article a draft (for example when a
    medical review is required before publishing).
    """
    try:
        if status == Article.Status.PUBLISHED and article.status != status:
            publish_article(article=article, keep_publish_time=True)
        elif status == Article.Status.DRAFT and article.status == Article.Status.PUBLISHED:
            unpublish_article(article=article)
    except PublishRefused as refusal:
        return f"“{article.title}” was imported as a draft: {refusal}"
    return None


class WxrImporter:
    def __init__(self, options, *, fetcher=None):
        self.options = options
        self.report = ImportReport(dry_run=options.dry_run)
        self.index = Index()
        self.seen_keys = set()
        profile = clinic_profile()
        self.default_disclaimer = profile.default_disclaimer
        self.fallback_author = f"{profile.name} team"
        self.fetcher = None
        if options.fetch_images and not options.dry_run:
            self.fetcher = fetcher or ImageFetcher(deadline=options.deadline)

    def run(self, wxr):
        position = -1
        posts = iter(wxr)
        try:
            for post in posts:
                if post.post_type not in CONTENT_TYPES:
                    self.report.ignored[post.post_type] += 1
                    continue
                position += 1
                if position < self.options.start:
                    self.seen_keys.add(post.key)
                    continue
                if self._budget_spent():
                    self.report.next_start = position
                    break
                self.report.processed += 1
                self.import_post(post, wxr.site)
        finally:
            posts.close()
        return self.report

    def _budget_spent(self):
        done, options = self.report.processed, self.options
        if options.limit is not None and done >= options.limit:
            return True
        return options.deadline is not None and done > 0 and time.monotonic() > options.deadline

    def import_post(self, post, site):
        options = self.options
        reason = skip_reason(post, include_pages=options.include_pages, seen_keys=self.seen_keys)
        if reason:
            self.report.skip(post.label, reason)
            return
        self.seen_keys.add(post.key)
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
        if self.options.dry_run:
            self._record(draft, self._plan(draft))
            return
        try:
            with transaction.atomic():
                changes = self._write(draft)
        except (ValidationError, DatabaseError) as error:
            self.index = Index()  # what this post added was rolled back
            detail = "; ".join(error.messages) if hasattr(error, "messages") else str(error)
            self.report.skip(draft.label, f"it could not be saved ({detail})")
            return
        self._record(draft, changes)

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

    def _plan(self, draft):
        """Decide what writing `draft` would do, without writing (the dry run)."""
        changes = Changes()
        author = self._author(draft, changes, save=False)
        topics = [self._topic(term, changes, save=False) for term in draft.terms]
        article_id = self.index.articles_by_key.get(draft.key)
        article = Article.objects.filter(pk=article_id).first() if article_id else None
        if article is None:
            slug = self._new_slug(draft, changes)
            changes.url = Article(slug=slug).get_absolute_url()
            self.index.articles_by_key[draft.key] = None
            return changes
        changes.url = article.get_absolute_url()
        if _edited_here_since_import(article):
            changes.action = "unchanged"
            changes.warnings.append(
                f"“{article.title}” was edited on this site since it was imported; "
                "the export's version would not be applied."
            )
            return changes
        changes.action = "updated" if _differs(article, draft, author, topics) else "unchanged"
        return changes

    def _write(self, draft):
        changes = Changes()
        author = self._author(draft, changes, save=True)
        topics = [self._topic(term, changes, save=True) for term in draft.terms]
        article_id = self.index.articles_by_key.get(draft.key)
        if article_id is None:
            article = Article(slug=self._new_slug(draft, changes), status=Article.Status.DRAFT)
        else:
            article = Article.objects.select_related("import_record").get(pk=article_id)
            changes.url = article.get_absolute_url()
            if _edited_here_since_import(article):
                changes.action = "unchanged"
                changes.warnings.append(
                    f"“{article.title}” was edited on this site since it was imported, so the "
                    "export's version was not applied."
                )
                return changes
            if not _differs(article, draft, author, topics):
                changes.action = "unchanged"
                return changes
            changes.action = "updated"
            ensure_first_revision(article.pk)  # e.g. imported before history was kept
        with article_revision(user=None, comment="Imported from a WordPress/Squarespace export."):
            for name in ("title", "summary", "body", "disclaimer", "publish_at"):
                setattr(article, name, getattr(draft, name))
            article.author = author
            article.full_clean()
            article.save()
            article.topics.set(topics)
        if article_id is None:  # an existing article keeps the publish state editors gave it
            if warning := sync_status(article, draft.status):
                changes.warnings.append(warning)
        ImportedPost.objects.update_or_create(
            import_key=draft.key, defaults={"article": article, "old_url": draft.old_link[:500]}
        )
        changes.url = article.get_absolute_url()
        self._redirect(draft, changes)
        self.index.articles_by_key[draft.key] = article.pk
        return changes

    def _author(self, draft, changes, *, save):
        person = self.index.find_person(draft.author_name)
        if person is None:
            person = self.index.new_person(draft.author_name)
            if save:
                person.save()
            changes.new_people.append(person.name)
        return person

    def _topic(self, term, changes, *, save):
        topic = self.index.find_topic(term)
        if topic is None:
            topic = self.index.new_topic(term)
            if save:
                topic.save()
            changes.new_topics.append(topic.name)
        return topic

    def _new_slug(self, draft, changes):
        wanted = slugify(draft.slug) or slugify(draft.title) or "imported-post"
        slug = self.index.claim_article_slug(wanted)
        if slug != wanted:
            changes.warnings.append(
                f"{draft.label}: another article already has the address “{wanted}”, "
                f"so this one is “{slug}”"
            )
        return slug

    def _redirect(self, draft, changes):
        """Send the post's old address to its article, permanently."""
        if not draft.old_path:
            if draft.status == Article.Status.PUBLISHED:
                changes.warnings.append(
                    f"{draft.label}: its old address ({draft.old_link or 'none'}) has no path "
                    "of its own, so no redirect was recorded"
                )
            return
        if len(draft.old_path) > OLD_PATH_LENGTH:
            changes.warnings.append(f"{draft.label}: its old address is too long to redirect")
            return
        record_redirect(draft.old_path, changes.url)

    def _record(self, draft, changes):
        report = self.report
        {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}[
            changes.action
        ].append(f"{draft.title} → {changes.url}")
        report.warnings.extend(changes.warnings)
        report.new_people.extend(changes.new_people)
        report.new_topics.extend(changes.new_topics)


def _edited_here_since_import(article):
    """True when someone saved the article after the import that last wrote it."""
    record = getattr(article, "import_record", None)
    # The import writes its record after the article, so only a later save is newer.
    return record is not None and article.modified_at > record.updated_at


def _differs(article, draft, author, topics):
    """Whether writing `draft` would change `article` at all."""
    current = (article.title, article.summary, article.body, article.disclaimer,
               article.publish_at, article.author_id)  # fmt: skip
    wanted = (draft.title, draft.summary, draft.body, draft.disclaimer,
              draft.publish_at, author.pk)  # fmt: skip
    if current != wanted:
        return True
    return set(article.topics.values_list("pk", flat=True)) != {topic.pk for topic in topics}
