"""Polite reading of one site: one request at a time, a pause between them, robots.txt obeyed.

Every request to the old site goes through `PoliteClient.get`: the address must be on the same
site (www. or not), robots.txt must allow it, and the previous request must be at least the
delay ago (the setting `IMPORT_SITE_DELAY_SECONDS`, or the site's Crawl-delay when longer).
"""

import time
from dataclasses import dataclass, field

from django.conf import settings

from articles.transfer.web.addresses import FetchError, canonical_url, same_site, split_address
from articles.transfer.web.fetcher import SafeFetcher

from .robots import read_robots

PAGE_BYTES = 5 * 2**20  # a Wix post page is about 1 MB, mostly scripts
SITEMAP_BYTES = 20 * 2**20


@dataclass
class Site:
    """The site being read: where it starts and what host it lives on."""

    start: str  # the address given, as fetched
    root: str  # scheme://host[:port]
    host: str

    @classmethod
    def from_address(cls, address):
        address = address.strip()
        if "://" not in address:
            address = "https://" + address
        start = canonical_url(address)
        scheme, host, port, _ = split_address(start)
        root = start.split("/", 3)
        return cls(start, "/".join(root[:3]), host)


@dataclass
class Traffic:
    """Requests made, for the report and for progress."""

    requests: int = 0
    refused_by_robots: list[str] = field(default_factory=list)


class PoliteClient:
    """Fetches from one site under its robots.txt, one request at a time with a pause."""

    def __init__(self, site, *, fetcher=None, delay=None, clock=time.monotonic, sleep=time.sleep):
        self.site = site
        self.fetcher = fetcher or SafeFetcher(max_bytes=PAGE_BYTES)
        self.base_delay = settings.IMPORT_SITE_DELAY_SECONDS if delay is None else delay
        self.clock, self.sleep = clock, sleep
        self.last_request = None
        self.traffic = Traffic()
        self.robots = None
        self.on_request = None  # called after every request (the admin's sign of life)

    def read_robots(self):
        self._wait()
        self.robots = read_robots(self.fetcher, self.site.root, self.site.host)
        self._done()
        return self.robots

    @property
    def delay(self):
        crawl_delay = self.robots.crawl_delay if self.robots is not None else None
        return max(self.base_delay, crawl_delay or 0.0)

    def allows_quietly(self, url, *, robots=True):
        """Whether `url` is on this site (and, with `robots`, allowed by robots.txt)."""
        try:
            _, host, _, _ = split_address(url)
        except FetchError:
            return False
        if not same_site(host, self.site.host):
            return False
        return not robots or self.robots is None or self.robots.allows(url)

    def check_allowed(self, url):
        """FetchError unless `url` is on this site and robots.txt lets us read it."""
        _, host, _, _ = split_address(url)
        if not same_site(host, self.site.host):
            raise FetchError(f"{url} is not on {self.site.host}")
        if self.robots is not None and not self.robots.allows(url):
            self.traffic.refused_by_robots.append(url)
            raise FetchError(f"the site's robots.txt does not allow reading {url}")

    def get(self, url, *, accept="text/html, application/xhtml+xml", max_bytes=None):
        """The answer for `url`; FetchError when refused (by robots.txt too) or failed.

        Redirects are followed only to addresses that pass the same checks.
        """
        self.check_allowed(url)
        self._wait()
        try:
            return self.fetcher.get(url, site_host=self.site.host, accept=accept,
                                    max_bytes=max_bytes, may_read=self.check_allowed)  # fmt: skip
        finally:
            self._done()

    def _done(self):
        self.traffic.requests += 1
        self.last_request = self.clock()
        if self.on_request is not None:
            self.on_request()

    def _wait(self):
        if self.last_request is None:
            return
        remaining = self.last_request + self.delay - self.clock()
        if remaining > 0:
            self.sleep(remaining)
