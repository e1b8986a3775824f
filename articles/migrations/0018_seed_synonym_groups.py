"""The first synonym list: the words patients use for what this clinic's articles discuss.

Editors change it in the admin (Research library › Search synonym groups); this only seeds it
once, and leaves alone any group an editor has already made.
"""

from django.db import migrations

GROUPS = [
    # Conditions
    "PTSD, post-traumatic stress disorder, posttraumatic stress disorder, posttraumatic stress, "
    "post-traumatic stress, post traumatic stress",
    "trauma, psychological trauma, PTSD",
    "complex PTSD, C-PTSD, CPTSD, complex trauma",
    "depression, major depressive disorder, MDD, major depression, clinical depression, "
    "depressive disorder",
    "TRD, treatment-resistant depression, treatment resistant depression, "
    "hard-to-treat depression, difficult-to-treat depression, refractory depression",
    "postpartum depression, postnatal depression, perinatal depression, PPD",
    "seasonal affective disorder, winter depression, seasonal depression",
    "bipolar, bipolar disorder, manic depression, manic depressive illness",
    "anxiety, anxiety disorder, anxiousness",
    "GAD, generalized anxiety disorder, generalised anxiety disorder, constant worry",
    "panic attack, panic disorder, panic",
    "social anxiety, social phobia, social anxiety disorder",
    "OCD, obsessive-compulsive disorder, obsessive compulsive disorder",
    "ADHD, attention deficit hyperactivity disorder, attention-deficit/hyperactivity disorder",
    "insomnia, trouble sleeping, sleep problems, sleeplessness, poor sleep",
    "nightmares, bad dreams, night terrors",
    "flashbacks, intrusive memories, reliving trauma",
    "dissociation, dissociative symptoms, feeling detached",
    "anhedonia, loss of pleasure, loss of interest",
    "emotional numbness, feeling numb, emotional numbing",
    "grief, bereavement, mourning",
    "burnout, burn-out, occupational burnout",
    "substance use disorder, addiction, substance abuse, substance use",
    "alcohol use disorder, alcoholism, alcohol addiction, alcohol dependence, drinking problem",
    "eating disorder, disordered eating",
    # Crisis
    "suicidal thoughts, suicidal ideation, suicidal thinking, thoughts of suicide, suicidality",
    "self-harm, self harm, self-injury, self-injurious behaviour, self-injurious behavior, "
    "deliberate self-harm",
    "sexual assault, rape, sexual violence",
    "childhood trauma, adverse childhood experiences, ACEs, childhood abuse",
    "veterans, military, service members, armed forces",
    "first responders, emergency workers, public safety personnel",
    # Treatments
    "talk therapy, psychotherapy, talking therapy, counselling, counseling",
    "CBT, cognitive behavioural therapy, cognitive behavioral therapy, "
    "cognitive behaviour therapy, cognitive behavior therapy",
    "online therapy, internet-based therapy, internet therapy, teletherapy, virtual therapy, "
    "online CBT, internet-based CBT, iCBT",
    "CPT, cognitive processing therapy, cognitive-processing therapy",
    "prolonged exposure, prolonged exposure therapy, exposure therapy",
    "EMDR, eye movement desensitization and reprocessing, "
    "eye movement desensitisation and reprocessing",
    "DBT, dialectical behaviour therapy, dialectical behavior therapy",
    "MBCT, mindfulness-based cognitive therapy, mindfulness therapy",
    "ketamine, Ketalar, ketamine hydrochloride",
    "esketamine, Spravato, esketamine nasal spray",
    "KAP, ketamine-assisted psychotherapy, ketamine-assisted therapy, ketamine psychotherapy, "
    "ketamine with therapy",
    "infusion, intravenous, IV infusion, drip",
    "nasal spray, intranasal, nose spray",
    "psilocybin, magic mushrooms, psilocybin therapy",
    "MDMA, ecstasy, MDMA-assisted therapy",
    "antidepressant, antidepressants, antidepressant medication, antidepressant drugs",
    "SSRI, SSRIs, selective serotonin reuptake inhibitor",
    "medication, medicine, meds, pharmacotherapy, drug treatment",
    "ECT, electroconvulsive therapy, shock therapy, electroshock",
    "TMS, rTMS, transcranial magnetic stimulation, repetitive transcranial magnetic stimulation",
    # Research words
    "RCT, randomized controlled trial, randomised controlled trial, randomized trial, "
    "randomised trial",
    "meta-analysis, meta analysis, metaanalysis, pooled analysis",
    "placebo, sugar pill, dummy pill, dummy treatment",
    "side effects, side-effects, adverse effects, adverse events",
    "relapse, symptoms coming back, return of symptoms, recurrence",
    "remission, symptom-free, symptom free",
    # Measures
    "CAPS-5, Clinician-Administered PTSD Scale",
    "PCL-5, PTSD Checklist, PTSD check list",
    "MADRS, Montgomery-Asberg Depression Rating Scale, Montgomery-Åsberg Depression Rating Scale",
    "BDI, Beck Depression Inventory",
    "PHQ-9, Patient Health Questionnaire",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    if SynonymGroup.objects.exists():
        return
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms="\n".join(term.strip() for term in group.split(",")))
        for group in GROUPS
    )


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    terms = ["\n".join(term.strip() for term in group.split(",")) for group in GROUPS]
    SynonymGroup.objects.filter(terms__in=terms).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_synonym_groups")]

    operations = [migrations.RunPython(seed, unseed)]
