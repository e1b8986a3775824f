"""The old site's robots.txt, read as RFC 9309 says.

The rules are matched by protego (Scrapy's parser, maintained, RFC 9309-aware): the longest
matching rule wins and Allow wins a tie, `*` and `$` are wildcards, a pattern without a leading
"/" still matches (Wix writes `Disallow: *?lightbox=`), groups are chosen by the product token
of our User-Agent, else `*`. What the fetch answered decides the rest (RFC 9309, 2.3.1):
a robots.txt that is missing or refused (4xx) allows everything; one that cannot be reached
(5xx, no answer) disallows everything; only its first 500 KiB are read.
"""

from dataclasses import dataclass, field

from protego import Protego

from articles.transfer.web.addresses import FetchError
from articles.transfer.web.fetcher import USER_AGENT

MAX_BYTES = 500 * 1024
MAX_CRAWL_DELAY = 30.0  # seconds: a longer Crawl-delay would make an import take days


@dataclass
class Robots:
    """What robots.txt lets this importer read."""

    status: str  # "rules", "none" (4xx: everything allowed) or "unreachable" (nothing allowed)
    explanation: str
    parser: Protego | None = None
    sitemaps: list[str] = field(default_factory=list)

    def allows(self, url):
        if self.status == "unreachable":
            return False
        if self.parser is None:
            return True
        return self.parser.can_fetch(url, USER_AGENT)

    @property
    def crawl_delay(self):
        """The Crawl-delay of our group, in seconds (at most 30), or None."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(USER_AGENT)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)


def parse(text):
    """`Robots` from robots.txt text (as if it was served with 200)."""
    parser = Protego.parse(text)
    return Robots("rules", "the site's robots.txt was read", parser, list(parser.sitemaps))


def read_robots(fetcher, root, site_host):
    """Fetch and read `root`/robots.txt; never raises for what the site answers."""
    url = root.rstrip("/") + "/robots.txt"
    try:
        answer = fetcher.get(url, site_host=site_host, accept="text/plain, */*",
                             max_bytes=MAX_BYTES, truncate=True)  # fmt: skip
    except FetchError as error:
        if "redirects more than" in str(error):  # RFC 9309: may be taken as unavailable
            return Robots("none", f"{url} redirects too often, so it counts as missing")
        return Robots(
            "unreachable",
            f"{url} could not be read ({error}); RFC 9309 then allows nothing to be read. "
            "Try again when the site answers.",
        )
    if answer.ok:
        robots = parse(answer.text())
        if answer.truncated:
            robots.explanation += " (only its first 500 KiB, as RFC 9309 allows)"
        return robots
    if 400 <= answer.status < 500:
        return Robots("none", f"the site has no robots.txt (HTTP {answer.status})")
    return Robots(
        "unreachable",
        f"{url} answered HTTP {answer.status}; RFC 9309 then allows nothing to be read. "
        "Try again when the site answers.",
    )
