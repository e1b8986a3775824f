"""Reading three local blogs (Wix, Squarespace, WordPress) served on 127.0.0.1: posts only,
robots.txt obeyed, one request at a time with a pause, one site only."""

from datetime import datetime

import pytest

from articles.transfer.site.client import PAGE_BYTES
from articles.transfer.site.reader import SiteError, SiteReader
from articles.transfer.web.fetcher import USER_AGENT, SafeFetcher
from tests.articles.transfer.local_server import LocalServer, Resolver, redirect, text
from tests.articles.transfer.site import sites

HOSTS = ["wix.test", "squarespace.test", "wordpress.test", "elsewhere.test"]


@pytest.fixture(autouse=True)
def test_hosts_allowed(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = HOSTS


def serve(build, host):
    server = LocalServer()
    root = f"http://{host}:{server.port}"
    server.routes.update(build(root))
    return server, root


def reader_for(root, **options):
    fetcher = SafeFetcher(
        resolver=Resolver({host: ["127.0.0.1"] for host in HOSTS}), max_bytes=PAGE_BYTES
    )
    return SiteReader(root, fetcher=fetcher, delay=0, **options)


def read_all(build, host, address=""):
    server, root = serve(build, host)
    with server:
        reader = reader_for(root + address)
        pages = list(reader.pages())
    return server, root, reader, pages


def test_a_wix_blog_its_post_sitemap_only_and_a_missing_post_reported():
    server, root, reader, pages = read_all(sites.wix_site, "wix.test")
    assert [page.url for page in pages] == [root + sites.WIX_POST]
    page = pages[0]
    assert page.title == "Das Dating-Dilemma erfolgreicher Frauen"
    assert page.author == "Bianca Praetorius"
    assert page.published_at == datetime.fromisoformat("2022-10-02T13:08:09.815+00:00")
    assert reader.reading.platform == "wix"
    [(failed_url, why)] = reader.reading.failed
    assert failed_url == root + sites.WIX_GONE and why == "the site answered HTTP 404"
    progress = reader.reading.progress
    assert (progress.found, progress.fetched, progress.failed) == (2, 1, 1)
    paths = [seen.path for seen in server.seen]
    assert "/about-us" not in paths  # from the pages sitemap: never read
    assert paths[0] == "/robots.txt"
    assert {seen.user_agent for seen in server.seen} == {USER_AGENT}


def test_a_squarespace_site_a_single_sitemap_narrowed_to_the_blogs_posts():
    server, root, reader, pages = read_all(sites.squarespace_site, "squarespace.test")
    assert sorted(page.url for page in pages) == sorted(
        root + path for path in sites.SQUARESPACE_POSTS
    )
    paths = [seen.path for seen in server.seen]
    assert "/about" not in paths and "/home?tag=travel" not in paths
    assert "/api/ui-extensions/x" not in paths  # allowed by robots.txt, but not a post
    assert reader.reading.platform == "squarespace"
    titles = {page.title for page in pages}
    assert titles == {
        "Das vielleicht schönste Ende der Welt: Montauk",
        "Zu Besuch bei Véronique Lacaze",
        "Yellow Vests and I",
    }


def test_a_wordpress_blog_robots_txt_keeps_a_disallowed_post_unread():
    server, root, reader, pages = read_all(sites.wordpress_site, "wordpress.test")
    assert sorted(page.url for page in pages) == sorted(
        root + path for path in sites.WORDPRESS_POSTS
    )
    paths = [seen.path for seen in server.seen]
    assert sites.WORDPRESS_PRIVATE not in paths
    assert not {"/contact/", "/category/news/", "/author/admin/"} & set(paths)
    assert any(sites.WORDPRESS_PRIVATE in url for url, _ in reader.reading.failed)
    assert any("robots.txt does not allow" in why for _, why in reader.reading.failed)


def test_the_old_paths_of_a_post_include_where_it_redirected_to():
    def build(root):
        routes = sites.wordpress_site(root)
        old = "/how-to-grow-and-care-for-bougainvillea.html"
        routes["/2020/04/bougainvillea/"] = redirect(old)
        routes["/wp-sitemap-posts-post-1.xml"] = sites.urlset(root, ["/2020/04/bougainvillea/"])
        routes["/feed/"] = sites.rss(root, [])
        return routes

    _, root, _, [page] = read_all(build, "wordpress.test")
    assert page.url == root + "/2020/04/bougainvillea/"
    assert page.final_url == root + "/how-to-grow-and-care-for-bougainvillea.html"
    assert page.old_paths() == [
        "/2020/04/bougainvillea/",
        "/how-to-grow-and-care-for-bougainvillea.html",
    ]


def test_posts_listed_on_another_site_are_not_read():
    def build(root):
        routes = sites.wix_site(root)
        other = root.replace("wix.test", "elsewhere.test")
        routes["/blog-posts-sitemap.xml"] = sites.urlset(other, [sites.WIX_POST])
        routes["/blog-feed.xml"] = sites.rss(other, [sites.WIX_POST])
        return routes

    server, root = serve(build, "wix.test")
    with server, pytest.raises(SiteError, match="No posts were found"):
        list(reader_for(root).pages())
    assert all(seen.host.startswith("wix.test") for seen in server.seen)


def test_one_request_at_a_time_with_the_delay_between_them():
    server, root = serve(sites.wordpress_site, "wordpress.test")
    clock = {"now": 0.0}
    pauses = []

    def sleep(seconds):
        pauses.append(round(seconds, 3))
        clock["now"] += seconds

    with server:
        reader = reader_for(root)
        reader.client.base_delay = 2.5
        reader.client.clock = lambda: clock["now"]
        reader.client.sleep = sleep
        list(reader.pages())
    assert reader.client.traffic.requests == len(server.seen)
    assert pauses == [2.5] * (len(server.seen) - 1)  # before every request but the first


def test_robots_txt_crawl_delay_for_us_wins_when_longer():
    def build(root):
        routes = sites.wix_site(root)
        routes["/robots.txt"] = text("User-agent: *\nCrawl-delay: 7\nAllow: /\n", "text/plain")
        return routes

    server, root = serve(build, "wix.test")
    with server:
        reader = reader_for(root)
        reader.client.read_robots()
        assert reader.client.delay == 7


def test_a_site_whose_robots_txt_fails_is_not_read_at_all():
    def build(root):
        return {"/robots.txt": text("down for maintenance", "text/plain", status=503)}

    server, root = serve(build, "wix.test")
    with server, pytest.raises(SiteError, match="RFC 9309 then allows nothing"):
        list(reader_for(root).pages())
    assert [seen.path for seen in server.seen] == ["/robots.txt"]


def test_a_site_that_forbids_everything_is_not_read():
    def build(root):
        return {"/robots.txt": text("User-agent: *\nDisallow: /\n", "text/plain")}

    server, root = serve(build, "wix.test")
    with server, pytest.raises(SiteError, match="does not let this importer read"):
        list(reader_for(root).pages())
    assert [seen.path for seen in server.seen] == ["/robots.txt"]


@pytest.mark.parametrize(
    "address",
    ["file:///etc/passwd", "ftp://wix.test/", "http://", "javascript:alert(1)"],
)
def test_an_address_that_is_not_a_site_is_refused_before_any_request(address):
    with pytest.raises(SiteError, match="is not a site's address"):
        SiteReader(address)


def test_a_private_address_is_refused(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []
    with LocalServer(sites.wix_site("http://127.0.0.1")) as server:
        reader = SiteReader(f"http://127.0.0.1:{server.port}/", delay=0)
        with pytest.raises(SiteError, match="not a public address"):
            list(reader.pages())
        assert server.seen == []
