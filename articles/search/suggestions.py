"""“Did you mean …?”: the closest words the library actually uses, for words it does not.

PostgreSQL: pg_trgm's similarity over the spelling vocabulary (`SearchWord`: the distinct
unstemmed, unaccented words of the live articles in the reader's language, with how many use
each; `articles.search.vocabulary`), read through its trigram index, so a search costs the
same in a library of 100 articles or 20,000. SQLite: FTS5's vocabulary of the unstemmed word
index (`articles_article_vocabulary`), read by range: only the words that begin with the same
two letters, or those two swapped. Either way the candidates are then ranked by edit distance
(rapidfuzz), the more common word winning a tie; the caller offers the corrected query only
when it finds live articles, so a word used only in a draft never surfaces.

A suggestion never changes what the reader meant: stop words, negations and what contractions
leave ("can" of "cant") are never corrected nor suggested, and a word is never swapped for
itself with a negating prefix added or taken away ("atypical" is not "typical").
"""

from rapidfuzz.distance import DamerauLevenshtein

from articles.models import SearchWord, active_language
from articles.words import CONTRACTIONS, NEGATIONS

from .query import is_stop_word

MIN_LENGTH = 4  # shorter words (and abbreviations like "cbt") are left alone
VOCABULARY = SearchWord._meta.db_table


# Words that say "not" besides the stop words ("no", "not", "nor"...): never corrected or offered.
NEGATION_WORDS = NEGATIONS | {"cannot", "nobody", "nowhere", "unable", "lack", "lacking"}
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "a", "an", "anti")


def changes_meaning(word, term):
    """True when offering `term` for `word` could say something else: a stop word or a
    negation on either side, or the same word with a negating prefix added or removed."""
    if any(is_stop_word(w) or w in NEGATION_WORDS or w in CONTRACTIONS for w in (word, term)):
        return True
    return any(
        longer == prefix + shorter
        for longer, shorter in ((word, term), (term, word))
        for prefix in NEGATING_PREFIXES
    )


def max_distance(word):
    return 1 if len(word) <= 5 else 2


def _postgresql_candidates(cursor, word, language):
    """The vocabulary's 20 words most like `word` (trigram similarity over pg_trgm's
    threshold), the commoner first among equals."""
    cursor.execute(
        f"SELECT word, articles FROM {VOCABULARY} WHERE language = %s AND word %% %s "  # noqa: S608
        "ORDER BY similarity(word, %s) DESC, articles DESC, word LIMIT 20",
        [language, word, word],
    )
    return cursor.fetchall()


def _prefix_range(prefix):
    return [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]


def _sqlite_candidates(cursor, word):
    """The library's words that begin as `word` does (its first two letters, or those two
    swapped): the vocabulary is read by range, not whole, as counting each word's articles
    costs more the larger the library."""
    limit = max_distance(word)
    lengths = [len(word) - limit, len(word) + limit]
    starts = list(dict.fromkeys([word[:2], word[1] + word[0]]))
    select = (
        "SELECT term, doc FROM articles_article_vocabulary "
        "WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s"
    )
    cursor.execute(
        " UNION ALL ".join([select] * len(starts)),
        [value for start in starts for value in [*_prefix_range(start), *lengths]],
    )
    return cursor.fetchall()


def _known(cursor, connection, words, language):
    """The words (from `words`) that some article uses as they are."""
    marks = ", ".join(["%s"] * len(words))
    if connection.vendor == "postgresql":
        cursor.execute(
            f"SELECT word FROM {VOCABULARY} WHERE language = %s AND word IN ({marks})",  # noqa: S608
            [language, *words],
        )
    else:
        cursor.execute(
            f"SELECT term FROM articles_article_vocabulary WHERE term IN ({marks})",  # noqa: S608
            list(words),
        )
    return {row[0] for row in cursor.fetchall()}


def best_match(word, candidates):
    """The closest candidate within the edit distance allowed for `word`, or None."""
    limit = max_distance(word)
    scored = [
        (DamerauLevenshtein.distance(word, term, score_cutoff=limit), -count, term)
        for term, count in candidates
        if term != word and not term.isdigit() and not changes_meaning(word, term)
    ]
    scored = [entry for entry in scored if entry[0] <= limit]
    return min(scored)[2] if scored else None


def corrections(connection, words, language=None):
    """{misspelt word: suggested word} for the reader's words the library does not use, from
    the live articles in `language` (by default the reader's) on PostgreSQL."""
    words = [w for w in dict.fromkeys(words) if len(w) >= MIN_LENGTH and not is_stop_word(w)]
    words = [word for word in words if word not in NEGATION_WORDS]
    if not words:
        return {}
    language = language or active_language()
    found = {}
    with connection.cursor() as cursor:
        known = _known(cursor, connection, words, language)
        for word in words:
            if word in known:
                continue
            if connection.vendor == "postgresql":
                candidates = _postgresql_candidates(cursor, word, language)
            else:
                candidates = _sqlite_candidates(cursor, word)
            if better := best_match(word, candidates):
                found[word] = better
    return found
