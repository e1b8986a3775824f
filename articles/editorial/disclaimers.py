"""What a disclaimer must say, and bringing articles up to date with the clinic's default.

A disclaimer must say four things (`DISCLAIMER_POINTS`): that the summary is for education
only, that it is not medical advice, to talk to one's own clinician, and what to do in an
emergency. One that misses any of them stops publishing (`missing_disclaimer_points`); the
database only insists that it is not blank.

When a superuser changes the default, articles whose disclaimer is still the previous
default (ignoring spacing differences) can take the new one, one revision each
(`articles.services.apply_default_disclaimer`). Articles with their own wording are never
touched.
"""

import re

from articles.models import Article

# (what it must say, words that say it): matched anywhere in the disclaimer, ignoring case.
DISCLAIMER_POINTS = [
    (
        "that the summary is for education only",
        r"\beducation(?:al)?\b|\binformation(?:al)?(?: purposes)? only\b|"
        r"\bgeneral information\b",
    ),
    (
        "that it is not medical advice",
        r"\b(?:not|never|no)\b[\w\s,-]{0,30}\b(?:medical|professional|health|clinical) advice\b|"
        r"\b(?:does not|doesn't|cannot|can't|is not|isn't) (?:replace|a substitute for)\b",
    ),
    (
        "to talk to your own clinician",
        r"\b(?:talk|talking|speak|speaking|consult|consulting|ask|asking|check|conversation|"
        r"discuss)\b[\w\s,-]{0,40}\b(?:doctors?|clinicians?|physicians?|care team|prescribers?|"
        r"psychiatrists?|nurse practitioners?|health ?care (?:providers?|professionals?|team)|"
        r"health professionals?)\b",
    ),
    (
        "what to do in an emergency",
        r"\bemergenc(?:y|ies)\b|\bin crisis\b|\b(?:911|988|999|112|000)\b",
    ),
]
# The same four points said in French (a translation's disclaimer is checked in its language).
FRENCH_DISCLAIMER_POINTS = [
    r"\b(?:éducati(?:f|ve|on)|information(?:s)? générale|à titre (?:informatif|d['’]information)|"
    r"fins? (?:éducatives?|d['’]information|informatives?)|à (?:vous )?informer\b)",
    r"\b(?:ne|n['’])\s*(?:\w+\s+){0,3}(?:pas|jamais)\b[\w\s,'’-]{0,30}\b(?:avis|conseils?)\b|"
    r"\bne (?:remplace|remplacent|se substitue) (?:pas|jamais)\b|"
    r"\b(?:pas|aucun) (?:un |d['’]|de )?(?:avis|conseils?) (?:médica|professionn)",
    r"\b(?:parle[rz]?|parlez-en|consulte[rz]?|demande[rz]?|discute[rz]?|voye[z]|voir|"
    r"adresse[rz]-vous)\b[\w\s,'’-]{0,40}\b(?:médecins?|cliniciens?|cliniciennes?|"
    r"professionnel(?:le)?s? de (?:la )?santé|équipe (?:soignante|de soins)|psychiatres?|"
    r"infirmières? praticiennes?|prescripteurs?|soignants?)\b",
    r"\burgences?\b|\ben crise\b|\b(?:911|988|999|112|000)\b",
]
_POINT_PATTERNS = {
    "en": [(point, re.compile(words, re.IGNORECASE)) for point, words in DISCLAIMER_POINTS],
    "fr": [
        (point, re.compile(words, re.IGNORECASE))
        for (point, _), words in zip(DISCLAIMER_POINTS, FRENCH_DISCLAIMER_POINTS, strict=True)
    ],
}


def same_text(first, second):
    """Equal once runs of spaces and line breaks are made one space."""
    return " ".join((first or "").split()) == " ".join((second or "").split())


def missing_disclaimer_points(text, language="en"):
    """What of `DISCLAIMER_POINTS` the disclaimer `text` (in `language`: English or French;
    another is checked as English) does not say, in their order."""
    text = " ".join((text or "").split())
    patterns = _POINT_PATTERNS.get(language, _POINT_PATTERNS["en"])
    return [point for point, pattern in patterns if not pattern.search(text)]


def articles_with_disclaimer(text):
    """Articles (any status) whose disclaimer is `text`, give or take whitespace."""
    if not (text or "").strip():
        return []
    words = (text or "").split()
    # The database narrows by the first and last words; Python compares the whole text.
    candidates = Article.objects.filter(
        disclaimer__contains=words[0], disclaimer__endswith=words[-1]
    ).order_by("title")
    return [article for article in candidates if same_text(article.disclaimer, text)]
