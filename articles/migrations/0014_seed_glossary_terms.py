"""The starting glossary: terms the research summaries use, in plain language.

Added only where missing (by term, case-insensitively), so an editor's changes survive; editors
change or add terms in the admin afterwards. Reversing removes nothing.
"""

from django.db import migrations
from django.utils.text import slugify

VA_PTSD = "VA National Center for PTSD"
NIH_TRIALS = ("https://www.nih.gov/health-information/nih-clinical-research-trials-you/basics", "NIH")

# (term, also known as, definition, (source link, source name) or None, explain in articles)
TERMS = [
    ("Active comparison", "active comparator, active control", "A treatment given to the comparison group that has noticeable effects of its own, so people find it harder to guess which treatment they received.", None, True),
    ("Adverse event", "serious adverse event", "Any unwanted medical event during a study, whether or not the treatment caused it. Researchers record them all so that possible harms are not missed.", None, True),
    ("Antidepressant", "", "A medicine used to treat depression. Most older antidepressants act on serotonin or related brain chemicals and take several weeks to work.", None, True),
    ("Beck Depression Inventory", "BDI, BDI-II", "A 21-question self-report questionnaire about depression symptoms over the past two weeks; higher scores mean more severe symptoms.", None, True),
    ("CAPS-5", "Clinician-Administered PTSD Scale, CAPS", "An interview in which a trained clinician asks about each symptom of PTSD and rates how often and how strongly it occurs. CAPS-5 is the current version, and earlier studies used older versions.", ("https://www.ptsd.va.gov/professional/assessment/adult-int/caps.asp", VA_PTSD), True),
    ("Case series", "case report", "A description of what happened to a group of people who all received the same treatment, without a comparison group. It can raise ideas, but it cannot show that the treatment caused the change.", None, True),
    ("Clinician-rated", "clinician rated", "Measured by a trained professional who interviews the person, rather than by a questionnaire the person fills in.", None, True),
    ("Cognitive behavioural therapy", "cognitive behavioral therapy, cognitive behaviour therapy, cognitive behavior therapy, CBT", "A structured talk therapy that helps people notice unhelpful patterns of thinking and behaviour and practise new ones. It usually lasts a set number of sessions with practice in between.", ("https://www.nhs.uk/mental-health/talking-therapies-medicine-treatments/talking-therapies-and-counselling/cognitive-behavioural-therapy-cbt/overview/", "NHS"), True),
    ("Cognitive processing therapy", "cognitive-processing therapy, CPT", "A trauma-focused talk therapy that helps people question beliefs formed after a trauma, such as self-blame, and find more balanced ways of seeing what happened.", None, True),
    ("Cohort study", "cohort, observational study", "A study that follows groups of people over time and compares what happens to them, without assigning treatments at random. Differences between the groups, not only the treatment, can explain its results.", None, True),
    ("Confidence interval", "95% confidence interval, CI", "The range within which the true result probably lies, given the study's data. A wide range means the result is uncertain.", None, True),
    ("Control group", "comparison group", "The people in a study who do not receive the treatment being tested, so that researchers can compare their results with those who do.", None, True),
    ("Dissociation", "dissociative symptoms", "Feeling detached from your body, your surroundings or your sense of time, as if things are unreal. It can be a symptom of trauma and a short-lived side effect of ketamine.", None, True),
    ("Double-blind", "double blind, double-blinded", "A study design in which neither the participants nor the researchers assessing them know who received which treatment, so expectations cannot colour the results.", None, True),
    ("DSM-5", "DSM", "The Diagnostic and Statistical Manual of Mental Disorders, fifth edition: the handbook clinicians in North America use to define and diagnose mental health conditions.", None, True),
    ("Effect size", "standardised mean difference, standardized mean difference", "A number that says how big a difference a treatment made, not just whether there was one. It lets results measured on different scales be compared.", None, True),
    ("Esketamine", "esketamine nasal spray", "One of the two mirror-image forms that make up ketamine, given as a nasal spray in a clinic for treatment-resistant depression.", None, True),
    ("Follow-up", "follow up", "The time after treatment during which researchers keep checking on participants, to see whether changes last.", None, True),
    ("Glutamate", "", "The brain's main chemical messenger for exciting (switching on) nerve cells, and the system ketamine acts on.", None, True),
    ("IES-R", "Impact of Event Scale-Revised, Impact of Event Scale", "A 22-question self-report questionnaire about distress after a traumatic event, such as unwanted memories and avoidance.", None, True),
    ("Infusion", "intravenous infusion, IV infusion", "A medicine given slowly through a drip into a vein, usually over about 40 minutes for ketamine.", None, True),
    ("Ketamine", "", "An anaesthetic medicine that, at lower doses, is studied and used for depression and PTSD. It acts on the glutamate system and can work within hours.", None, True),
    ("MADRS", "Montgomery-Åsberg Depression Rating Scale, Montgomery–Åsberg Depression Rating Scale, Montgomery-Asberg Depression Rating Scale", "A 10-item interview in which a clinician rates the severity of depression symptoms, scored from 0 to 60; higher scores mean more severe depression.", None, True),
    ("Major depressive disorder", "major depression, clinical depression", "Depression that lasts at least two weeks and affects mood, interest, sleep, energy and daily life, as defined in the DSM-5.", ("https://www.nimh.nih.gov/health/topics/depression", "NIMH"), True),
    ("Median", "", "The middle value when results are put in order: half the people had a lower value and half a higher one.", None, True),
    ("Meta-analysis", "meta analysis", "A method that combines the results of several studies on the same question into one overall estimate. It is only as reliable as the studies it combines.", None, True),
    ("Midazolam", "", "A sedative medicine sometimes given to the comparison group in ketamine trials because, like ketamine, it has effects people can feel.", None, True),
    ("Neuroplasticity", "brain plasticity, synaptic plasticity", "The brain's ability to change by forming new connections between nerve cells. Researchers think some treatments for depression and PTSD may work partly this way.", None, True),
    ("NMDA receptor", "NMDA receptors", "A receptor on nerve cells that responds to glutamate. Ketamine blocks it, which is thought to start its effects on mood.", None, True),
    ("Open-label", "open label, unblinded", "A study in which everyone knows which treatment they are getting. Expectations can then affect the results.", None, True),
    ("Outcome measure", "primary outcome, outcome", "What a study measures to judge whether a treatment helped, such as a symptom score. The primary outcome is the main one, chosen before the study starts.", None, False),
    ("P-value", "p value, p-values", "A number that says how surprising a result would be if the treatment really made no difference. A small p-value (often below 0.05) is called statistically significant.", None, True),
    ("PCL-5", "PTSD Checklist for DSM-5, PTSD Checklist, PCL", "A 20-question self-report questionnaire about how much each PTSD symptom bothered a person in the past month, scored from 0 to 80.", ("https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp", VA_PTSD), True),
    ("Peer review", "peer-reviewed, peer reviewed", "The checking of a research paper by independent experts before a journal publishes it. It catches many problems, but not all.", None, True),
    ("PHQ-9", "Patient Health Questionnaire-9, Patient Health Questionnaire", "A 9-question self-report questionnaire about depression symptoms over the past two weeks, scored from 0 to 27.", ("https://www.phqscreeners.com/", "PHQ Screeners"), True),
    ("Placebo", "placebo spray, sugar pill, dummy treatment", "A dummy treatment that looks like the real one but has no active ingredient. Comparing with a placebo shows how much of the improvement comes from the treatment itself.", NIH_TRIALS, True),
    ("Placebo effect", "", "Improvement that comes from expecting to get better and from being cared for, rather than from the treatment's active ingredient.", None, True),
    ("Posttraumatic stress disorder", "post-traumatic stress disorder, PTSD", "A condition that can follow a frightening or harmful event, with unwanted memories, avoidance, feeling on edge and changes in mood that last more than a month.", ("https://www.nimh.nih.gov/health/topics/post-traumatic-stress-disorder-ptsd", "NIMH"), True),
    ("Prolonged exposure", "prolonged exposure therapy, PE", "A trauma-focused talk therapy in which a person gradually and safely approaches memories and situations they have been avoiding, until the fear they bring lessens.", None, True),
    ("Psychotherapy", "talk therapy, talking therapy", "Treatment through talking with a trained professional, such as a psychologist, to understand and change thoughts, feelings and behaviour.", None, True),
    ("Publication bias", "", "The tendency for studies with positive results to be published more often than studies that found no effect, which can make treatments look better than they are.", None, True),
    ("Randomised controlled trial", "randomized controlled trial, randomised trial, randomized trial, RCT", "A study in which people are assigned by chance to the treatment or to a comparison group. Chance makes the groups alike, so differences in results are more likely due to the treatment.", NIH_TRIALS, True),
    ("Relapse", "", "The return of symptoms after a period of improvement.", None, True),
    ("Remission", "", "When symptoms have fallen so far that they are minimal, usually below a set score on a rating scale.", None, True),
    ("Sample size", "", "The number of people who took part in a study. Larger studies give more precise results.", None, True),
    ("Self-report", "self-reported, self-rated", "Measured with a questionnaire that participants fill in about themselves, rather than by a clinician's interview.", None, True),
    ("Serotonin", "", "A chemical messenger in the brain involved in mood, sleep and appetite, and the target of most older antidepressants.", None, True),
    ("Side effect", "", "An unwanted effect of a treatment, such as dizziness or nausea.", None, True),
    ("Statistically significant", "statistical significance, significantly", "A result unlikely to be due to chance alone, by a usual test. It does not by itself mean the difference is large or matters to patients.", None, True),
    ("Systematic review", "", "A review that searches for every study on a question in a planned, documented way and appraises them together. It often includes a meta-analysis.", None, True),
    ("Treatment response", "responded to treatment, responders, response to treatment", "In many depression and PTSD trials, a fall in symptom scores of at least half from where they started, or another set amount.", None, True),
    ("Treatment-resistant", "treatment resistant, treatment-resistant depression", "Describes depression that has not improved enough after at least two treatments tried at a proper dose for long enough.", None, True),
    ("Waiting list", "waitlist, wait-list, waiting condition", "A comparison group whose members get the treatment later, after the study period, so their results show what happens without it for a while.", None, True),
]


def add_terms(apps, schema_editor):
    GlossaryTerm = apps.get_model("articles", "GlossaryTerm")
    existing = {term.lower() for term in GlossaryTerm.objects.values_list("term", flat=True)}
    slugs = set(GlossaryTerm.objects.values_list("slug", flat=True))
    for term, aliases, definition, source, marked in TERMS:
        if term.lower() in existing:
            continue
        slug = base = slugify(term)
        while slug in slugs:
            slug = f"{base}-{len(slugs)}"
        slugs.add(slug)
        url, name = source or ("", "")
        GlossaryTerm.objects.create(
            term=term,
            slug=slug,
            also_known_as=aliases,
            definition=definition,
            source_url=url,
            source_name=name,
            is_marked_in_articles=marked,
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_glossary_terms")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
