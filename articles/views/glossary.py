"""The glossary: its page, every term A–Z (`GlossaryView`), and its terms explained in place,
at the first use of each term in an article's body.

`mark_terms(html, entries)` reads the body's sanitised HTML with the standard library's HTML
parser and links the first use of each term to its definition, listed under the article
(`includes/glossary_notes.html`), which also prints as footnotes. It never touches links,
headings, code, abbreviations, footnotes or the disclaimer (which is not part of the body), and
never the stored Markdown: `article_body()` marks at render time and caches the result per body
and per version of the glossary.
"""

import hashlib
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import ListView

from articles.models import GlossaryTerm
from clinic.domain.languages import active_language, in_name_order, site_languages
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import ref, web_page
from clinic.seo.library import glossary_data
from clinic.seo.meta import page_meta
from clinic.seo.mixin import PageMetadataMixin
from clinic.seo.structured_data import home_crumb

# v3: one list per language, each term in the page's language (clinic.domain.translation).
ENTRIES_KEY = "glossary:entries:v3:{language}"
BODY_KEY = "glossary:body:v2:{version}:{digest}"
CACHE_SECONDS = 24 * 60 * 60
# Text inside these is left alone: a link inside a link is invalid, and a heading, code or an
# abbreviation already says what it is.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "abbr", "dfn",
           "sup", "sub", "script", "style", "button", "label", "title"}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """What the article page needs of one glossary term (plain data, so it caches)."""

    slug: str
    term: str
    definition: str
    names: tuple


def _name_pattern(name):
    """A regex for one name and its plural: “analysis/analyses”, “study/studies”, “RCTs”."""
    words = r"\s+".join(re.escape(word) for word in name.split())
    if not any(c.islower() for c in name):  # an abbreviation: exact case, “RCT” or “RCTs”
        return words + "s?"
    if name.endswith("is"):
        words = words[:-2] + "(?:is|es)"
    elif re.search(r"[^aeiou]y$", name):
        words = words[:-1] + "(?:y|ies)"
    else:
        words += "(?:s|es)?"
    return f"(?i:{words})"


class Glossary:
    """The compiled matcher for a list of entries: longest names first, whole words only."""

    def __init__(self, entries):
        self.entries = list(entries)
        names = sorted(
            ((name, entry) for entry in self.entries for name in entry.names),
            key=lambda pair: -len(pair[0]),
        )
        self._names = [(re.compile(_name_pattern(name)), entry) for name, entry in names]
        alternatives = "|".join(pattern.pattern for pattern, _ in self._names) or r"(?!)"
        # A hyphen counts as part of a word: “placebo” is not marked inside “placebo-controlled”.
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def entry_for(self, text):
        return next(entry for pattern, entry in self._names if pattern.fullmatch(text))


class _Marker(HTMLParser):
    def __init__(self, glossary):
        super().__init__(convert_charrefs=True)
        self.glossary = glossary
        self.out = []
        self.skipping = []  # the open elements whose text is left alone
        self.used = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        is_footnotes = tag == "div" and "footnote" in (dict(attrs).get("class") or "").split()
        if tag not in VOID and (self.skipping or tag in SKIPPED or is_footnotes):
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skipping:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.glossary.pattern.finditer(data):
            self.out.append(escape(data[position : match.start()], quote=False))
            self.out.append(self._link(match.group(0)))
            position = match.end()
        self.out.append(escape(data[position:], quote=False))

    def _link(self, text):
        entry = self.glossary.entry_for(text)
        if entry in self.used:
            return escape(text, quote=False)
        self.used.append(entry)
        return (
            f'<a class="term" href="#glossary-{entry.slug}" id="glossary-ref-{entry.slug}" '
            f'aria-describedby="glossary-{entry.slug}-definition">{escape(text, quote=False)}</a>'
        )


def mark_terms(html, glossary):
    """(HTML with the first use of each term linked to its definition, the entries used)."""
    marker = _Marker(glossary)
    marker.feed(html)
    marker.close()
    return "".join(marker.out), marker.used


def current_entries():
    """(version, entries) of the terms explained in articles, in the page's language (the
    French term and its other names on a French page, the English where they are empty),
    from the cache when there."""
    key = ENTRIES_KEY.format(language=active_language())
    cached = cache.get(key)
    if cached is not None:
        return cached
    entries = [
        Entry(term.slug, term.term, term.definition, tuple(term.names))
        for term in GlossaryTerm.objects.filter(is_marked_in_articles=True)
    ]
    version = hashlib.sha256(repr(entries).encode()).hexdigest()[:16]
    cache.set(key, (version, entries), timeout=CACHE_SECONDS)
    return version, entries


def forget_entries(**kwargs):
    """Signal receiver: a term changed, so articles are marked afresh (now and on commit)."""
    keys = [ENTRIES_KEY.format(language=code) for code, _ in site_languages()]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


_compiled = {}


def compiled_glossary(version, entries):
    """The Glossary of this version of the entries, compiled once per process (its patterns
    took most of a millisecond to build for every article not in the cache)."""
    glossary = _compiled.get(version)
    if glossary is None:
        if len(_compiled) >= len(site_languages()):
            _compiled.clear()  # only the current versions (one per language) are kept
        glossary = _compiled[version] = Glossary(entries)
    return glossary


def article_body(article):
    """(the body's HTML with terms explained, marked safe; the entries to list under it)."""
    version, entries = current_entries()
    digest = hashlib.sha256(article.body_html.encode()).hexdigest()[:32]
    key = BODY_KEY.format(version=version, digest=digest)
    cached = cache.get(key)
    if cached is None:
        html, used = mark_terms(article.body_html, compiled_glossary(version, entries))
        cached = (html, used)
        cache.set(key, cached, timeout=CACHE_SECONDS)
    html, used = cached
    # The body was sanitised on save; marking only adds escaped text and fixed markup.
    return mark_safe(html), used  # noqa: S308


class GlossaryView(PageMetadataMixin, ListView):
    """`/glossary/`: every term, A–Z, each with an anchor that articles link to."""

    model = GlossaryTerm
    template_name = "articles/glossaryterm_list.html"
    context_object_name = "terms"

    def get_context_data(self, **kwargs):
        terms = self.object_list = in_name_order(self.object_list, "term")
        sections = {}
        for term in terms:
            sections.setdefault(term.initial, []).append(term)
        return super().get_context_data(
            sections=sorted(sections.items(), key=lambda item: (item[0] != "#", item[0])),
            letters=["#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
            breadcrumbs=[home_crumb(), (_("Glossary"), reverse("articles:glossary"))],
            **kwargs,
        )

    def get_page_meta(self, context):
        description = _(
            "Plain-language definitions of the research and clinical terms used in our "
            "summaries, A to Z."
        )
        return page_meta(
            clinic_profile(), title=_("Glossary of research terms"), description=description
        )

    def get_page_node(self, context):
        terms = glossary_data(context["terms"])
        page = web_page(
            "WebPage",
            url=self.page_url(),
            name=_("Glossary of research terms"),
            description=context["page_meta"].description,
            mainEntity=ref(terms["@id"]),
        )
        return page, terms
