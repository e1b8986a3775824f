"""The first narrower terms, and brand and generic names of medicines as synonym groups.

Narrower terms work one way: a symptom, an event or a medicine finds articles about what it
belongs to ("nightmares" finds PTSD articles; "PTSD" does not find every mention of
nightmares). Editors change both lists in the admin (Research library › Search narrower terms,
Search synonym groups); this seeds them once and leaves alone any term or medicine an editor
has already listed.
"""

from django.db import migrations

PTSD, TRAUMA, ANXIETY, DEPRESSION = "PTSD", "trauma", "anxiety", "depression"
INSOMNIA, ANTIDEPRESSANT, SSRI = "insomnia", "antidepressant", "SSRI"

NARROWER = [
    # Symptoms of posttraumatic stress
    ("nightmares", [PTSD]),
    ("flashbacks", [PTSD]),
    ("intrusive memories", [PTSD]),
    ("hypervigilance", [PTSD, ANXIETY]),
    ("easily startled", [PTSD, ANXIETY]),
    ("avoidance", [PTSD, ANXIETY]),
    ("dissociation", [PTSD, TRAUMA]),
    ("emotional numbness", [PTSD, DEPRESSION]),
    ("survivor's guilt", [PTSD, TRAUMA]),
    ("anger outbursts", [PTSD]),
    ("intrusive thoughts", [PTSD, "OCD", ANXIETY]),
    # Sleep
    ("can't sleep", [INSOMNIA, ANXIETY, DEPRESSION, PTSD]),
    ("unable to sleep", [INSOMNIA, ANXIETY, DEPRESSION, PTSD]),
    ("insomnia", [ANXIETY, DEPRESSION, PTSD]),
    ("waking up at night", [INSOMNIA, ANXIETY, DEPRESSION]),
    ("sleeping too much", [DEPRESSION]),
    # Mood
    ("low mood", [DEPRESSION]),
    ("feeling down", [DEPRESSION]),
    ("sadness", [DEPRESSION]),
    ("hopelessness", [DEPRESSION]),
    ("feeling empty", [DEPRESSION]),
    ("worthlessness", [DEPRESSION]),
    ("anhedonia", [DEPRESSION]),
    ("no energy", [DEPRESSION]),
    ("tired all the time", [DEPRESSION]),
    ("lack of motivation", [DEPRESSION]),
    ("feeling guilty", [DEPRESSION, PTSD]),
    ("irritability", [DEPRESSION, ANXIETY, PTSD]),
    ("trouble concentrating", [DEPRESSION, ANXIETY, PTSD, "ADHD"]),
    ("mood swings", ["bipolar", DEPRESSION]),
    # Anxiety
    ("panic attacks", [ANXIETY]),
    ("worrying", [ANXIETY]),
    ("racing heart", [ANXIETY, "panic attack"]),
    ("racing thoughts", [ANXIETY]),
    ("overthinking", [ANXIETY]),
    ("restlessness", [ANXIETY]),
    ("feeling on edge", [ANXIETY, PTSD]),
    ("phobia", [ANXIETY]),
    ("fear of people", ["social anxiety"]),
    ("obsessions", ["OCD"]),
    ("compulsions", ["OCD"]),
    # Events that can cause trauma
    ("car accident", [TRAUMA, PTSD]),
    ("car crash", [TRAUMA, PTSD]),
    ("assault", [TRAUMA, PTSD]),
    ("abuse", [TRAUMA, PTSD]),
    ("domestic violence", [TRAUMA, PTSD]),
    ("combat", [TRAUMA, PTSD]),
    ("war", [TRAUMA, PTSD]),
    ("natural disaster", [TRAUMA, PTSD]),
    ("birth trauma", [TRAUMA, PTSD]),
    ("bullying", [TRAUMA, ANXIETY, DEPRESSION]),
    # Medicines, to the kind of medicine they are
    ("sertraline", [SSRI, ANTIDEPRESSANT]),
    ("fluoxetine", [SSRI, ANTIDEPRESSANT]),
    ("paroxetine", [SSRI, ANTIDEPRESSANT]),
    ("escitalopram", [SSRI, ANTIDEPRESSANT]),
    ("citalopram", [SSRI, ANTIDEPRESSANT]),
    ("venlafaxine", [ANTIDEPRESSANT]),
    ("duloxetine", [ANTIDEPRESSANT]),
    ("bupropion", [ANTIDEPRESSANT]),
    ("mirtazapine", [ANTIDEPRESSANT]),
    ("trazodone", [ANTIDEPRESSANT, INSOMNIA]),
    ("prazosin", ["nightmares", PTSD]),
]

# Brand names as patients know them (US, Canada, UK) beside the generic name.
MEDICINES = [
    "sertraline, Zoloft, Lustral",
    "fluoxetine, Prozac, Sarafem",
    "paroxetine, Paxil, Seroxat",
    "escitalopram, Lexapro, Cipralex",
    "citalopram, Celexa, Cipramil",
    "venlafaxine, Effexor, Effexor XR",
    "desvenlafaxine, Pristiq",
    "duloxetine, Cymbalta",
    "bupropion, Wellbutrin, Zyban",
    "mirtazapine, Remeron",
    "trazodone, Desyrel, Oleptro",
    "vortioxetine, Trintellix, Brintellix",
    "prazosin, Minipress",
    "quetiapine, Seroquel",
    "aripiprazole, Abilify",
    "lamotrigine, Lamictal",
    "lorazepam, Ativan",
    "alprazolam, Xanax",
    "clonazepam, Klonopin, Rivotril",
    "buspirone, BuSpar",
    "ketamine, Ketalar",
    "esketamine, Spravato",
]


def _terms(group):
    return [term.strip() for term in group.split(",")]


def seed(apps, schema_editor):
    NarrowerTerm = apps.get_model("articles", "NarrowerTerm")
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    listed = {term.lower() for term in NarrowerTerm.objects.values_list("term", flat=True)}
    NarrowerTerm.objects.bulk_create(
        NarrowerTerm(term=term, broader="\n".join(broader))
        for term, broader in NARROWER
        if term.lower() not in listed
    )
    known = {
        term.strip().lower()
        for terms in SynonymGroup.objects.values_list("terms", flat=True)
        for term in terms.splitlines()
    }
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms="\n".join(_terms(group)), note="Generic and brand names")
        for group in MEDICINES
        if _terms(group)[0].lower() not in known  # ketamine and esketamine are there already
    )


def unseed(apps, schema_editor):
    NarrowerTerm = apps.get_model("articles", "NarrowerTerm")
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    for term, broader in NARROWER:
        NarrowerTerm.objects.filter(term=term, broader="\n".join(broader)).delete()
    SynonymGroup.objects.filter(
        terms__in=["\n".join(_terms(group)) for group in MEDICINES],
        note="Generic and brand names",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_narrower_terms")]

    operations = [migrations.RunPython(seed, unseed)]
