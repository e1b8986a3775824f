"""Search over live articles: `search_articles()` is the one door.

One query language on both databases (`query`), patients' words widened with the editable
synonym list (`synonyms`), each database's own full-text engine behind it (`backends`;
PostgreSQL's weighted tsvector, SQLite's FTS5 in `sqlite_index`), spelling suggestions from
the library's own words (`suggestions`) and crisis help first (`crisis`).

When a query finds nothing and its correction finds something, the corrected results are
shown at once (`Search.corrected_from` names what was typed). When neither finds anything, the
words no article has are left out and the rest searched, as long as one remains and none of
them says "not" (`Search.missing` names them). `as_typed=True` does neither.

Results are ranked as the pages of results offer them: no further than `MAX_LIST_PAGES`
pages (240 results), as the lists of articles. The backend ranks the newest matches only, that
many and one more, so the count stops there too ("more than 240 results") and a search costs
the same whatever the size of the library; a query that matches more than that many articles
is better narrowed with another word than read 20 pages deep.

Snippets are plain text escaped here, with only <mark> around whole words added.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.utils.html import escape

from ..models import Article
from .backends import START, STOP, backend_for, direct_query
from .crisis import is_crisis_query
from .query import MAX_QUERY_LENGTH, Query, parse
from .suggestions import NEGATION_WORDS, corrections
from .synonyms import current_thesaurus

__all__ = ["MAX_QUERY_LENGTH", "Search", "search_articles", "highlight", "offered"]

WORD_SPLIT = re.compile(r"([^\W_]+)")  # words and what lies between them, to swap words whole
FEW_RESULTS = 3  # below this many, look for a better spelling


def offered():
    """How many results the pages of results offer, best first."""
    return settings.MAX_LIST_PAGES * settings.ARTICLES_PER_PAGE


def _best_first(candidates):
    """Ids of (id, rank, publish_at) rows: higher rank first, then newer, then higher id."""
    rows = sorted(candidates, key=lambda row: (row[1], row[2], row[0]), reverse=True)
    return [row[0] for row in rows]


def highlight(text, start=START, stop=STOP):
    """Escape `text`, then turn the hit markers into <mark> elements."""
    return escape(text).replace(start, "<mark>").replace(stop, "</mark>")


@dataclass
class Search:
    """One reader's search: the live articles found (best first) and the help around them."""

    text: str
    query: Query
    live: object = field(repr=False)  # the articles that may be found
    is_crisis: bool = False
    known_words: set = field(default_factory=set, repr=False)  # the synonym list's words
    corrected_from: str = ""  # what the reader typed, when these are the corrected results
    missing: list = field(default_factory=list)  # words left out to find anything at all
    only_broader: bool = False  # set by `ranked`: nothing matched the reader's own words
    corrected_search: object = field(default=None, repr=False)  # set by `suggestion`

    @property
    def articles(self):
        """Every live article that matches, unranked."""
        return backend_for(connection).matches(self.live, self.query)

    @cached_property
    def ranked(self):
        """The ids of the results, best first: as many as the pages offer, and one more if
        there are more. When narrower terms widened the query, the articles that match the
        reader's own words (or their synonyms) come first, then those found only through what
        the words belong to, each group by rank."""
        if self.query.is_empty:
            return []
        backend, limit = backend_for(connection), offered() + 1
        if not self.query.is_widened:
            return _best_first(backend.candidates(self.live, self.query, limit))
        direct = direct_query(self.query)
        own = _best_first(backend.candidates(self.live, direct, limit))
        if len(own) == limit:
            return own
        # Fewer than `limit` match the reader's own words, so `own` is all of them: what the
        # widened query finds besides them is found only through a broader term.
        mine = set(own)
        broader = [row for row in backend.candidates(self.live, self.query, limit)
                   if row[0] not in mine][: limit - len(own)]  # fmt: skip
        self.only_broader = not own and bool(broader)
        return own + _best_first(broader)

    @property
    def count(self):
        """How many articles match, counted no further than one past the results offered."""
        return len(self.ranked)

    @property
    def has_more(self):
        """More articles match than the pages of results offer."""
        return self.count > offered()

    @property
    def offered(self):
        return offered()

    @cached_property
    def suggestion(self):
        """A corrected query ("depression" for "depresion") that finds more, or ""."""
        if self.query.is_empty or self.count >= FEW_RESULTS or self.corrected_from or self.missing:
            return ""
        words = [word for word in self.query.words if word not in self.known_words]
        fixes = corrections(connection, words)  # in the reader's language
        if not fixes:
            return ""
        corrected = "".join(fixes.get(part.lower(), part) for part in WORD_SPLIT.split(self.text))
        self.corrected_search = _search(corrected)  # counted: kept to be shown without recounting
        return corrected if self.corrected_search.count > self.count else ""

    def page(self, number, per_page):
        """One page of results with snippets; Paginator's errors for a bad `number`."""
        page = Paginator(self.ranked[: offered()], per_page).page(number)
        page.object_list = self.add_snippets(self.cards(page.object_list))
        return page

    def cards(self, ids):
        """The live articles of these ids, in that order, with what a results card shows."""
        found = {article.pk: article for article in self.live.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def add_snippets(self, articles):
        """Give each article of a results page its `snippet` (safe HTML), and return them."""
        found = backend_for(connection).snippets(articles, self.query) if articles else {}
        for article in articles:
            text = found.get(article.pk)
            article.snippet = highlight(text) if text else escape(article.summary)
        return articles


def search_articles(text, as_typed=False):
    """Search the live articles for what a reader typed (see `articles.search.query`).

    When nothing matches and a corrected spelling does, the corrected search is returned, its
    `corrected_from` the text as typed; failing that, the search without the words no article
    has (`missing`). `as_typed` does neither.
    """
    found = _search(text)
    if as_typed or found.query.is_empty or found.count:
        return found
    if found.suggestion:
        corrected = found.corrected_search
        corrected.corrected_from = found.text
        corrected.is_crisis = corrected.is_crisis or found.is_crisis
        return corrected
    return _without_missing_words(found)


MAX_RELAXED_TERMS = 6  # longer queries are not taken apart term by term


def _without_missing_words(found):
    """`found` (which found nothing) without the terms no live article matches, if the rest
    finds something: "nightmares after a fire" finds PTSD articles, missing "fire"."""
    query = found.query
    if found.is_crisis or not 2 <= len(query.clauses) <= MAX_RELAXED_TERMS:
        return found  # someone who may be in danger gets help, not a near miss
    backend, live = backend_for(connection), Article.objects.published().for_cards()

    def narrowed(keep):
        return Query(text=query.text, excluded=query.excluded,
                     clauses=[query.clauses[i] for i in keep],
                     direct=[query.direct[i] for i in keep],
                     broader=query.broader)  # fmt: skip

    everything = range(len(query.clauses))
    kept = [i for i in everything if backend.matches(live, narrowed([i])).exists()]
    if not kept or len(kept) == len(query.clauses):
        return found  # no word matches, or each does but never all together
    relaxed = narrowed(kept)
    if not backend.matches(live, relaxed).exists():
        return found
    missing = [" ".join(word for phrase in query.direct[i][0] for word in phrase)
               for i in everything if i not in kept]  # fmt: skip
    if any(word in NEGATION_WORDS for term in missing for word in term.split()):
        return found  # "without medication" is not "medication"
    return Search(text=found.text, query=relaxed, live=live, is_crisis=found.is_crisis,
                  known_words=found.known_words, missing=missing)  # fmt: skip


def _search(text):
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    thesaurus = current_thesaurus()
    query = parse(text, thesaurus)
    live = Article.objects.published().for_cards()
    return Search(text=text, query=query, live=live, is_crisis=is_crisis_query(text),
                  known_words=thesaurus.words)  # fmt: skip
