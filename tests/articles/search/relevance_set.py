"""The relevance set: what patients type, and the demo articles a good search puts first.

Used by `test_relevance.py` (floors on both databases) and `make bench` (the numbers).
A typo counts as found when the page shows the corrected results at once, or offers “Did you
mean …?” and that one tap finds it.
"""

REVIEW = "ketamine-and-psychotherapy-for-ptsd-2023-review"
INFUSIONS = "repeated-ketamine-infusions-for-chronic-ptsd"
SPRAY = "esketamine-nasal-spray-for-treatment-resistant-depression"
TALK = "cognitive-processing-therapy-and-prolonged-exposure-for-ptsd"
ONLINE = "guided-online-cbt-compared-with-face-to-face-therapy"
PTSD = {REVIEW, INFUSIONS, TALK}

RELEVANCE = [
    ("ketamine for PTSD", {REVIEW, INFUSIONS}),
    ("ketamine and talk therapy", {REVIEW}),
    ("ketamine assisted psychotherapy", {REVIEW}),
    ("KAP", {REVIEW}),
    ("ketamine infusions", {INFUSIONS}),
    ("ketamine drip for trauma", {INFUSIONS}),
    ("midazolam", {INFUSIONS}),
    ("veterans with PTSD", {INFUSIONS}),
    ("Miriam Okafor", {INFUSIONS}),
    ("what is CAPS-5", {REVIEW, INFUSIONS}),
    ("PCL-5", {REVIEW}),
    ("review of ketamine studies", {REVIEW}),
    ("Journal of Clinical Psychiatry", {REVIEW}),
    ("nasal spray for depression", {SPRAY}),
    ("Spravato", {SPRAY}),
    ("esketamine", {SPRAY}),
    ("hard to treat depression", {SPRAY}),
    ("TRD", {SPRAY}),
    ("MADRS", {SPRAY}),
    ("ketamine side effects", {SPRAY, INFUSIONS}),
    ("feeling detached", {SPRAY}),
    ("prolonged exposure", {TALK}),
    ("exposure therapy", {TALK}),
    ("cognitive processing therapy", {TALK}),
    ("therapy after rape", {TALK}),
    ("sexual assault", {TALK}),
    ("PTSD talk therapy", {TALK, REVIEW}),
    ("post traumatic stress disorder treatment", {REVIEW, INFUSIONS, TALK}),
    ("online CBT", {ONLINE}),
    ("internet therapy", {ONLINE}),
    ("face to face therapy", {ONLINE}),
    ("cognitive behavioral therapy", {ONLINE}),
    ("CBT for anxiety", {ONLINE}),
    ("ketamine OR CBT", {REVIEW, INFUSIONS, SPRAY, ONLINE}),
    ("PTSD -ketamine", {TALK}),
    ("ketamin", {REVIEW, INFUSIONS, SPRAY}),
    ("depresion", {SPRAY, ONLINE}),
    ("psychoterapy", {REVIEW, TALK, ONLINE}),
    # Patients' own words: contractions, symptoms for their conditions, brand and generic names.
    ("cant sleep", {REVIEW}),
    ("can’t sleep", {REVIEW}),
    ("ptsd theraphy", {TALK, REVIEW}),
    ("nightmares", PTSD),
    ("flashbacks", PTSD),
    ("nightmares after car accident", PTSD),
    ("Zoloft", {SPRAY}),
    ("sertraline", {SPRAY}),
]


def ranked_slugs(text):
    """Slugs of what a reader sees first for `text` (after one tap on a suggestion, if any)."""
    from articles.search import search_articles

    found = search_articles(text)
    if not found.count and found.suggestion:
        found = search_articles(found.suggestion)
    return [article.slug for article in found.cards(found.ranked[:10])]


def measure(cases=RELEVANCE):
    """(recall at 3, mean reciprocal rank, {query: ranked slugs}) over the relevance set."""
    recalls, reciprocal_ranks, seen = [], [], {}
    for text, expected in cases:
        slugs = seen[text] = ranked_slugs(text)
        recalls.append(len(expected & set(slugs[:3])) / min(len(expected), 3))
        rank = next((n for n, slug in enumerate(slugs, 1) if slug in expected), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
    return sum(recalls) / len(recalls), sum(reciprocal_ranks) / len(reciprocal_ranks), seen
