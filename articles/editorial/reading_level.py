"""How hard an article is to read, as a school grade, with a formula made for its language.

English text is measured with Flesch-Kincaid, which gives a US school grade. French text
with Kandel and Moles' adaptation of Flesch's reading ease (207 − 1.015 × words per sentence
− 73.6 × syllables per word, syllables counted with French hyphenation rules), turned into a
grade with Flesch's own table (ease 90 ≈ grade 5, 70 ≈ grade 7, 50 ≈ grade 12, 30 and below
≈ university), so one limit in the clinic's settings holds for both languages. A language
without a formula of its own is measured as English.
"""

import re

import textstat
from textstat.textstat import textstatistics

SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)»]*$")

# Reading ease → school grade, from Flesch's table; straight lines between the points.
EASE_TO_GRADE = [(100, 4.0), (90, 5.0), (80, 6.0), (70, 7.0), (60, 9.0), (50, 12.0), (30, 16.0),
                 (0, 18.0)]  # fmt: skip
FORMULA_NAMES = {"en": "Flesch-Kincaid", "fr": "Kandel-Moles"}


def _french():
    # An instance of its own: textstat's module-wide language is shared by every thread.
    statistics = textstatistics()
    statistics.set_lang("fr")
    return statistics


_FRENCH = _french()


def grade_from_ease(ease):
    """The school grade Flesch's table gives a reading ease (any language's adaptation)."""
    if ease >= EASE_TO_GRADE[0][0]:
        return EASE_TO_GRADE[0][1]
    for (high, easier), (low, harder) in zip(EASE_TO_GRADE, EASE_TO_GRADE[1:], strict=False):
        if ease >= low:
            return harder + (easier - harder) * (ease - low) / (high - low)
    return EASE_TO_GRADE[-1][1]


def formula_name(language):
    return FORMULA_NAMES.get(language, FORMULA_NAMES["en"])


def text_grade(text, language="en"):
    """The school grade of `text` (sentences ending in punctuation) in `language`."""
    if not text.strip():
        return 0
    if language == "fr":
        return grade_from_ease(_FRENCH.flesch_reading_ease(text))
    return textstat.flesch_kincaid_grade(text)


def reading_grade(blocks, language="en"):
    """The school grade of the body's paragraphs and list items (0 if empty)."""
    sentences = []
    for block in blocks:
        if block.kind in {"paragraph", "list item"} and block.text:
            end = "" if SENTENCE_END.search(block.text) else "."
            sentences.append(block.text + end)
    return text_grade(" ".join(sentences), language)


def reading_warnings(blocks, limit, language="en"):
    # Rounded as shown, so the message never says “grade 9.0, above the limit of 9”.
    grade = round(reading_grade(blocks, language), 1)
    if grade <= limit:
        return []
    message = (
        f"Reading level: grade {grade:.1f}, above the clinic's limit of grade {limit} "
        f"({formula_name(language)}). Shorter sentences and everyday words bring it down."
    )
    hardest = max(blocks, key=lambda block: reading_grade([block], language))
    if reading_grade([hardest], language) > limit:
        message += f" Start with {hardest.where[len('Body, ') :]}."
    return [message]
