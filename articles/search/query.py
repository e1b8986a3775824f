"""The query language patients type, parsed once for both databases.

    anxiety sleep          every word must match (stop words such as "what", "is" are ignored)
    "prolonged exposure"   an exact phrase
    -ketamine              leave out articles that match
    ketamine OR CBT        either one (also "or"; binds tighter than the implied AND)

A parsed `Query` is a conjunction of clauses; a clause is a tuple of alternatives (any may
match); an alternative is a tuple of phrases (all must match); a phrase is a tuple of words
(one word is a phrase of one). Synonyms widen a term with more alternatives
(`articles.search.synonyms`). Words are lowercased runs of letters and digits, so "CAPS-5" is
the phrase "caps 5", as both databases' tokenisers see it; a contraction is its words with or
without the apostrophe ("cant", "can't" and "can’t" are "can t": `articles.words`).

A query is read in the search page's language: its stop words (English, or French:
`articles.search.french`), and in French without English contractions and without the elided
"l'", "d'", "qu'"... in front of a word ("l'anxiété" is "anxiété").
"""

import re
import unicodedata
from dataclasses import dataclass, field

from articles.words import CONTRACTION_PARTS, words_of
from clinic.domain.languages import active_language

from . import french

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')

# PostgreSQL's English stop words (snowball english.stop), so that both databases drop the same.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now""".split()
)


def is_stop_word(word, language=None):
    """A stop word of `language` (by default the page's) or what a contraction leaves
    ("doesn" of "doesn't", "l" of "l'anxiété"), accents aside ("á" is "a" to SQLite's
    tokeniser)."""
    if (language or active_language()) == french.FRENCH:
        return french.is_stop_word(word)
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare in STOP_WORDS or bare in CONTRACTION_PARTS


@dataclass(frozen=True)
class Token:
    """One thing typed: a word (hyphenated: several words), a quoted phrase, or OR."""

    words: tuple = ()
    is_phrase: bool = False
    is_excluded: bool = False
    is_or: bool = False
    language: str = "en"

    @property
    def phrase(self):
        """The words to match as a phrase; () when only stop words (then it is ignored)."""
        if all(is_stop_word(word, self.language) for word in self.words):
            return ()
        return self.words


@dataclass(frozen=True)
class Term:
    """What the reader meant by one or more tokens: alternatives[0] is their own words.

    `direct` is their words and synonyms; `alternatives` adds what they belong to (narrower
    terms: "nightmares" also matches PTSD), named in `broader` as the list spells them.
    """

    alternatives: tuple
    is_excluded: bool = False
    direct: tuple = ()
    broader: tuple = ()


@dataclass
class Query:
    """`clauses` must all match; none of `excluded` may. Each is a tuple of alternatives.

    `direct` holds the same clauses without what narrower terms widen them with: an article
    that matches it ranks above one found only through a broader term. `broader` names those
    broader terms ("PTSD" for "nightmares").
    """

    text: str
    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    direct: list = field(default_factory=list)
    broader: list = field(default_factory=list)
    language: str = "en"  # the search page's: stop words, stemming, synonyms
    # The index's words each query word stands for (SQLite, French), looked up once for the
    # words of the whole query (`parsed_words`) and shared by the queries narrowed from it.
    forms: dict = field(default_factory=dict, repr=False, compare=False)
    parsed_words: frozenset = field(default=frozenset(), repr=False, compare=False)

    def narrowed(self, clauses, direct, broader=()):
        """The same query (text, exclusions, language) with other clauses."""
        return Query(text=self.text, clauses=clauses, excluded=self.excluded, direct=direct,
                     broader=list(broader), language=self.language, forms=self.forms,
                     parsed_words=self.parsed_words)  # fmt: skip

    @property
    def every_word(self):
        """Every word of every phrase the query (or the one it was narrowed from) searches."""
        own = {word for clauses in (self.clauses, self.excluded) for alternatives in clauses
               for phrases in alternatives for phrase in phrases for word in phrase}  # fmt: skip
        return own | self.parsed_words

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def is_widened(self):
        return self.direct != self.clauses

    @property
    def words(self):
        """The words the reader asked for (not synonyms, not exclusions), in order."""
        return [word for clause in self.clauses for phrase in clause[0] for word in phrase]


def tokenize(text, language="en"):
    """The query's tokens in order; OR (any case) is an operator token."""
    tokens = []

    def words_in(typed):
        words = tuple(words_of(typed, language))
        return french.without_elision(words) if language == french.FRENCH else words

    for match in _TOKEN.finditer(text[:MAX_QUERY_LENGTH]):
        phrase_minus, phrase, word_minus, word = match.groups()
        if phrase is not None:
            if words := words_in(phrase):
                tokens.append(Token(words, is_phrase=True, is_excluded=bool(phrase_minus),
                                    language=language))  # fmt: skip
        elif word.lower() == "or" and not word_minus:
            tokens.append(Token(is_or=True, language=language))
        elif words := words_in(word):
            tokens.append(Token(words, is_excluded=bool(word_minus), language=language))
    return tokens


def terms_of(tokens, thesaurus=None):
    """Tokens to terms, a run of tokens that names a synonym becoming one term, with OR kept."""
    items, index = [], 0
    while index < len(tokens):
        token = tokens[index]
        if token.is_or:
            items.append(token)
            index += 1
            continue
        length, synonyms, broader, widening = (
            thesaurus.match(tokens, index) if thesaurus else (0, (), (), ())
        )
        span = tokens[index : index + max(length, 1)]
        own = tuple(phrase for phrase in (t.phrase for t in span) if phrase)
        direct = tuple(dict.fromkeys(alt for alt in (own, *synonyms) if alt))
        if token.is_excluded:  # leaving out "nightmares" does not leave out all of PTSD
            widening, broader = (), ()
        alternatives = tuple(dict.fromkeys((*direct, *widening)))
        if alternatives:
            items.append(Term(alternatives, token.is_excluded, direct or alternatives, broader))
        index += len(span)
    return items


def parse(text, thesaurus=None, language=None):
    """The `Query` for what the reader typed, in `language` (by default the page's), with
    synonyms from `thesaurus` if given."""
    language = language or active_language()
    query = Query(text=text, language=language)
    joining = False
    for item in terms_of(tokenize(text, language), thesaurus):
        if isinstance(item, Token):  # OR: join the next term to the previous clause
            joining = bool(query.clauses)
        elif item.is_excluded:
            query.excluded.append(item.alternatives)
            joining = False
        elif joining:
            query.clauses[-1] += item.alternatives
            query.direct[-1] += item.direct
            query.broader.extend(item.broader)
            joining = False
        else:
            query.clauses.append(item.alternatives)
            query.direct.append(item.direct)
            query.broader.extend(item.broader)
    query.clauses = query.clauses[:MAX_TERMS]
    query.direct = query.direct[:MAX_TERMS]
    query.excluded = query.excluded[:MAX_TERMS]
    query.broader = list(dict.fromkeys(query.broader))
    query.parsed_words = frozenset(query.every_word)
    return query
