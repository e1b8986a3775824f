"""Sitemaps and feeds as the platforms write them, and which addresses count as posts."""

import gzip

import pytest

from articles.transfer.site.listing import (
    ListingError,
    blog_prefixes,
    feeds_in_page,
    is_listing_address,
    looks_like_a_post,
    read_feed,
    read_sitemap,
    sitemap_kind,
)

SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>https://a.test/post/caf\xc3\xa9</loc><lastmod>2022-09-25</lastmod></url>"
    b"</urlset>"
)


def test_a_sitemap_with_an_unescaped_address_and_a_gzipped_copy():
    assert read_sitemap(SITEMAP)[1][0].url == "https://a.test/post/café"
    shape, entries = read_sitemap(gzip.compress(SITEMAP))
    assert shape == "urlset" and entries[0].lastmod == "2022-09-25"


def test_hostile_or_foreign_xml_is_refused_with_a_reason():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset>&a;</urlset>'
    with pytest.raises(ListingError, match="DTD or entities"):
        read_sitemap(bomb)
    with pytest.raises(ListingError, match="not a sitemap"):
        read_sitemap(b"<rss></rss>")
    with pytest.raises(ListingError, match="not well-formed"):
        read_sitemap(b"<urlset><url>")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://a.test/blog-posts-sitemap.xml", "posts"),  # Wix
        ("https://a.test/wp-sitemap-posts-post-2.xml", "posts"),  # WordPress
        ("https://a.test/post-sitemap3.xml", "posts"),  # Yoast, Rank Math
        ("https://a.test/pages-sitemap.xml", "other"),
        ("https://a.test/wp-sitemap-posts-page-1.xml", "other"),
        ("https://a.test/wp-sitemap-taxonomies-category-1.xml", "other"),
        ("https://a.test/wp-sitemap-users-1.xml", "other"),
        ("https://a.test/blog-categories-sitemap.xml", "other"),
        ("https://a.test/sitemap-1.xml", "unknown"),
    ],
)
def test_sitemaps_are_told_apart_by_name(url, kind):
    assert sitemap_kind(url) == kind


def test_rss_and_atom_feeds_give_their_posts_addresses():
    rss = (
        b"<rss version='2.0'><channel><item><link>https://a.test/post/x</link>"
        b"<pubDate>Sun, 25 Sep 2022 13:18:05 GMT</pubDate></item></channel></rss>"
    )
    atom = (
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><link rel='alternate' "
        b"href='https://a.test/2024/05/y.html'/><published>2024-05-01T10:00:00Z</published>"
        b"</entry></feed>"
    )
    assert [(e.url, e.lastmod) for e in read_feed(rss)] == [
        ("https://a.test/post/x", "2022-09-25T13:18:05+00:00")
    ]
    assert [e.url for e in read_feed(atom)] == ["https://a.test/2024/05/y.html"]


def test_a_page_announces_its_feed_and_comment_feeds_are_left_out():
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" title="Blog » Feed" '
        'href="https://a.test/feed/"><link rel="alternate" type="application/rss+xml" '
        'title="Blog » Comments Feed" href="https://a.test/comments/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="A post Comments Feed" '
        'href="https://a.test/a-post/feed/"><link rel="alternate" type="application/rss+xml" '
        'href="/blog-1?format=rss"></head></html>'
    )
    assert feeds_in_page(page, "https://a.test/") == [
        "https://a.test/feed/",
        "https://a.test/blog-1?format=rss",
    ]


@pytest.mark.parametrize(
    ("url", "prefixes", "post"),
    [
        ("https://a.test/blog-1/kebbqe4kcwbrx62pr60i7gkd6mvlf7", {"/blog-1"}, True),
        ("https://a.test/blog-1", {"/blog-1"}, False),  # the blog's own page
        ("https://a.test/about", {"/blog-1"}, False),
        ("https://a.test/home/2017/7/12/unter-uns-montauk", set(), True),
        ("https://a.test/post/x", set(), True),
        ("https://a.test/blog/tag/anxiety", set(), False),
        ("https://a.test/blog?tag=anxiety", {"/blog"}, False),
        ("https://a.test/category/news/", set(), False),
        ("https://a.test/blog/page/2", set(), False),
        ("https://a.test/wp-content/uploads/a.pdf", set(), False),
        ("https://a.test/", set(), False),
    ],
)
def test_which_addresses_of_a_mixed_sitemap_are_posts(url, prefixes, post):
    assert looks_like_a_post(url, prefixes) is post


def test_the_blogs_folder_is_learnt_from_its_posts_addresses():
    assert blog_prefixes(
        ["https://a.test/blog-1/abc", "https://a.test/2019/08/02/x/", "https://a.test/single/"]
    ) == {"/blog-1"}
    assert is_listing_address("https://a.test/author/ana/")
    assert not is_listing_address("https://a.test/post/ana")
