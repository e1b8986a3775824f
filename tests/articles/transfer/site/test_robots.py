"""robots.txt as RFC 9309 reads it, including the rules real site builders write."""

import pytest

from articles.transfer.site.robots import parse, read_robots
from articles.transfer.web.fetcher import SafeFetcher
from tests.articles.transfer.local_server import LocalServer, Resolver, text

SITE = "https://www.clinic-blog.test"

# Wix's stock robots.txt, as the site builder writes it for every site (no final newline).
WIX = """User-agent: *
Allow: /
Disallow: *?lightbox=

# Optimization for Google Ads Bot
User-agent: AdsBot-Google-Mobile
User-agent: AdsBot-Google
Disallow: /_partials*
Disallow: /pro-gallery-webapp/v1/galleries/*

# Block PetalBot
User-agent: PetalBot
Disallow: /

# Crawl delay for overly enthusiastic bots
User-agent: dotbot
Crawl-delay: 10
User-agent: AhrefsBot
Crawl-delay: 10

Sitemap: https://www.clinic-blog.test/sitemap.xml

# Auto generated, go to SEO Tools > Robots.txt Editor to change this"""


def allowed(robots_txt, path):
    return parse(robots_txt).allows(SITE + path)


def test_wix_rules_a_pattern_without_a_leading_slash_still_matches():
    assert allowed(WIX, "/post/my-first-post")
    assert not allowed(WIX, "/post/my-first-post?lightbox=dataItem-abc")
    assert allowed(WIX, "/_partials/x")  # that group is for AdsBot only
    assert parse(WIX).sitemaps == ["https://www.clinic-blog.test/sitemap.xml"]
    assert parse(WIX).crawl_delay is None  # dotbot's delay is not ours


def test_the_longest_match_wins_so_a_narrower_allow_opens_a_closed_folder():
    rules = "User-agent: *\nDisallow: /api/\nAllow: /api/ui-extensions/\n"
    assert allowed(rules, "/api/ui-extensions/widget")
    assert not allowed(rules, "/api/commerce")
    assert allowed(rules, "/apis")


def test_the_longest_match_wins_whatever_the_order_of_the_lines():
    # urllib.robotparser takes the first rule that matches, so it answers these wrongly.
    assert allowed("User-agent: *\nDisallow: /\nAllow: /blog/\n", "/blog/post")
    assert not allowed("User-agent: *\nAllow: /blog/\nDisallow: /blog/private\n", "/blog/private/1")


def test_allow_wins_a_tie():
    assert allowed("User-agent: *\nDisallow: /folder\nAllow: /folder\n", "/folder/page")


@pytest.mark.parametrize(
    ("rules", "path", "expected"),
    [
        ("Disallow: /*.php$", "/index.php", False),
        ("Disallow: /*.php$", "/index.php?x=1", True),
        ("Disallow: /*.php$", "/index.phps", True),
        ("Disallow: /fish*", "/fishheads/yummy.html", False),
        ("Disallow: /fish*", "/Fish.asp", True),  # paths are case-sensitive
        ("Allow: /$\nDisallow: /", "/", True),
        ("Allow: /$\nDisallow: /", "/page", False),
        ("Disallow: /a/*b", "/a/b", False),  # * matches nothing too
        ("Disallow:", "/anything", True),  # an empty rule disallows nothing
        ("Disallow: /%7Ejoe/", "/~joe/index.html", False),  # percent-encoding compared decoded
        ("Disallow: /~joe/", "/%7Ejoe/index.html", False),
    ],
)
def test_wildcards_and_encodings(rules, path, expected):
    assert allowed(f"User-agent: *\n{rules}\n", path) is expected


def test_our_own_group_is_chosen_over_the_star_group_and_groups_of_one_agent_merge():
    rules = (
        "User-agent: *\nDisallow: /\n\n"
        "User-agent: ClinicLibraryImporter\nDisallow: /drafts/\n\n"
        "User-agent: other\nDisallow: /blog/\n\n"
        "user-agent: cliniclibraryimporter\nDisallow: /private/\nCrawl-delay: 5\n"
    )
    robots = parse(rules)
    assert robots.allows(SITE + "/blog/post")
    assert not robots.allows(SITE + "/drafts/x")
    assert not robots.allows(SITE + "/private/x")
    assert robots.crawl_delay == 5


def test_robots_txt_itself_is_always_allowed():
    assert allowed("User-agent: *\nDisallow: /\n", "/robots.txt")


def test_a_huge_crawl_delay_is_capped():
    assert parse("User-agent: *\nCrawl-delay: 86400\n").crawl_delay == 30


@pytest.fixture
def site(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["blog.test"]
    with LocalServer() as server:
        yield server, SafeFetcher(resolver=Resolver({"blog.test": ["127.0.0.1"]}))


@pytest.mark.parametrize(
    ("status", "verdict", "blog_allowed"),
    [
        (404, "none", True),
        (403, "none", True),
        (500, "unreachable", False),
        (503, "unreachable", False),
    ],  # fmt: skip
)
def test_what_the_server_answers_decides_when_there_are_no_rules(site, status, verdict,
                                                                blog_allowed):  # fmt: skip
    server, fetcher = site
    server.routes["/robots.txt"] = text("User-agent: *\nDisallow: /\n", status=status)
    root = f"http://blog.test:{server.port}"
    robots = read_robots(fetcher, root, "blog.test")
    assert robots.status == verdict
    assert robots.allows(root + "/blog/post") is blog_allowed


def test_a_site_that_does_not_answer_allows_nothing(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["blog.test"]
    with LocalServer() as server:
        port = server.port
    fetcher = SafeFetcher(resolver=Resolver({"blog.test": ["127.0.0.1"]}), connect_timeout=1)
    robots = read_robots(fetcher, f"http://blog.test:{port}", "blog.test")
    assert robots.status == "unreachable"
    assert "Try again" in robots.explanation


def test_only_the_first_500_kib_are_read(site):
    server, fetcher = site
    padding = "# " + "x" * 1000 + "\n"
    body = "User-agent: *\nDisallow: /early/\n" + padding * 600 + "Disallow: /late/\n"
    server.routes["/robots.txt"] = text(body, "text/plain")
    root = f"http://blog.test:{server.port}"
    robots = read_robots(fetcher, root, "blog.test")
    assert not robots.allows(root + "/early/x")
    assert robots.allows(root + "/late/x")
    assert "500 KiB" in robots.explanation


def test_the_rules_come_from_the_served_file(site):
    server, fetcher = site
    server.routes["/robots.txt"] = text(WIX.replace("https://www.clinic-blog.test", ""),
                                        "text/plain")  # fmt: skip
    root = f"http://blog.test:{server.port}"
    robots = read_robots(fetcher, root, "blog.test")
    assert robots.status == "rules"
    assert not robots.allows(root + "/post/a?lightbox=1")
    assert robots.allows(root + "/post/a")
