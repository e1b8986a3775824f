"""One list of the public site's page types, shared by every test that walks the site.

The query-count, accessibility, HTML-validity and screenshot runs all take their pages from
`PAGE_TYPES`; `tests/test_public_pages.py` fails when a public route is in neither this list
nor `NOT_PAGES`, so a new page cannot be left out of those checks by accident.
"""

from dataclasses import dataclass

from django.urls import reverse, translate_url
from django.utils.translation import override


@dataclass(frozen=True)
class PageType:
    name: str
    url_name: str | None  # None for a made-up path (the 404 page)
    needs: str | None = None  # the content object the URL is built from
    query: str = ""
    status: int = 200
    html: bool = True
    path: str = ""
    kwargs: tuple = ()  # fixed URL arguments, as (name, value) pairs

    def url(self, content):
        """The path of this page for `content`, a dict of the objects the page types need."""
        if self.url_name is None:
            return self.path
        kwargs = {"slug": content[self.needs].slug} if self.needs else dict(self.kwargs)
        return reverse(self.url_name, kwargs=kwargs) + self.query


PAGE_TYPES = [
    PageType("home", "articles:home"),
    PageType("article list", "articles:list"),
    PageType("article", "articles:detail", needs="article"),
    PageType("article in a topic", "articles:detail", needs="article", query="?topic={topic}"),
    PageType("topic list", "articles:topic-list"),
    PageType("topic", "articles:topic-detail", needs="topic"),
    PageType("search form", "articles:search"),
    PageType("search with hits", "articles:search", query="?q=ketamine"),
    PageType("search without hits", "articles:search", query="?q=zzzyzx"),
    PageType("search corrected", "articles:search", query="?q=ketamin"),
    PageType("search refused", "articles:search", query="?q=" + "x" * 300, status=400),
    PageType("team", "clinic:team"),
    PageType("person", "clinic:person-detail", needs="person"),
    PageType("locations", "clinic:locations"),
    PageType("location", "clinic:location-detail", needs="location"),
    PageType("glossary", "articles:glossary"),
    PageType("follow", "articles:follow"),
    PageType("editorial policy", "articles:editorial-policy"),
    PageType("corrections", "articles:corrections"),
    PageType("urgent help", "clinic:urgent-help"),
    PageType("not yet translated", "clinic:not-translated", query="?from=/fr/"),
    PageType("not found", None, path="/no-such-page/", status=404),
    PageType("rss feed", "articles:feed", html=False),
    PageType("atom feed", "articles:atom-feed", html=False),
    PageType("topic feed", "articles:topic-feed", needs="topic", html=False),
    PageType("topic atom feed", "articles:topic-atom-feed", needs="topic", html=False),
    PageType("sitemap", "sitemap", html=False),
    PageType("sitemap page", "sitemap-section", html=False, kwargs=(("section", "articles"),)),
    PageType("robots.txt", "robots", html=False),
]

# Public routes that are not pages a visitor browses to, and where each is tested instead.
NOT_PAGES = {
    "articles:preview": "signed draft previews: tests/articles/test_preview_links.py",
    "articles:view-beacon": "the view-count image: tests/articles/views/test_view_counts.py",
    "brand-css": "the brand stylesheet: tests/clinic/branding/test_site_settings.py",
}


def html_pages():
    return [page for page in PAGE_TYPES if page.html]


def page_url(page, content):
    """`page.url(content)`, with `{topic}` in a query filled from the content's topic."""
    return page.url(content).replace("{topic}", content["topic"].slug)


def page_url_in(language, page, content):
    """`page_url` at its address in `language` (`/fr/equipe/`); a made-up path goes under the
    language's prefix, and the “not yet translated” page names a page in the default language."""
    translations = content.get("translations", {}).get(language, {})
    if page.needs in translations:  # the translation, at its own address in that language
        with override(language):
            return page_url(page, {**content, **translations})
    url = page_url(page, content)
    if page.url_name == "clinic:not-translated":
        url = url.replace("?from=/fr/", "?from=/")
    translated = translate_url(url, language)
    return translated if translated != url else f"/{language}{url}"
