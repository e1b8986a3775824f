"""French words as search reads them: accents folded, stop words, elisions, Snowball stems.

PostgreSQL indexes and queries French articles with the `french_unaccent` configuration: each
word loses its accents (the `unaccent` dictionary), then goes to the Snowball French stemmer,
whose stop list (`french.stop`) it is checked against. Because the accents go first, only the
stop words written without accents stay stop words ("été", "même", "à" are searched as "ete",
"meme", "a"): `STOP_WORDS` lists exactly those, so both databases drop the same words.

SQLite has no French stemmer. Its French index (`articles.search.sqlite_index`) holds the words
as written, accents folded; a query word is widened there to every word of the index with the
same Snowball stem (`forms`), which is what PostgreSQL matches. `snowballstemmer` 2.2.0 is the
Snowball release PostgreSQL 15 ships: the two agree on each of the 340,000 words of Debian's
French word list (`wfrench`), accents folded.
"""

import unicodedata
from functools import lru_cache
from itertools import product

from snowballstemmer.french_stemmer import FrenchStemmer

FRENCH = "fr"

# PostgreSQL's french.stop, less its entries with accents (never matched after `unaccent`).
STOP_WORDS = frozenset(
    """au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes moi
    mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un
    une vos votre vous c d j l m n s t y suis es est sommes sont serai seras sera serons serez
    seront serais serait serions seriez seraient fus fut furent sois soit soyons soyez soient
    fusse fusses fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons
    avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais
    avait avions aviez avaient eut eurent aie aies ait ayons ayez aient eusse eusses eussions
    eussiez eussent""".split()
)
# What an apostrophe leaves before a word: "l'anxiété", "d'un", "j'ai", "qu'il", "jusqu'à".
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})
# Words that say "not": never corrected nor offered by the spelling suggestions.
NEGATIONS = frozenset({"ne", "n", "pas", "sans", "jamais", "aucun", "aucune", "rien", "non",
                       "ni", "nul", "nulle", "pu", "guere"})  # fmt: skip
# Letters that PostgreSQL's `unaccent` spells out and Unicode does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})

MAX_FORMS = 24  # the words of the index one query word is widened to, the commonest first
MAX_PHRASES = 64  # the phrases one quoted phrase becomes (every combination of its words' forms)


def fold(word):
    """`word` without accents, as `unaccent` and SQLite's `remove_diacritics 2` leave it."""
    decomposed = unicodedata.normalize("NFKD", word.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def is_stop_word(word):
    """A stop word of PostgreSQL's French configuration, or an elided "l'", "d'", "qu'"..."""
    bare = fold(word)
    return bare in STOP_WORDS or bare in ELISIONS


def without_elision(words):
    """A typed word's words without the elided article or pronoun in front ("l'anxiété" is
    "anxiété"; "trouble d'anxiété" keeps its "d'" inside a phrase)."""
    words = tuple(words)
    while len(words) > 1 and fold(words[0]) in ELISIONS:
        words = words[1:]
    return words


_stemmer = FrenchStemmer()


@lru_cache(maxsize=20_000)
def stem(word):
    """The Snowball French stem of `word`, accents folded first (as `french_unaccent` does)."""
    return _stemmer.stemWord(fold(word))


def _prefix(stemmed):
    """What every word with this stem begins with: the stem less its last two letters (the
    stemmer rewrites at most those: "authenticité" → "authentiqu"), at least two letters."""
    return stemmed[: max(len(stemmed) - 2, min(len(stemmed), 2))]


def _ranges(prefix):
    """[low, high) ranges of the index's words that may begin with `prefix`: SQLite keeps
    "œ" and "æ" as letters of their own, which `fold` spells out."""
    prefixes = {prefix, prefix.replace("oe", "œ"), prefix.replace("ae", "æ")}
    return [(start, start[:-1] + chr(ord(start[-1]) + 1)) for start in sorted(prefixes)]


RANGES_PER_QUERY = 200  # SQLite allows 500 SELECTs in one compound query


def forms(cursor, vocabulary, words):
    """{word: the words of `vocabulary` (an fts5vocab table) that share its stem, commonest
    first}, in one query (more only for hundreds of words). A word the index does not have
    keeps itself (it matches nothing)."""
    words = list(dict.fromkeys(words))
    ranges = list(dict.fromkeys(r for word in words for r in _ranges(_prefix(stem(word)))))
    select = f"SELECT term, doc FROM {vocabulary} WHERE term >= %s AND term < %s"  # noqa: S608
    rows = set()
    for start in range(0, len(ranges), RANGES_PER_QUERY):
        batch = ranges[start : start + RANGES_PER_QUERY]
        cursor.execute(
            " UNION ALL ".join([select] * len(batch)), [bound for r in batch for bound in r]
        )
        rows.update(cursor.fetchall())
    by_stem = {}
    for term, _ in sorted(rows, key=lambda row: (-row[1], row[0])):
        by_stem.setdefault(stem(term), []).append(term)
    return {word: by_stem.get(stem(word), [fold(word)])[:MAX_FORMS] for word in words}


def phrases(words, found):
    """The phrases of the index's words that `words` (a phrase) stands for: every combination
    of each word's forms (`found`, from `forms`), the commonest first, at most `MAX_PHRASES`."""
    choices = [found.get(word, [fold(word)]) for word in words]
    combined = []
    for phrase in product(*choices):
        combined.append(phrase)
        if len(combined) == MAX_PHRASES:
            break
    return combined
