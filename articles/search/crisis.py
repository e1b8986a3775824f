"""Is the reader maybe in danger? Words about suicide, self-harm or crisis, as patients write them.

Deliberately generous: showing the crisis line to someone researching the topic costs nothing;
missing someone in distress could cost a great deal. Misspellings common on phones are included.
Both lists are read on every page: a French speaker may search the English pages, and the
other way round; the crisis line is shown in the page's language.
"""

import re

from articles.words import words_of

from .french import FRENCH, fold

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
# French, as written in Quebec and Ontario, read without accents or apostrophes ("j'veux" is
# "j veux", "m'enlever" is "m enlever"); "suicide", "suicidaire", "se suicider" and
# "overdose" are matched by the English patterns above.
_FRENCH_PATTERNS = [
    r"(me|m|se|s|te|t) (tuer|tue|pendre|mutiler|scarifier|jeter (en bas|sous|devant))",
    r"(me|m|se|s) (enlever|oter|prendre) (la|ma|sa) vie",
    r"mettre fin (a|aux) (mes|ses|tes|ma|sa|ta|mon|son|ton) (jours|vie|souffrances?)",
    r"en finir( avec (la|ma) vie| pour de bon)?",
    r"(veux|veut|voudrais|voulais|vouloir|envie de|souhaite|aimerais) (juste )?"
    r"(mourir|etre mort|etre morte|disparaitre|plus vivre|pu vivre|plus exister)",
    r"(plus|pu|pas|aucune|aucun) (le gout|envie|de raison|raison|d espoir|espoir) (de|d)? ?"
    r"(vivre|continuer|exister|me reveiller)",
    r"(veux|veut|voudrais) (plus|pu|pas) (vivre|me reveiller|exister|etre la)",
    r"(serais|serait|serions|serai|etre) mieux (mort|morte|morts|mortes)",
    r"(la )?vie (ne )?(vaut|valait) (plus|pu|pas|rien)",
    r"auto ?mutil\w*",
    r"auto ?destruct\w*",
    r"scarification\w*",
    r"(me|m|se|s) (faire|fais|fait) (du )?mal",
    r"(me|m|se|s) (blesser|blesse|couper|coupe|bruler|brule)",
    r"surdos\w*",
    r"en crise",
    r"(ligne|centre|intervention|situation|cellule) de crise",
    r"desesp[eo]\w*",
    r"en peux (plus|pu)",  # "j'en peux plus", not "je peux plus dormir"
    r"peux (plus|pu) (continuer|tenir|vivre)",
    r"(tenir|continuer) (plus|pu)",
]
_CRISIS = re.compile(r"\b(" + "|".join(_PATTERNS) + r")\b")
_FRENCH_CRISIS = re.compile(r"\b(" + "|".join(_FRENCH_PATTERNS) + r")\b")


def is_crisis_query(text):
    """True when `text` reads like someone who may be thinking of suicide or self-harm, in
    English or in French, whichever page it is typed on."""
    if _CRISIS.search(" ".join(words_of(text))):
        return True
    return bool(_FRENCH_CRISIS.search(" ".join(map(fold, words_of(text, FRENCH)))))
