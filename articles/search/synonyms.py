"""Patients' words and the literature's, searched as one: the synonym list, read per query.

The list lives in the database (`SynonymGroup`, edited in the admin), so a change applies to
the next search on either database without reindexing anything.
"""

from articles.words import MAX_TERM_WORDS, split_terms, words_of


def _key(words):
    """Match regardless of a plural -s: "panic attacks" finds the group of "panic attack"."""
    return tuple(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                 else word for word in words)  # fmt: skip


class Thesaurus:
    """Synonym groups, each a list of terms; `match` finds the longest term at a token."""

    def __init__(self, groups):
        self._groups = {}
        self.words = set()  # every word of every term: known words, never "misspelt"
        self.longest = 1
        for terms in groups:
            phrases = [tuple(words_of(term)) for term in terms]
            phrases = [phrase for phrase in dict.fromkeys(phrases) if phrase]
            if len(phrases) < 2:
                continue
            self.words.update(word for phrase in phrases for word in phrase)
            for phrase in phrases:
                self._groups.setdefault(_key(phrase), []).extend(
                    other for other in phrases if other != phrase
                )
                self.longest = max(self.longest, min(len(phrase), MAX_TERM_WORDS))

    def __len__(self):
        return len(self._groups)

    def synonyms(self, words):
        """The other terms of every group `words` belongs to, as word tuples."""
        return list(dict.fromkeys(self._groups.get(_key(tuple(words)), [])))

    def match(self, tokens, start):
        """(tokens used, alternatives) for the longest synonym term beginning at `start`.

        A term is a run of plain words or one quoted phrase; (0, ()) when nothing matches.
        """
        first = tokens[start]
        for length in range(min(self.longest, len(tokens) - start), 0, -1):
            span = tokens[start : start + length]
            if any(token.is_or for token in span):
                continue
            if length > 1 and any(token.is_phrase or token.is_excluded for token in span):
                continue
            words = tuple(word for token in span for word in token.words)
            if found := self.synonyms(words):
                return length, tuple((phrase,) for phrase in found)
            if first.is_phrase:
                break
        return 0, ()


def current_thesaurus():
    """The synonym list as it is now (one small query)."""
    from articles.models import SynonymGroup

    return Thesaurus(
        split_terms(terms) for terms in SynonymGroup.objects.values_list("terms", flat=True)
    )
