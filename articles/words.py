"""Words as search sees them: shared by the search package and the synonym list's checks."""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")
MAX_TERM_WORDS = 6  # the longest synonym term, in words
# Marks typed for an apostrophe: the typographic one, a prime, a grave or acute accent, and the
# modifier letter apostrophe (a letter to the tokenisers, so "canʼt" would be one word).
APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u02b9\u2032`\u00b4", "'"))

# A contraction typed without its apostrophe is the same words as with it: "cant" is "can't",
# which both databases' tokenisers read as "can" and "t". Only forms that are not also ordinary
# words ("well", "ill", "its", "id", "hell", "were", "shed", "lets" are left alone).
CONTRACTIONS = {
    bare: tuple(parts.split())
    for bare, parts in {
        "cant": "can t", "cannot": "can not", "dont": "don t", "doesnt": "doesn t",
        "didnt": "didn t", "isnt": "isn t", "arent": "aren t", "wasnt": "wasn t",
        "werent": "weren t", "wont": "won t", "wouldnt": "wouldn t", "couldnt": "couldn t",
        "shouldnt": "shouldn t", "havent": "haven t", "hasnt": "hasn t", "hadnt": "hadn t",
        "mustnt": "mustn t", "neednt": "needn t", "mightnt": "mightn t", "aint": "ain t",
        "im": "i m", "ive": "i ve", "youre": "you re", "youve": "you ve", "youll": "you ll",
        "theyre": "they re", "theyve": "they ve", "theyll": "they ll", "weve": "we ve",
        "thats": "that s", "whats": "what s", "theres": "there s", "hes": "he s",
        "shes": "she s", "wouldve": "would ve", "couldve": "could ve", "shouldve": "should ve",
    }.items()
}  # fmt: skip
# What a contraction leaves besides ordinary words: too common to search for, like stop words.
CONTRACTION_PARTS = frozenset({"t", "s", "m", "ve", "re", "ll"} | {
    parts[0] for parts in CONTRACTIONS.values() if parts[-1] == "t"
})  # fmt: skip
NEGATIONS = frozenset({"no", "not", "nor", "never", "none", "neither", "nothing", "without", "t"})
# Abbreviations in capitals that read like a contraction in lower case: "IM" is intramuscular.
KEEP_IN_CAPITALS = frozenset({"IM"})


def words_of(text, language=None):
    """Lowercased words of `text`, accents kept (each database folds them in its own way).

    In English (the default), a contraction is split as the tokenisers split it, with or
    without its apostrophe: "can't", "can’t" and "cant" are all ("can", "t"). Other languages
    split at the apostrophe only ("l'anxiété" is "l", "anxiété"; "dont" stays "dont").
    """
    contractions = CONTRACTIONS if language in (None, "en") else {}
    words = []
    for word in WORD.findall(unicodedata.normalize("NFC", text.translate(APOSTROPHES))):
        lower = word.lower()
        if lower in contractions and word not in KEEP_IN_CAPITALS:
            words.extend(contractions[lower])
        else:
            words.append(lower)
    return words


def is_negation(words):
    """True when `words` (as `words_of` gives them) say "not": "no", "never", "don't"..."""
    return any(word in NEGATIONS for word in words)


def split_terms(text):
    """The terms of one synonym group as typed in the admin: one a line, or comma-separated."""
    terms = (term.strip() for line in text.splitlines() for term in line.split(","))
    return [term for term in dict.fromkeys(terms) if term]
