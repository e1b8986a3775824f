"""A site's reading kept for later: the pages read and what was found, as compressed JSON.

The admin reads a site in the background and imports it when someone confirms, maybe an hour
later, on another app server: `dump` turns a finished `SiteReader`'s pages and `Reading` into
bytes for the database, and `StoredReader.load` gives them back in the shape `import_site`
reads, so the confirm imports exactly what the dry-run report showed, without reading the site
again.
"""

import json
import zlib
from dataclasses import asdict, fields
from datetime import datetime

from .client import Site
from .reader import Progress, Reading, SitePage

VERSION = 1


def dump(site, pages, reading):
    """Bytes holding `site`, the `pages` read and the `reading`, for `StoredReader.load`."""
    data = {
        "version": VERSION,
        "site": asdict(site),
        "pages": [_page_data(page) for page in pages],
        "reading": asdict(reading),
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode(), level=6)


def _page_data(page):
    data = asdict(page)
    data["published_at"] = page.published_at.isoformat() if page.published_at else None
    return data


def _page(data):
    known = {field.name for field in fields(SitePage)}
    data = {name: value for name, value in data.items() if name in known}
    if data.get("published_at"):
        data["published_at"] = datetime.fromisoformat(data["published_at"])
    data["images"] = [tuple(image) for image in data.get("images", [])]
    return SitePage(**data)


class StoredReader:
    """Reads like a `SiteReader` that has already read the site: nothing is fetched."""

    def __init__(self, site, pages, reading):
        self.site, self._pages, self.reading = site, pages, reading

    @classmethod
    def load(cls, blob):
        data = json.loads(zlib.decompress(bytes(blob)))
        if data.get("version") != VERSION:
            raise ValueError("this reading was kept in an older form; read the site again")
        reading = dict(data["reading"])
        reading["progress"] = Progress(**reading["progress"])
        reading["failed"] = [tuple(item) for item in reading["failed"]]
        return cls(
            Site(**data["site"]), [_page(page) for page in data["pages"]], Reading(**reading)
        )

    def pages(self):
        yield from self._pages
