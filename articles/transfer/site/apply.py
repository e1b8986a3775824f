"""Import a live blog's posts through the same importer as an export file.

Each `SitePage` becomes a post of the importer's shape: a draft (nothing is public before an
editor reviews it), keyed on its old address so a second run updates instead of duplicating,
its body finished HTML (no WordPress paragraph rules applied), and every old path it was
known by redirected to its article.
"""

import hashlib
from urllib.parse import unquote, urlsplit

from articles.models import ImportedPost
from articles.transfer.apply import ImportOptions, run_import
from articles.transfer.posts import HTML, Post, Site, Source
from articles.transfer.web.addresses import FetchError, canonical_url
from articles.transfer.writer import OLD_PATH_LENGTH
from clinic.domain.models import record_redirect

from .reader import SiteReader

MAX_KEY_LENGTH = 255
PLATFORMS = {"wix": "Wix", "squarespace": "Squarespace", "wordpress": "WordPress"}


def post_key(url):
    """What recognises a page's post on the next run: its address, without the scheme."""
    try:
        address = canonical_url(url)
    except FetchError:
        address = url
    key = "site:" + address.split("://", 1)[-1].rstrip("/")
    if len(key) > MAX_KEY_LENGTH:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def as_post(page):
    """The importer's post for a page: public on the old site, its HTML already finished (no
    WordPress paragraph rules), and every path it was known by an old address."""
    slug = unquote(urlsplit(page.url).path).strip("/").rpartition("/")[2]
    return Post(
        key=post_key(page.url),
        post_type="post",
        status="publish",
        title=page.title,
        slug=slug.removesuffix(".html"),
        link=page.url,
        content=page.body_html,
        content_format=HTML,
        excerpt_html="",
        creator=page.author,
        published_at=page.published_at,
        aliases=page.old_paths(),
    )


def import_site(address, options=None, *, reader=None, fetcher=None):
    """Read the blog at `address` and import its posts as drafts; an `ImportReport`.

    Raises `SiteError` (nothing written) when the site cannot be read at all.
    """
    options = options or ImportOptions()
    reader = reader or SiteReader(address)
    site = Site(title=reader.site.host, link=reader.site.root)

    def posts():
        return (as_post(page) for page in reader.pages())

    report = run_import(Source(None, site, 0, posts), options, fetcher=fetcher)
    reading = reader.reading
    if not options.dry_run:
        _redirect_aliases(reading.aliases)
    report.total = reading.progress.found
    for url, why in reading.failed:
        report.skip(url, why)
    report.warnings.extend(reading.notes)
    progress = reading.progress
    report.source = [
        f"Read from {reader.site.root} ({PLATFORMS.get(reading.platform, 'platform unknown')}): "
        f"{progress.found} post(s) found, {progress.fetched} read, "
        f"{progress.failed} could not be read"
        + (f", {progress.repeated} listed twice." if progress.repeated else "."),
        f"robots.txt: {reading.robots}.",
    ]
    return report


def _redirect_aliases(aliases):
    """Redirect the other addresses that led to an imported post (listed twice by the site)."""
    for first_url, paths in aliases.items():
        record = ImportedPost.objects.filter(import_key=post_key(first_url)).first()
        if record is None:
            continue
        target = record.article.get_absolute_url()
        for path in dict.fromkeys(paths):
            if len(path) <= OLD_PATH_LENGTH:
                record_redirect(path, target)
