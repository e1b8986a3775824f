"""Words as search sees them: shared by the search package and the synonym list's checks."""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")
MAX_TERM_WORDS = 6  # the longest synonym term, in words


def words_of(text):
    """Lowercased words of `text`, accents kept (each database folds them in its own way)."""
    return [word.lower() for word in WORD.findall(unicodedata.normalize("NFC", text))]


def split_terms(text):
    """The terms of one synonym group as typed in the admin: one a line, or comma-separated."""
    terms = (term.strip() for line in text.splitlines() for term in line.split(","))
    return [term for term in dict.fromkeys(terms) if term]
