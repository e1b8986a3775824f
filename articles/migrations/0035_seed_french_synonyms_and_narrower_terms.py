"""The first French synonym groups and narrower terms: the words patients in Quebec and Ontario
use for what this clinic's articles discuss, and the Canadian brand names of their medicines.

French searches read only French rows, English searches only English ones. Editors change both
lists in the admin (Research library › Search synonym groups, Search narrower terms); this
seeds them once and leaves alone any term an editor has already listed in French.
"""

from django.db import migrations

FRENCH = "fr"
NOTE, MEDICINE_NOTE = "Liste de départ", "Noms génériques et de marque"

GROUPS = [
    # Problèmes de santé
    "TSPT, trouble de stress post-traumatique, état de stress post-traumatique, ESPT, "
    "stress post-traumatique, syndrome de stress post-traumatique",
    "traumatisme, trauma, traumatisme psychologique, blessure psychologique",
    "TSPT complexe, trauma complexe, traumatisme complexe",
    "dépression, trouble dépressif, dépression majeure, trouble dépressif majeur, "
    "dépression clinique",
    "dépression résistante, dépression résistante au traitement, dépression réfractaire, "
    "dépression difficile à traiter",
    "dépression post-partum, dépression postnatale, dépression périnatale",
    "trouble bipolaire, maladie bipolaire, maniaco-dépression",
    "anxiété, trouble anxieux, troubles anxieux",
    "TAG, trouble d'anxiété généralisée, anxiété généralisée",
    "trouble panique, trouble de panique",
    "crise de panique, attaque de panique, crise d'angoisse",
    "anxiété sociale, phobie sociale, trouble d'anxiété sociale",
    "TOC, trouble obsessionnel-compulsif, trouble obsessionnel compulsif",
    "TDAH, trouble déficitaire de l'attention, déficit d'attention",
    "insomnie, troubles du sommeil, trouble du sommeil, difficultés de sommeil",
    "cauchemars, mauvais rêves, terreurs nocturnes",
    "flashbacks, reviviscences, souvenirs intrusifs",
    "dissociation, symptômes dissociatifs",
    "anhédonie, perte d'intérêt, perte de plaisir",
    "deuil, perte d'un proche",
    "épuisement professionnel, burnout, burn-out",
    "trouble d'usage de substances, dépendance, toxicomanie",
    "trouble d'usage d'alcool, alcoolisme, dépendance à l'alcool",
    # Crise
    "idées suicidaires, pensées suicidaires, idéation suicidaire, idées noires",
    "automutilation, autoblessure, blessures auto-infligées",
    # Traitements
    "thérapie cognitivo-comportementale, TCC, thérapie cognitive et comportementale",
    "EMDR, thérapie EMDR, retraitement par les mouvements oculaires",
    "exposition prolongée, thérapie d'exposition prolongée",
    "thérapie par traitement cognitif, thérapie du traitement cognitif, TTC",
    "psychothérapie, thérapie par la parole, thérapie verbale, counseling",
    "antidépresseur, antidépresseurs, médicament contre la dépression",
    "ISRS, inhibiteur sélectif du recaptage, antidépresseur ISRS",
    "pleine conscience, mindfulness, méditation de pleine conscience",
    "stimulation magnétique transcrânienne, SMT, SMTr, rTMS",
    "électroconvulsivothérapie, ECT, sismothérapie, électrochocs",
    "psilocybine, champignons magiques",
    "MDMA, ecstasy",
    "cannabis, marijuana, marihuana",
    # La recherche
    "essai contrôlé randomisé, essai randomisé, ECR, essai clinique randomisé",
    "méta-analyse, métaanalyse",
    "revue systématique, revue de la littérature",
    "effets secondaires, effets indésirables",
    "groupe témoin, groupe contrôle",
]

# Generic and brand names as Canadian patients know them (Cipralex, not Lexapro; Rivotril).
MEDICINES = [
    "sertraline, Zoloft",
    "fluoxétine, Prozac",
    "paroxétine, Paxil",
    "escitalopram, Cipralex",
    "citalopram, Celexa",
    "venlafaxine, Effexor, Effexor XR",
    "desvenlafaxine, Pristiq",
    "duloxétine, Cymbalta",
    "bupropion, Wellbutrin, Zyban",
    "mirtazapine, Remeron",
    "trazodone, Desyrel",
    "vortioxétine, Trintellix",
    "prazosine, Minipress",
    "quétiapine, Seroquel",
    "aripiprazole, Abilify",
    "lamotrigine, Lamictal",
    "lorazépam, Ativan",
    "alprazolam, Xanax",
    "clonazépam, Rivotril",
    "buspirone, BuSpar",
    "kétamine, Ketalar",
    "eskétamine, Spravato, eskétamine en vaporisateur nasal",
]

TSPT, TRAUMA, ANXIETE, DEPRESSION = "TSPT", "traumatisme", "anxiété", "dépression"
INSOMNIE, ANTIDEPRESSEUR, ISRS = "insomnie", "antidépresseur", "ISRS"

NARROWER = [
    # Symptômes du stress post-traumatique
    ("cauchemars", [TSPT]),
    ("flashbacks", [TSPT]),
    ("souvenirs intrusifs", [TSPT]),
    ("hypervigilance", [TSPT, ANXIETE]),
    ("sursauter facilement", [TSPT, ANXIETE]),
    ("évitement", [TSPT, ANXIETE]),
    ("dissociation", [TSPT, TRAUMA]),
    ("engourdissement émotionnel", [TSPT, DEPRESSION]),
    ("culpabilité du survivant", [TSPT, TRAUMA]),
    ("pensées intrusives", [TSPT, "TOC", ANXIETE]),
    # Sommeil
    ("incapable de dormir", [INSOMNIE, ANXIETE, DEPRESSION, TSPT]),
    ("misère à dormir", [INSOMNIE, ANXIETE, DEPRESSION, TSPT]),
    ("difficulté à dormir", [INSOMNIE, ANXIETE, DEPRESSION, TSPT]),
    ("insomnie", [ANXIETE, DEPRESSION, TSPT]),
    ("réveils nocturnes", [INSOMNIE, ANXIETE, DEPRESSION]),
    # Humeur
    ("déprime", [DEPRESSION]),
    ("moral à plat", [DEPRESSION]),
    ("humeur dépressive", [DEPRESSION]),
    ("tristesse", [DEPRESSION]),
    ("sentiment de vide", [DEPRESSION]),
    ("anhédonie", [DEPRESSION]),
    ("manque d'énergie", [DEPRESSION]),
    ("manque de motivation", [DEPRESSION]),
    ("culpabilité", [DEPRESSION, TSPT]),
    ("irritabilité", [DEPRESSION, ANXIETE, TSPT]),
    ("difficulté à se concentrer", [DEPRESSION, ANXIETE, TSPT, "TDAH"]),
    ("sautes d'humeur", ["trouble bipolaire", DEPRESSION]),
    # Anxiété
    ("crises de panique", [ANXIETE]),
    ("inquiétudes", [ANXIETE]),
    ("palpitations", [ANXIETE, "crise de panique"]),
    ("ruminations", [ANXIETE, DEPRESSION]),
    ("phobie", [ANXIETE]),
    ("peur des autres", ["anxiété sociale"]),
    ("obsessions", ["TOC"]),
    ("compulsions", ["TOC"]),
    # Événements qui peuvent causer un traumatisme
    ("accident de voiture", [TRAUMA, TSPT]),
    ("accident d'auto", [TRAUMA, TSPT]),
    ("agression", [TRAUMA, TSPT]),
    ("agression sexuelle", [TRAUMA, TSPT]),
    ("maltraitance", [TRAUMA, TSPT]),
    ("violence conjugale", [TRAUMA, TSPT]),
    ("guerre", [TRAUMA, TSPT]),
    ("catastrophe naturelle", [TRAUMA, TSPT]),
    ("accouchement traumatique", [TRAUMA, TSPT]),
    ("intimidation", [TRAUMA, ANXIETE, DEPRESSION]),
    # Médicaments, vers leur famille
    ("sertraline", [ISRS, ANTIDEPRESSEUR]),
    ("fluoxétine", [ISRS, ANTIDEPRESSEUR]),
    ("paroxétine", [ISRS, ANTIDEPRESSEUR]),
    ("escitalopram", [ISRS, ANTIDEPRESSEUR]),
    ("citalopram", [ISRS, ANTIDEPRESSEUR]),
    ("venlafaxine", [ANTIDEPRESSEUR]),
    ("duloxétine", [ANTIDEPRESSEUR]),
    ("bupropion", [ANTIDEPRESSEUR]),
    ("mirtazapine", [ANTIDEPRESSEUR]),
    ("trazodone", [ANTIDEPRESSEUR, INSOMNIE]),
    ("prazosine", ["cauchemars", TSPT]),
]


def _terms(group):
    return [term.strip() for term in group.split(",")]


def _seeded():
    return [(group, NOTE) for group in GROUPS] + [(group, MEDICINE_NOTE) for group in MEDICINES]


def seed(apps, schema_editor):
    NarrowerTerm = apps.get_model("articles", "NarrowerTerm")
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    french_terms = NarrowerTerm.objects.filter(language=FRENCH)
    listed = {term.lower() for term in french_terms.values_list("term", flat=True)}
    NarrowerTerm.objects.bulk_create(
        NarrowerTerm(term=term, broader="\n".join(broader), language=FRENCH, note=NOTE)
        for term, broader in NARROWER
        if term.lower() not in listed
    )
    known = {
        term.strip().lower()
        for terms in SynonymGroup.objects.filter(language=FRENCH).values_list("terms", flat=True)
        for term in terms.splitlines()
    }
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms="\n".join(_terms(group)), note=note, language=FRENCH)
        for group, note in _seeded()
        if not known & {term.lower() for term in _terms(group)}
    )


def unseed(apps, schema_editor):
    NarrowerTerm = apps.get_model("articles", "NarrowerTerm")
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    for term, broader in NARROWER:
        NarrowerTerm.objects.filter(
            term=term, broader="\n".join(broader), language=FRENCH, note=NOTE
        ).delete()
    for group, note in _seeded():
        SynonymGroup.objects.filter(
            terms="\n".join(_terms(group)), note=note, language=FRENCH
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0034_search_in_french")]

    operations = [migrations.RunPython(seed, unseed)]
