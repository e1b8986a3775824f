"""An import's pictures: handed to the background task that copies them into the media store.

`queue_picture_copy` is the one place an import hands an article's pictures over: the
`copy_post_pictures` task (articles.transfer.tasks) downloads them through the safe fetcher,
points the body at the copies, makes the featured picture the hero image, retries what may
pass, and keeps what could not be copied, with the reason, for the admin's list of imported
posts. A second import finds the copies already made (`stored_copies`) without downloading.
"""

from .tasks import copy_post_pictures, picture_copy_report
from .wordpress.images import replace_address


def queue_picture_copy(article_id, urls, hero=None):
    """Copy, in the background, these pictures of one article (and its featured picture)."""
    copy_post_pictures.enqueue(
        article_id=article_id,
        urls=list(urls),
        hero_url=hero.url if hero is not None else "",
        hero_alt=hero.alt if hero is not None else "",
    )


def stored_copies(urls, fetcher):
    """{url: copy's address} for the pictures already copied here (no download)."""
    found = {}
    for url in urls:
        if (name := fetcher.stored_name(url)) is not None:
            found[url] = fetcher.storage.url(name)
    return found


def point_at_copies(body, copies):
    """The body with each picture's old address replaced by its copy's."""
    for url, new_url in copies.items():
        body = replace_address(body, url, new_url)
    return body


def copy_state(article_id):
    """(one line on the copy of this article's pictures, [(address, why not copied)])."""
    state, failed = picture_copy_report(article_id)
    return (state.describe() if state else "not asked for"), failed
