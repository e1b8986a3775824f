"""Copying an imported post's pictures into the media store, in the background.

The import flow queues one task per article, once the article is saved:

    copy_post_pictures.enqueue(article_id=article.pk, urls=draft.image_urls,
                               hero_url=draft.hero.url, hero_alt=draft.hero.alt)

The task downloads each picture through `ImageFetcher` (public http(s) addresses only, a time
and size limit, then the same checks and re-encoding as every upload), puts the copies'
addresses in the body in place of the old site's, and makes the featured picture the hero
image if the article has none yet. The article is saved under its row lock with a new edit
version and a revision in its History, so an editor's open form is not silently overwritten.

When a picture could not be copied for a reason that may pass (the old site did not answer),
the attempt fails and the task is tried again later (`clinic.tasks.retries`); pictures copied
by an earlier attempt are found in the store, not downloaded twice. The last attempt, or one
whose failures will not pass (not an image, too large, a private address), finishes with its
report as the task's result: `{"copied": n, "failed": [[address, reason], ...]}`, shown in the
admin (Task results, and `picture_copy_report` for one article).
"""

from django.db import transaction

from articles.models import Article
from articles.services import save_article
from articles.transfer.wordpress.images import ImageFetcher, ImageFetchError, replace_address
from clinic.tasks.retries import TryLater, task_with_retries
from clinic.tasks.status import DONE, progress

ATTEMPTS = 4
REVISION_COMMENT = "Pictures copied from the old site."


class PicturesNotCopiedYet(TryLater):
    """Some pictures may be copied on a later attempt; the message lists them and why."""


@task_with_retries(attempts=ATTEMPTS)
def copy_post_pictures(*, article_id, urls, hero_url="", hero_alt=""):
    """Copy one imported article's pictures; return {"copied": n, "failed": [[url, why]]}."""
    return PictureCopy(article_id, urls, hero_url, hero_alt).run()


class PictureCopy:
    def __init__(self, article_id, urls, hero_url, hero_alt, *, fetcher=None):
        self.article_id, self.hero_url, self.hero_alt = article_id, hero_url, hero_alt.strip()
        self.urls = list(dict.fromkeys(url for url in urls if url))
        self.fetcher = fetcher or ImageFetcher()
        self.copied, self.failed = {}, {}  # url -> stored name / ImageFetchError

    def run(self):
        if not Article.objects.filter(pk=self.article_id).exists():
            return {"copied": 0, "failed": []}  # deleted since the import
        for url in dict.fromkeys([*self.urls, *([self.hero_url] if self.hero_url else [])]):
            try:
                self.copied[url] = self.fetcher.store(url)
            except ImageFetchError as error:
                self.failed[url] = error
        self.save()
        report = {
            "copied": len(self.copied),
            "failed": [[url, str(error)] for url, error in self.failed.items()],
        }
        waiting = [f"{url} ({error})" for url, error in self.failed.items() if error.temporary]
        if waiting:
            raise PicturesNotCopiedYet(
                f"{len(waiting)} of {len(self.copied) + len(self.failed)} pictures not copied "
                f"yet: {'; '.join(waiting)}",
                result=report,
            )
        return report

    def save(self):
        storage = self.fetcher.storage
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=self.article_id)
            body = article.body
            for url, name in self.copied.items():
                body = replace_address(body, url, storage.url(name))
            hero = self.copied.get(self.hero_url) if not article.hero_image else None
            if hero and not self.hero_alt:
                self.failed[self.hero_url] = ImageFetchError(
                    "copied, but not made the hero image: the export gives it no alt text"
                )
                hero = None
            if body == article.body and not hero:
                return
            article.body = body
            if hero:
                article.hero_image, article.hero_alt = hero, self.hero_alt[:250]
            # Only addresses changed (and a described hero image came): no edit to check.
            save_article(article=article, comment=REVISION_COMMENT, changed=())


def picture_copy_report(article_id):
    """(Progress of the copy of this article's pictures, or None; [(address, reason)] left)."""
    state = progress(copy_post_pictures, article_id=article_id)
    failed = state.return_value["failed"] if state and state.state == DONE else []
    return state, [tuple(item) for item in failed]
