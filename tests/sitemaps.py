"""Reading the sitemap as a crawler does: the index at /sitemap.xml, then each page it names."""

from urllib.parse import urlsplit

from defusedxml import ElementTree

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def index_entries(client, **extra):
    """[(loc, lastmod or None)] of /sitemap.xml, a <sitemapindex> (sitemaps.org 0.9)."""
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{NS}sitemapindex"
    entries = []
    for item in root:
        assert item.tag == f"{NS}sitemap"
        fields = {child.tag.removeprefix(NS): (child.text or "").strip() for child in item}
        assert set(fields) <= {"loc", "lastmod"} and "loc" in fields
        entries.append((fields["loc"], fields.get("lastmod")))
    assert 0 < len(entries) <= 50_000
    return entries


def page_path(loc):
    parts = urlsplit(loc)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def page_urls(client, loc, **extra):
    """The <url> elements of one page of the sitemap, as parsed XML elements."""
    response = client.get(page_path(loc), **extra)
    assert response.status_code == 200, loc
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{NS}urlset"
    return list(root)


def all_urls(client, **extra):
    """Every <url> element of every page the index names, in order."""
    return [
        url for loc, _ in index_entries(client, **extra) for url in page_urls(client, loc, **extra)
    ]


def all_locs(client, **extra):
    return [url.findtext(f"{NS}loc") for url in all_urls(client, **extra)]


def alternates(url):
    """[(hreflang, href)] of a <url>'s <xhtml:link rel="alternate"> elements, in order."""
    links = url.findall(f"{XHTML}link")
    assert all(link.get("rel") == "alternate" for link in links)
    return [(link.get("hreflang"), link.get("href")) for link in links]
