"""The answer first: an article's body cut into what a reader needs at once and the rest.

The lead is the body's “Key findings” section (in French, « Principaux résultats »); the
introduction before it moves into the rest, under a “Background” heading in the page's
language, so a phone shows the findings within the first screen
and a half. A body without such a heading leads with its introduction (up to its first
heading). The article page shows the lead under the headline and the study card after it.
Cuts are made on the sanitised HTML at top-level `<h2>`s, so every part stays well formed.
"""

import re

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

# Headings that name the findings, as editors write them, in English and in French.
FINDINGS_HEADING = re.compile(
    r"^\s*(?:the\s+)?(?:key|main)\s+(?:findings|results)|^\s*what\s+(?:the\s+)?(?:study|"
    r"review|trial|researchers)\s+found|"
    r"^\s*(?:les\s+)?(?:principaux|grands)\s+(?:résultats|constats)|"
    r"^\s*(?:résultats|constats)\s+(?:clés|principaux)|"
    r"^\s*ce\s+qu(?:e\s+|['’])(?:l['’]|les\s+|la\s+)?(?:étude|revue|essai|chercheu(?:r|se)s?)"
    r"\s+(?:a|ont)\s+(?:trouvé|montré)",
    re.IGNORECASE,
)
H2 = re.compile(r"<h2[\s>].*?</h2>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _background():
    return f"<h2>{gettext('Background')}</h2>\n"


def split_lead(html):
    """(lead, rest) of the body's HTML, both marked safe; either may be ""."""
    headings = list(H2.finditer(html))
    for index, heading in enumerate(headings):
        if FINDINGS_HEADING.search(TAG.sub("", heading.group())):
            start = heading.start()
            later = headings[index + 1 : index + 2]
            end = later[0].start() if later else len(html)
            intro = html[:start]
            if TAG.sub("", intro).strip():
                intro = _background() + intro
            lead, rest = html[start:end], intro + html[end:]
            break
    else:
        cut = headings[0].start() if headings else len(html)
        lead, rest = html[:cut], html[cut:]
    # The body was sanitised on save; cutting at a heading's start keeps every part whole.
    return mark_safe(lead), mark_safe(rest)  # noqa: S308
