"""Is the reader maybe in danger? Words about suicide, self-harm or crisis, as patients write them.

Deliberately generous: showing the crisis line to someone researching the topic costs nothing;
missing someone in distress could cost a great deal. Misspellings common on phones are included.
"""

import re

from articles.words import words_of

_PATTERNS = [
    r"su[ie]?[cs]id\w*",  # suicide, suicidal, sucide, suiside, suicde
    r"suicde\w*",
    r"kill(ing|ed)? (my ?self|me)",
    r"end(ing)? (it all|my life|things|everything)",
    r"take (my )?(own )?life",
    r"(want|wanna|wanting|wish) (to )?(be )?(die|dying|dead)",
    r"better off dead",
    r"no (reason|point) (to|in) (live|living|go on|going on)",
    r"(do not|don t|dont) want to (live|be alive|be here|wake up|exist)",
    r"self ?harm\w*",
    r"self ?injur\w*",
    r"(cut|cutting|hurt|hurting|harm|harming|burn|burning) (my ?self|me)",
    r"overdos\w*",
    r"crisis",
    r"crises",
    r"hopeless\w*",
    r"can ?t go on",
    r"give up on life",
    r"life (is )?not worth living",
]
_CRISIS = re.compile(r"\b(" + "|".join(_PATTERNS) + r")\b")


def is_crisis_query(text):
    """True when `text` reads like someone who may be thinking of suicide or self-harm."""
    return bool(_CRISIS.search(" ".join(words_of(text))))
