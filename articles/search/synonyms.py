"""Patients' words and the literature's, searched as one: the lists, read per query.

Synonym groups (`SynonymGroup`) work both ways: "PTSD" finds "post-traumatic stress disorder"
and back. Narrower terms (`NarrowerTerm`) work one way: "nightmares" also finds what it belongs
to (PTSD, and PTSD's synonyms), never the reverse. Both live in the database (edited in the
admin), so a change applies to the next search on either database without reindexing anything:
the lists are cached for every search and forgotten whenever an editor saves or deletes an entry.
"""

import uuid
from functools import partial

from django.core.cache import cache
from django.db import transaction

from articles.words import MAX_TERM_WORDS, split_terms
from articles.words import words_of as _words_of
from clinic.domain.languages import active_language, site_languages

from . import french


def _key(words, in_french=False):
    """Match regardless of a plural -s and accents ("panic attacks" finds the group of "panic
    attack", "therapies" that of "thérapie"), and in French of elisions ("trouble d'anxiété"
    finds that of "trouble anxiété")."""
    words = [french.fold(word) for word in words]
    if in_french:
        words = [word for word in words if word not in french.ELISIONS] or words
    return tuple(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                 else word for word in words)  # fmt: skip


class Thesaurus:
    """Synonym groups, each a list of terms, and narrower terms, each a term and the terms it
    belongs to, in one language; `match` finds the longest term of either at a token."""

    def __init__(self, groups, narrower=(), language=None):
        def words_of(text):
            return _words_of(text, language)

        self._key = partial(_key, in_french=language == french.FRENCH)

        self._groups = {}
        self._broader = {}
        self.labels = {}  # a broader term's words: as the list spells it ("PTSD"), for display
        self.words = set()  # every word of every term: known words, never "misspelt"
        self.longest = 1
        for terms in groups:
            phrases = [tuple(words_of(term)) for term in terms]
            phrases = [phrase for phrase in dict.fromkeys(phrases) if phrase]
            if len(phrases) < 2:
                continue
            self.words.update(word for phrase in phrases for word in phrase)
            for phrase in phrases:
                self._groups.setdefault(self._key(phrase), []).extend(
                    other for other in phrases if other != phrase
                )
                self.longest = max(self.longest, min(len(phrase), MAX_TERM_WORDS))
        for term, broader in narrower:
            phrase = tuple(words_of(term))
            wider = [other for other in map(tuple, map(words_of, broader)) if other]
            for label in broader:
                self.labels.setdefault(tuple(words_of(label)), label.strip())
            if not phrase or not wider:
                continue
            self.words.update(phrase)
            self.words.update(word for other in wider for word in other)
            self._broader.setdefault(self._key(phrase), []).extend(
                other for other in wider if other != phrase
            )
            self.longest = max(self.longest, min(len(phrase), MAX_TERM_WORDS))

    def __len__(self):
        return len(self._groups)

    def synonyms(self, words):
        """The other terms of every group `words` belongs to, as word tuples."""
        return list(dict.fromkeys(self._groups.get(self._key(tuple(words)), [])))

    def broader(self, words):
        """What `words` (or any synonym of it) belongs to, with the synonyms of that, in order:
        (the terms named in the narrower list, every term that widens the search)."""
        words = tuple(words)
        own = [words, *self.synonyms(words)]
        named = list(dict.fromkeys(
            wider for phrase in own for wider in self._broader.get(self._key(phrase), [])
        ))  # fmt: skip
        widening = [*named, *(other for wider in named for other in self.synonyms(wider))]
        keys = set(map(self._key, own))
        widening = [phrase for phrase in dict.fromkeys(widening) if self._key(phrase) not in keys]
        return named, widening

    def match(self, tokens, start):
        """(tokens used, synonyms, broader terms named, widening alternatives) for the longest
        term of either list beginning at `start`.

        A term is a run of plain words or one quoted phrase; (0, (), (), ()) when nothing
        matches. Alternatives are tuples of phrases, as `Query` holds them.
        """
        first = tokens[start]
        for length in range(min(self.longest, len(tokens) - start), 0, -1):
            span = tokens[start : start + length]
            if any(token.is_or for token in span):
                continue
            if length > 1 and any(token.is_phrase or token.is_excluded for token in span):
                continue
            words = tuple(word for token in span for word in token.words)
            found = self.synonyms(words)
            named, widening = self.broader(words)
            if found or named:
                labels = tuple(self.labels.get(wider, " ".join(wider)) for wider in named)
                return (length, tuple((phrase,) for phrase in found), labels,
                        tuple((phrase,) for phrase in widening))  # fmt: skip
            if first.is_phrase:
                break
        return 0, (), (), ()


LISTS_KEY = "search:lists:v3:{language}"
CACHE_SECONDS = 60 * 60  # also bounds how long a change made without signals goes unseen
# The Thesaurus last built in this process for each language, with the version of the lists it
# was built from: building one from the lists took a third of a search's CPU.
_built = {}


def current_thesaurus():
    """The synonym list and the narrower terms of the page's language as they are now (cached;
    else two queries). French searches use the French rows, English ones the English.

    The lists are cached for every process with a version of their own (new whenever they are
    read from the database again); each process keeps the Thesaurus it built from the current
    version, which nothing changes once built."""
    from articles.models import NarrowerTerm, SynonymGroup

    language = active_language()
    key = LISTS_KEY.format(language=language)
    lists = cache.get(key)
    if lists is None:
        groups = SynonymGroup.objects.filter(language=language)
        narrower = NarrowerTerm.objects.filter(language=language)
        pairs = narrower.values_list("term", "broader")
        lists = (
            uuid.uuid4().hex,
            [split_terms(terms) for terms in groups.values_list("terms", flat=True)],
            [(term, split_terms(broader)) for term, broader in pairs],
        )
        cache.set(key, lists, timeout=CACHE_SECONDS)
    version, groups, narrower = lists
    built = _built.get(language)
    if built is None or built[0] != version:
        built = _built[language] = (version, Thesaurus(groups, narrower, language=language))
    return built[1]


def forget_lists(**kwargs):
    """Signal receiver: a synonym group or narrower term changed (now and on commit)."""
    keys = [LISTS_KEY.format(language=code) for code, _ in site_languages()]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
