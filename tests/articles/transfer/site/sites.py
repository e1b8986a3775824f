"""Three small local blogs built from the saved pages: a Wix, a Squarespace and a WordPress one.

Each is a dict of routes for `LocalServer`: robots.txt, sitemaps and feeds in the platform's
own shape, the saved post pages at their original paths, plus pages that must NOT be imported
(an "about" page, a tag listing) and one post that is gone (404).
"""

from pathlib import Path

from tests.articles.transfer.local_server import text

PAGES = Path(__file__).parent / "pages"
XML = "application/xml; charset=utf-8"


def page(name):
    return text((PAGES / name).read_bytes())


def urlset(root, paths):
    urls = "".join(
        f"<url><loc>{root}{path}</loc><lastmod>2024-01-0{n % 9 + 1}</lastmod></url>"
        for n, path in enumerate(paths)
    )
    return text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        XML,
    )


def sitemap_index(root, paths, generated_by=""):
    items = "".join(f"<sitemap><loc>{root}{path}</loc></sitemap>" for path in paths)
    return text(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{generated_by}>{items}</sitemapindex>',
        XML,
    )


def rss(root, paths, title="Blog"):
    items = "".join(
        f"<item><title>Post {n}</title><link>{root}{path}</link>"
        f"<pubDate>Sun, 25 Sep 2022 13:18:05 GMT</pubDate><description>Teaser…</description></item>"
        for n, path in enumerate(paths)
    )
    return text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{root}</link>{items}</channel></rss>",
        "application/rss+xml; charset=utf-8",
    )


def home(feed_path, generator):
    head = f'<link rel="alternate" type="application/rss+xml" href="{feed_path}">'
    head += f'<meta name="generator" content="{generator}">'
    return text(f"<html><head><title>Home</title>{head}</head><body><p>Welcome</p></body></html>")


WIX_POST = "/post/das-dating-dilemma-erfolgreicher-frauen"
WIX_GONE = "/post/ein-gelöschter-beitrag"  # listed unescaped, as Wix's sitemaps do; answers 404


def wix_site(root):
    robots = (
        "User-agent: *\nAllow: /\nDisallow: *?lightbox=\n\n"
        "User-agent: PetalBot\nDisallow: /\n\n"
        f"Sitemap: {root}/sitemap.xml"
    )
    return {
        "/robots.txt": text(robots, "text/plain"),
        "/": home("/blog-feed.xml", "Wix.com Website Builder"),
        "/sitemap.xml": sitemap_index(
            root, ["/blog-posts-sitemap.xml", "/pages-sitemap.xml"], ' generatedBy="WIX"'
        ),
        "/blog-posts-sitemap.xml": urlset(root, [WIX_POST, WIX_GONE]),
        "/pages-sitemap.xml": urlset(root, ["/", "/about-us"]),
        "/blog-feed.xml": rss(root, [WIX_POST]),
        WIX_POST: page("wix/strive-magazin.de.dating.html"),
        "/about-us": text("<html><body><h1>About us</h1><p>Not a post.</p></body></html>"),
    }


SQUARESPACE_POSTS = {
    "/home/2017/7/12/unter-uns-montauk": "squarespace/befifty.montauk.html",
    "/blog-1/kebbqe4kcwbrx62pr60i7gkd6mvlf7": "squarespace/herzundblut.com.Besuch.html",
    "/news/2018/12/4/yellow-vests-and-i": "squarespace/pamelaandersonfoundation.org.yellow.html",
}


def squarespace_site(root):
    robots = (
        "User-agent: *\nDisallow: /config\nDisallow: /search\nDisallow: /account$\n"
        "Disallow: /api/\nAllow: /api/ui-extensions/\nDisallow: /static/\n"
        "Disallow: /*?author=*\nDisallow: /*&author=*\nDisallow: /*?tag=*\n"
        f"\nSitemap: {root}/sitemap.xml\n"
    )
    flat = ["/", "/about", "/blog-1", "/home?tag=travel", "/api/ui-extensions/x",
            *SQUARESPACE_POSTS]  # fmt: skip
    routes = {
        "/robots.txt": text(robots, "text/plain"),
        "/": text(
            '<html><head><link rel="alternate" type="application/rss+xml" '
            'href="/blog-1?format=rss"></head><body><!-- This is Squarespace. --></body></html>'
        ),
        "/sitemap.xml": urlset(root, flat),
        "/blog-1?format=rss": rss(root, ["/blog-1/kebbqe4kcwbrx62pr60i7gkd6mvlf7"]),
        "/about": text("<html><body><h1>About</h1><p>Not a post.</p></body></html>"),
    }
    routes.update({path: page(name) for path, name in SQUARESPACE_POSTS.items()})
    return routes


WORDPRESS_POSTS = {
    "/how-to-grow-and-care-for-bougainvillea.html": "plantcaretoday.com.bougainvillea.html",
    "/how-to-set-up-a-baby-nursery-in-a-small-space/": "thepostpartumparty.com.nursery.html",
    "/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/": "lemire.me.json.html",
    "/meta-outage-hits-facebook-instagram-and-messenger/": "kulu-media.com.meta-outage.html",
}
WORDPRESS_PRIVATE = "/members-only/secret-post/"


def wordpress_site(root):
    robots = (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        "Disallow: /members-only/\n\n"
        f"Sitemap: {root}/wp-sitemap.xml\n"
    )
    routes = {
        "/robots.txt": text(robots, "text/plain"),
        "/": home("/feed/", "WordPress 6.5"),
        "/wp-sitemap.xml": sitemap_index(
            root,
            [
                "/wp-sitemap-posts-post-1.xml",
                "/wp-sitemap-posts-page-1.xml",
                "/wp-sitemap-taxonomies-category-1.xml",
                "/wp-sitemap-users-1.xml",
            ],
        ),  # fmt: skip
        "/wp-sitemap-posts-post-1.xml": urlset(root, [*WORDPRESS_POSTS, WORDPRESS_PRIVATE]),
        "/wp-sitemap-posts-page-1.xml": urlset(root, ["/contact/"]),
        "/wp-sitemap-taxonomies-category-1.xml": urlset(root, ["/category/news/"]),
        "/wp-sitemap-users-1.xml": urlset(root, ["/author/admin/"]),
        "/feed/": rss(root, list(WORDPRESS_POSTS)[:2]),
    }
    routes.update({path: page(f"wordpress/{name}") for path, name in WORDPRESS_POSTS.items()})
    return routes
