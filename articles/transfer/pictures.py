"""Copy an import's pictures from the old site into this site's media storage.

After an import writes its articles, `copy_pictures` is the one call that hands their
pictures over: each article's body images, and its featured image (kept on its
`ImportedPost` until copied), are downloaded through `ImageFetcher` (http(s) only, public
addresses, size and time limits, and the same checks and re-encoding as every upload).
Each article's body then points at the copies, and what could not be copied is kept on its
`ImportedPost` with the reason, for the report and the admin's list of imported posts.
Copying an article twice is harmless: a picture already stored is reused, not fetched again.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import strip_tags

from articles.models import Article
from clinic.domain.models.editing import bump_edit_version, lock_and_refresh

from .wordpress.images import STORAGE_FOLDER, ImageFetcher, ImageFetchError

REMOTE_IMAGE = re.compile(
    r"!\[[^\]]*\]\(<?(https?://[^)\s>]+)|<img\b[^>]*\bsrc=\"(https?://[^\"]+)\""
)
HERO_ALT_LENGTH = Article._meta.get_field("hero_alt").max_length
HERO_CREDIT_LENGTH = Article._meta.get_field("hero_credit").max_length


@dataclass
class PictureResults:
    copied: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (article, url, why)


def remote_pictures(markdown):
    """The http(s) picture addresses a body shows, each once, in order."""
    found = (match[1] or match[2] for match in REMOTE_IMAGE.finditer(markdown))
    return [url for url in dict.fromkeys(found) if f"/{STORAGE_FOLDER}/" not in url]


def point_at(markdown, url, new_url):
    """The body with one picture address replaced (Markdown images and HTML tables)."""
    markdown = markdown.replace(f"]({url}", f"]({new_url}").replace(f"](<{url}", f"](<{new_url}")
    return markdown.replace(f'src="{url}"', f'src="{new_url}"')


def copy_pictures(article_ids, *, fetcher=None, deadline=None):
    """Copy the pictures of these imported articles; what was copied and what was not.

    This is where an import hands its pictures over: today they are copied in this call,
    within `deadline` (a `time.monotonic()` value); a background task can take the same
    list of articles instead.
    """
    fetcher = fetcher or ImageFetcher(deadline=deadline)
    results = PictureResults()
    for article_id in dict.fromkeys(article_ids):
        copied, failures = copy_article_pictures(article_id, fetcher)
        results.copied += copied
        results.failures.extend(failures)
    return results


def copy_article_pictures(article_id, fetcher):
    """(copied, [(title, url, why)]) for one article; its failures kept on its record."""
    article = Article.objects.filter(pk=article_id).select_related("import_record").first()
    record = getattr(article, "import_record", None) if article else None
    if record is None:
        return 0, []
    stored, failures = {}, []
    hero = (record.pictures or {}).get("hero") if not article.hero_image else None
    wanted = remote_pictures(article.body) + ([hero["url"]] if hero else [])
    for url in wanted:
        try:
            stored[url] = fetcher.store(url)
        except ImageFetchError as error:
            failures.append((article.title, url, str(error)))
    if stored:
        _point_article_at(article_id, stored, hero, fetcher)
    record.pictures = {**(record.pictures or {}), "failures": [[u, why] for _, u, why in failures]}
    if hero and hero["url"] in stored:
        record.pictures.pop("hero")
    record.save(update_fields=["pictures", "updated_at"])
    return len(stored), failures


def _point_article_at(article_id, stored, hero, fetcher):
    """Swap the old addresses for the copies, as one save that moves the edit version on
    (an editor's form opened before is then asked to reload, not to undo it)."""
    with transaction.atomic():
        article = Article.objects.get(pk=article_id)
        lock_and_refresh(article)
        body = article.body
        for url, name in stored.items():
            body = point_at(body, url, fetcher.storage.url(name))
        fields = ["body"]
        article.body = body
        if hero and hero["url"] in stored and not article.hero_image:
            article.hero_image = stored[hero["url"]]
            article.hero_alt = (hero.get("alt") or article.title)[:HERO_ALT_LENGTH]
            credit = " ".join(strip_tags(hero.get("caption") or "").split())
            article.hero_credit = credit[:HERO_CREDIT_LENGTH]
            fields += ["hero_image", "hero_alt", "hero_credit"]
        bump_edit_version(article, None)
        article.save(update_fields=[*fields, "modified_by", "edit_version"])


def stored_copies(urls, fetcher):
    """{url: copy's address} for the pictures already copied here (no download)."""
    found = {}
    for url in urls:
        if (name := fetcher.stored_name(url)) is not None:
            found[url] = fetcher.storage.url(name)
    return found
