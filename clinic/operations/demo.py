"""Demo content for `manage.py load_demo`: an invented clinic, its team, topics and summaries.

Everything here is plain data, written in the project's own words. The clinic and its people
are invented. The studies are real: their titles, journals, authors and numbers were checked
against the papers' published abstracts, and a DOI or PubMed ID is given only where it was
confirmed; otherwise `url` is a PubMed search for the exact title, which always finds the paper.

Articles name their author and topics by slug; some have a `hero` picture from
`demo_photos/` (credit and licence in its README), uploaded through the editors' checks.
`publish` is (days ago, "HH:MM" local time) for a published article and None for a draft.
`review`, where given, is (reviewer's slug, days after publishing) for the medical review;
Dr Okafor reviews every published article she did not write.

Locations give their weekly hours as (weekdays, opens, closes) intervals, and their dated
exceptions as a month and day: the loader dates each one at its next occurrence from today, so
the demo always shows upcoming closures.
"""

from datetime import time
from urllib.parse import quote_plus

PUBLISHED = "published"
DRAFT = "draft"

ADMIN_USERNAME = "admin@example.org"  # staff sign in with their email address
ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "clinic-demo-2026"  # noqa: S105 - demo only; load_demo refuses it unless DEBUG


def pubmed_search(title):
    """A PubMed search for a paper's exact title: a link that cannot point at the wrong paper."""
    return f"https://pubmed.ncbi.nlm.nih.gov/?term={quote_plus(title)}"


CLINIC = {
    "name": "Harbourlight Clinic",
    "tagline": "Research on trauma, depression and anxiety, explained in plain language.",
    "about": (
        "Harbourlight Clinic is an outpatient mental health clinic for adults living with "
        "trauma, depression and anxiety. Our psychiatrists, psychologists and nurses offer "
        "evidence-based psychotherapy, medication care and ketamine-assisted psychotherapy, "
        "planned together with each patient. We write these research summaries so you can see "
        "the evidence behind our care and bring your questions to your next appointment."
    ),
    "contact_email": "hello@example.org",
    "booking_url": "https://example.org/book",
    # The demo clinic is in Ontario: its disclaimer names North America's crisis numbers.
    # The built-in default (clinic.domain.models.DEFAULT_DISCLAIMER) names no country's numbers.
    "default_disclaimer": (
        "This summary is for education only and is not medical advice. It does not replace a "
        "conversation with your own doctor or care team. Research findings may not apply to "
        "you. Never start, stop or change a treatment without talking to a qualified health "
        "professional. If you are in crisis, call 911 or 988 (Suicide Crisis Helpline)."
    ),
    "crisis_line": (
        "If you are thinking about suicide or might hurt yourself, call or text 988 (Suicide "
        "Crisis Helpline) any time, or call 911 or go to the nearest emergency department now."
    ),
}

CPSO = {
    "regulator": "College of Physicians and Surgeons of Ontario",
    "register_url": "https://doctors.cpso.on.ca/",
}
CPBAO = {
    "regulator": "College of Psychologists and Behaviour Analysts of Ontario",
    "register_url": "https://cpbao.ca/",
}
CNO = {"regulator": "College of Nurses of Ontario", "register_url": "https://www.cno.org/"}

# The collective byline comes last on the team page and has no registration. Registration
# numbers are invented ("DEMO-"); the links go to each regulator's public register, where a
# real registration can be looked up. Jonah Whitcombe has left: he is off the team page, and
# the article he wrote still links to his page.
PEOPLE = [
    {
        "name": "The Harbourlight Clinical Team",
        "slug": "harbourlight-clinical-team",
        "role_title": "Psychiatrists, psychologists and nurses at Harbourlight Clinic",
        "credentials": "",
        "bio": (
            "We are the psychiatrists, psychologists and nurses of Harbourlight Clinic. "
            "Articles under this byline are written together and checked by the clinicians "
            "who provide the care they describe.\n\n"
            "If something you read here raises a question, **bring it to your next "
            "appointment**. We would rather talk it through with you."
        ),
        "position": 90,
    },
    {
        "name": "Miriam Okafor",
        "slug": "miriam-okafor",
        "role_title": "Psychiatrist and medical director",
        "credentials": "MD, FRCPC",
        "bio": (
            "I am a psychiatrist and Harbourlight's medical director. I care for adults living "
            "with depression, PTSD and anxiety, including people for whom the first treatments "
            "did not help. I also check the research summaries on this site for medical "
            "accuracy."
        ),
        "position": 10,
        "registration_number": "DEMO-10482",
        **CPSO,
    },
    {
        "name": "Daniel Lévesque",
        "slug": "daniel-levesque",
        "role_title": "Clinical psychologist",
        "credentials": "PhD, C.Psych.",
        "bio": (
            "I am a clinical psychologist. I offer cognitive processing therapy, prolonged "
            "exposure and cognitive behavioural therapy, and I am part of our "
            "ketamine-assisted psychotherapy team. I like to explain how a therapy works "
            "before anyone decides to try it."
        ),
        "position": 20,
        "registration_number": "DEMO-20317",
        **CPBAO,
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "role_title": "Nurse and patient educator",
        "credentials": "RN, BScN",
        "bio": (
            "I am a registered nurse and I lead patient education at Harbourlight. I meet "
            "people before and after ketamine treatment to explain what to expect and to see "
            "how they are doing. When I write a summary, I start from the questions patients "
            "ask me."
        ),
        "position": 30,
        "registration_number": "DEMO-30956",
        **CNO,
    },
    {
        "name": "Jonah Whitcombe",
        "slug": "jonah-whitcombe",
        "role_title": "Former staff writer",
        "credentials": "",
        "bio": (
            "I was a staff writer at Harbourlight Clinic, turning research papers into "
            "plain-language summaries with the clinical team. I have since moved on; the "
            "articles I wrote stay on the site for readers."
        ),
        "position": 40,
        "is_active": False,
    },
]

TOPICS = [
    {
        "name": "PTSD",
        "slug": "ptsd",
        "description": (
            "Posttraumatic stress disorder can follow a frightening or harmful event. These "
            "summaries look at research on how it is treated and what helps people recover."
        ),
    },
    {
        "name": "Depression",
        "slug": "depression",
        "description": (
            "Research on depression, including depression that has not eased with the first "
            "treatments tried."
        ),
    },
    {
        "name": "Anxiety",
        "slug": "anxiety",
        "description": (
            "Studies of panic, social anxiety and other anxiety problems, and of the therapies "
            "that reduce them."
        ),
    },
    {
        "name": "Ketamine",
        "slug": "ketamine",
        "is_clinic_service": True,  # the clinic offers it (see CLINIC["about"])
        "description": (
            "Ketamine and esketamine are being studied for depression and PTSD, alone and "
            "together with psychotherapy. What the trials found, and what they could not show."
        ),
    },
    {
        "name": "Psychotherapy",
        "slug": "psychotherapy",
        "is_clinic_service": True,  # the clinic offers it (see CLINIC["about"])
        "description": (
            "Talk therapies such as cognitive behavioural therapy, cognitive processing therapy "
            "and prolonged exposure, in person and online."
        ),
    },
]


_KETAMINE_PSYCHOTHERAPY_TITLE = (
    "Combining Ketamine and Psychotherapy for the Treatment of Posttraumatic Stress Disorder: "
    "A Systematic Review and Meta-Analysis"
)
_REPEATED_KETAMINE_TITLE = (
    "A Randomized Controlled Trial of Repeated Ketamine Administration for Chronic "
    "Posttraumatic Stress Disorder"
)
_ESKETAMINE_TITLE = (
    "Efficacy and Safety of Flexibly Dosed Esketamine Nasal Spray Combined With a Newly "
    "Initiated Oral Antidepressant in Treatment-Resistant Depression: A Randomized Double-Blind "
    "Active-Controlled Study"
)
_CPT_PE_TITLE = (
    "A comparison of cognitive-processing therapy with prolonged exposure and a waiting "
    "condition for the treatment of chronic posttraumatic stress disorder in female rape victims"
)
_ONLINE_CBT_TITLE = (
    "Guided Internet-based vs. face-to-face cognitive behavior therapy for psychiatric and "
    "somatic disorders: a systematic review and meta-analysis"
)
_SINGLE_KETAMINE_TITLE = (
    "Antidepressant Efficacy of Ketamine in Treatment-Resistant Major Depression: "
    "A Two-Site Randomized Controlled Trial"
)


ARTICLES = [
    {
        "slug": "ketamine-and-psychotherapy-for-ptsd-2023-review",
        "hero": {
            "file": "dandelions.jpg",
            "alt": "Dandelion seed heads in a meadow, lit from behind by a low sun",
            "credit": "Photo: Clemens Engelhardt (CC0 1.0)",
        },
        "title": "Ketamine together with talk therapy for PTSD: what a 2023 review found",
        "summary": (
            "Researchers in Kingston, Ontario gathered every study they could find that paired "
            "ketamine with psychotherapy for posttraumatic stress disorder. Across four small "
            "studies with 34 people in total, PTSD symptoms fell significantly after the "
            "combined treatment. It is an encouraging early signal, and a reason for larger, "
            "carefully controlled trials rather than a final answer."
        ),
        "author": "harbourlight-clinical-team",
        "topics": ["ptsd", "ketamine", "psychotherapy"],
        "status": PUBLISHED,
        "publish": (9, "09:30"),
        "review": ("miriam-okafor", 3),
        "body": """\
Many people with post-traumatic stress disorder (PTSD) try the usual treatments and still have
symptoms. These can get in the way of sleep, work and family life. Some clinics, ours among them,
now offer ketamine together with talk therapy. This review asked a simple question: what does
the research on that pairing show so far?

## Key findings

1. The team searched the research literature for studies that combined ketamine with
   psychotherapy for PTSD. They found **4 studies with 34 participants** in total.
2. When the results were put together, PTSD symptoms were **clearly lower after** ketamine
   with therapy than before it.
3. Symptoms were measured in two ways. A trained clinician used an interview called the
   **CAPS-5**. People also rated themselves on a form called the **PCL-5**.
4. Because the studies were few and small, the result is best read as preliminary. It points
   to where research should go next more than it settles the question.

## How might this work?

Ketamine acts quickly on glutamate, one of the brain's main chemical messengers. One leading idea
is that, for a short window, it makes it easier for the brain to form new connections. That may
help a person step out of well-worn patterns of thought and feeling long enough for therapy to do
its work.

On its own, ketamine's effect on PTSD symptoms tends to fade within days to weeks. Psychotherapy
offers a structured way to use that window: to revisit memories safely, question beliefs such as
self-blame, and practise new ways of coping. The hope is that the therapy helps the gains last.
This is a reasonable theory, but these studies were not designed to prove how the combination
works.

## Why this study matters

Reviews like this bring scattered studies together so patients and clinicians can see the whole
picture, including how much or how little evidence there is. Here the picture is promising but
thin. If you are considering ketamine-assisted psychotherapy, it is fair to hear both parts of
that message: people in these studies improved, and the research base is still small.

## Limits of this study

- **Small numbers.** Thirty-four people in four studies is a small group. Small studies often
  look better than larger ones later do.
- **Hard to separate the parts.** Studies of this size cannot tell us how much of the improvement
  came from ketamine, from the therapy, or from the care and attention of taking part in a study.
- **Not everyone was included.** People with some medical or psychiatric conditions are usually
  not eligible for ketamine research, so the results may not apply to them.

Talk with your care team about whether this approach fits your situation.
""",
        "studies": [
            {
                "title": _KETAMINE_PSYCHOTHERAPY_TITLE,
                "journal": "The Journal of Clinical Psychiatry",
                "year": 2023,
                "authors": (
                    "Philipp-Muller AE, Stephenson CJ, Moghimi E, Shirazi AH, Milev R, "
                    "Vazquez G, Reshetukha T, Alavi N"
                ),
                "doi": "10.4088/JCP.22br14564",
                "design": "meta-analysis",
                "studies_pooled": 4,
                "participants": 34,
                "population": "People with posttraumatic stress disorder (PTSD)",
                "measures": "CAPS-5, PCL-5",
                "evidence_note": (
                    "We read this review as an early signal. Four small studies cannot tell us "
                    "how much of the improvement came from ketamine, from the therapy, or from "
                    "taking part in a study."
                ),
            }
        ],
    },
    {
        "slug": "repeated-ketamine-infusions-for-chronic-ptsd",
        "title": "Six ketamine infusions over two weeks eased chronic PTSD in a small trial",
        "summary": (
            "In a randomised trial of 30 adults with long-standing PTSD, six infusions of "
            "ketamine over two weeks reduced PTSD symptoms more than an active comparison drug. "
            "Two in three people who received ketamine responded to treatment. For many, the "
            "benefit faded within about a month, and the trial was small."
        ),
        "author": "miriam-okafor",
        "topics": ["ptsd", "ketamine"],
        "status": PUBLISHED,
        "publish": (36, "10:00"),
        "body": """\
An earlier study by the same research group found that a single ketamine infusion could ease
PTSD symptoms within a day. This trial tested whether a course of repeated infusions would help
more, and for how long.

## Key findings

1. **30 adults with long-lasting PTSD** each had six infusions: three a week for two weeks.
   Chance decided who got ketamine and who got midazolam. Midazolam is a sedative. It was used
   for comparison because it also has effects people can feel, so it is harder to guess which
   drug was given.
2. After two weeks, PTSD symptoms on the **CAPS-5** interview had gone down more in the ketamine
   group. On average, scores were about 12 points lower than in the midazolam group.
3. **67% of people who received ketamine responded** to treatment, compared with 20% of people
   who received midazolam.
4. Depression symptoms also improved more with ketamine.
5. In people who did well on ketamine, the benefit lasted about four weeks after the last
   infusion (the median). Then symptoms came back.
6. Most people coped well with the infusions. No one had a serious side effect.

## How might this work?

Ketamine blocks a receptor for glutamate, one of the brain's main chemical messengers. This sets
off changes that researchers believe help brain cells form new connections. In PTSD, where fear
responses and painful memories can feel fixed in place, that flexibility may allow symptoms to
loosen. Giving several infusions close together may build on each dose's effect.

## Why this study matters

Few medicines help PTSD well, and those that do can take weeks or months. This was the first
randomised trial of repeated ketamine infusions for long-lasting PTSD. It used a careful
comparison. Its results helped shape how clinics think about ketamine for PTSD.

## Limits of this study

- **It was small.** Thirty people is enough to see a signal, not enough to be sure of its size.
- **The benefit often faded.** For many responders, symptoms came back within weeks, which is why
  researchers are now studying ketamine together with psychotherapy.
- **Other results differ.** A larger 2022 trial in veterans and active-duty service members,
  using a different schedule, did not find a clear benefit for PTSD symptoms. Who benefits most
  is still an open question.

If you are wondering whether ketamine could play a part in your care, your psychiatrist can talk
through the possible benefits and risks for you.
""",
        "studies": [
            {
                "title": _REPEATED_KETAMINE_TITLE,
                "journal": "American Journal of Psychiatry",
                "year": 2021,
                "authors": (
                    "Feder A, Costi S, Rutter SB, Collins AB, Govindarajulu U, Jha MK, Horn SR, "
                    "Kautz M, Corniquel M, Collins KA, Bevilacqua L, Glasgow AM, Brallier J, "
                    "Pietrzak RH, Murrough JW, Charney DS"
                ),
                "doi": "10.1176/appi.ajp.2020.20050596",
                "design": "rct",
                "participants": 30,
                "population": "Adults with chronic posttraumatic stress disorder",
                "measures": "CAPS-5, IES-R, MADRS",
                "comparison": "active",
            }
        ],
    },
    {
        "slug": "esketamine-nasal-spray-for-treatment-resistant-depression",
        "hero": {
            "file": "autumn-meadow.jpg",
            "alt": "A green meadow below an autumn forest and a grey mountain ridge",
            "credit": "Photo: Aitzol Berasategi (CC BY 4.0), cropped",
        },
        "title": "A nasal spray related to ketamine, for depression other medicines did not ease",
        "summary": (
            "Adults whose depression had not improved with at least two antidepressants started "
            "a new antidepressant plus either esketamine nasal spray or a placebo spray. After "
            "four weeks, depression symptoms had improved more with esketamine. Side effects "
            "such as feeling detached or dizzy were common but usually passed within hours."
        ),
        "author": "jonah-whitcombe",
        "topics": ["depression", "ketamine"],
        "status": PUBLISHED,
        "publish": (64, "14:15"),
        "review": ("miriam-okafor", 4),
        "body": """\
When depression has not eased after two or more antidepressants, doctors often call it
treatment-resistant depression. This trial tested whether esketamine nasal spray helps when it is
added to a new antidepressant. It was one of several trials that led to the spray's approval in
the United States in 2019.

## Key findings

1. The trial took place at 39 clinics. Adults with moderate to severe depression took part.
   None had improved with at least two antidepressants. Each person started a new antidepressant.
   Chance decided who also got **esketamine nasal spray or a dummy (placebo) spray**, used twice a
   week for four weeks.
2. After four weeks, depression symptoms on the clinician-rated **MADRS** scale had improved
   **more in the esketamine group** than in the placebo group, by about 4 points on a 60-point
   scale. People in both groups improved, as is common in depression trials.
3. The most common side effects were feeling detached or unreal, feeling sick, a spinning
   feeling, changes in taste and dizziness. They were more common with esketamine. They tended
   to start soon after a dose and usually settled within about 90 minutes.
4. About 7% of people using esketamine stopped because of side effects, compared with under 1%
   of people using the placebo spray.

## How might this work?

Esketamine is one of the two mirror-image forms that make up ketamine. Like ketamine, it acts on
the glutamate system rather than on serotonin, the target of most older antidepressants. That
different route may be why it can help some people whose depression did not respond to those
medicines. Because of its short-lived side effects, it is given in a clinic, where people are
observed after each dose until they are ready to go home.

## Why this study matters

Treatment-resistant depression is common, and each new medication trial can take weeks. This
trial offered evidence for a treatment that works in a different way, within a few weeks.

## Limits of this study

- **Four weeks is short.** Longer studies are needed to know how well benefits last; other trials
  have looked at that question.
- **A modest average difference.** Averages hide a wide range: some people improve a great deal
  and others very little.
- **Paid for by the maker.** The company that makes the spray paid for the trial. That is common
  for drug trials, but worth knowing.

Ask your care team whether esketamine is available to you and whether it suits your situation.
""",
        "studies": [
            {
                "title": _ESKETAMINE_TITLE,
                "journal": "American Journal of Psychiatry",
                "year": 2019,
                "authors": (
                    "Popova V, Daly EJ, Trivedi M, Cooper K, Lane R, Lim P, Mazzucco C, "
                    "Hough D, Thase ME, Shelton RC, Molero P, Vieta E, Bajbouj M, Manji H, "
                    "Drevets WC, Singh JB"
                ),
                "doi": "10.1176/appi.ajp.2019.19020172",
                "pmid": "31109201",
                "design": "rct",
                "participants": 227,
                "comparison": "placebo",
                "follow_up_weeks": 4,
                "funder": "industry",
                "population": (
                    "Adults with moderate to severe depression that had not responded to at "
                    "least two antidepressants"
                ),
                "measures": "MADRS",
                "funding_note": (
                    "Funded by Janssen Research & Development, the maker of esketamine."
                ),
            }
        ],
    },
    {
        "slug": "cognitive-processing-therapy-and-prolonged-exposure-for-ptsd",
        "hero": {
            "file": "mountain-path.jpg",
            "alt": "A worn footpath across green pasture towards rocky, snow-streaked mountains",
            "credit": "Photo: Aitzol Berasategi (CC BY 4.0), cropped",
        },
        "title": "Two talk therapies for PTSD after sexual assault both helped, about equally",
        "summary": (
            "In a trial of 171 women with long-standing PTSD after rape, cognitive processing "
            "therapy and prolonged exposure both reduced PTSD and depression clearly more than "
            "waiting for treatment. The two therapies worked about equally well, and the "
            "benefits were still there nine months later."
        ),
        "author": "daniel-levesque",
        "topics": ["ptsd", "psychotherapy"],
        "status": PUBLISHED,
        "publish": (118, "08:45"),
        "review": ("miriam-okafor", 5),
        "body": """\
Cognitive processing therapy (CPT) and prolonged exposure (PE) are two of the trauma-focused
therapies most often recommended for PTSD today. This trial, from the University of
Missouri–St. Louis, was one of the first to compare them head to head.

## Key findings

1. **171 women** with chronic PTSD after rape were randomly assigned to CPT, to PE, or to a
   period of waiting with brief check-ins before starting therapy. 121 completed treatment.
2. **Both therapies worked well** and were clearly better than waiting. They reduced PTSD
   symptoms and depression.
3. **CPT and PE had similar results** overall. CPT did somewhat better on two of four measures
   of trauma-related guilt.
4. Symptoms were checked before and after treatment, and again 3 and 9 months later. The
   checks were done by assessors outside the therapy team, with an interview (the CAPS) and
   forms.

## How might this work?

The two therapies take different routes to a similar place.

- **Prolonged exposure** helps a person slowly and safely face the memory and the places they
  have been avoiding. With practice, the fear tends to fade. The memory can then be recalled
  without living through it again.
- **Cognitive processing therapy** looks at beliefs that can form after trauma, such as "it was
  my fault" or "nowhere is safe". With the therapist, a person looks at these "stuck points" and
  works toward a fairer view of what happened.

## Why this study matters

It showed that two structured, time-limited therapies could bring large and lasting relief
after sexual assault, and that neither was clearly better overall. That means people can often
choose the approach that feels like a better fit. Both therapies are still widely used and
taught.

## Limits of this study

- **One group of survivors.** All participants were women with PTSD after rape, so the trial
  alone cannot tell us how the therapies work after other kinds of trauma. Later studies have
  looked at that.
- **Not everyone finished.** About 50 of 171 people did not complete treatment, which is common
  in PTSD therapy research and a reminder that support to stay in therapy matters.
- **An older study.** Both therapies have been refined since 2002.

Want to know more about these therapies? Our psychologists can explain what each one involves.
""",
        "studies": [
            {
                "title": _CPT_PE_TITLE,
                "journal": "Journal of Consulting and Clinical Psychology",
                "year": 2002,
                "authors": "Resick PA, Nishith P, Weaver TL, Astin MC, Feuer CA",
                "doi": "10.1037/0022-006X.70.4.867",
                "pmid": "12182270",
                "design": "rct",
                "participants": 171,
                "population": "Women with chronic PTSD after rape",
                "comparison": "usual-care",
                "follow_up_weeks": 39,
                "measures": "CAPS, PTSD Symptom Scale, Beck Depression Inventory, "
                "Trauma-Related Guilt Inventory",
            }
        ],
    },
    {
        "slug": "guided-online-cbt-compared-with-face-to-face-therapy",
        "hero": {
            "file": "forest-stream.jpg",
            "alt": "A small stream stepping down over pale rocks through a green forest",
            "credit": "Photo: Aitzol Berasategi (CC BY 4.0), cropped",
        },
        "title": "Guided online CBT worked about as well as face-to-face therapy across 13 trials",
        "summary": (
            "Researchers pooled 13 trials, with 1,053 people in total, that compared guided "
            "internet-based cognitive behavioural therapy with the same therapy given in person. "
            "Most trials were about anxiety or depression. Overall, the two formats worked "
            "about equally well, though each condition had only a few trials."
        ),
        "author": "priya-raman",
        "topics": ["anxiety", "depression", "psychotherapy"],
        "status": PUBLISHED,
        "publish": (90, "11:20"),
        "review": ("miriam-okafor", 2),
        "body": """\
Cognitive behavioural therapy (CBT) is one of the best-studied treatments for anxiety and
depression. It can also be done online: a set of lessons and exercises, with a therapist who
checks in by message. This review asked whether that guided online format works as well as
meeting a therapist in person.

## Key findings

1. The researchers found **13 trials, with 1,053 people**. Each trial compared guided online
   CBT with CBT in person.
2. The trials looked at several problems. Three were about social anxiety and three about panic.
   Two were about low mood and two about body image. There was one trial each on ringing in the
   ears, sexual problems in men and fear of spiders.
3. Overall, **the two formats produced about the same benefit** by the end of treatment.
4. The quality of the individual trials did not change this result.

## How might this work?

Online CBT teaches the same skills as in-person CBT: noticing anxious or low thoughts, testing
them against the evidence, and gradually facing situations that have been avoided. The skills
are learned through reading, short videos and practice between lessons. In guided programs, a
therapist reviews the work and sends feedback, which helps people stay on track. Much of the
change in CBT comes from practice in daily life, which may be why the format matters less than
expected.

## Why this study matters

Waiting lists for therapy can be long, and travel, work hours, childcare or anxiety itself can
make regular appointments hard. Knowing that guided online CBT can work about as well gives
people a real choice. Some prefer to work at their own pace; others value meeting in person.

## Limits of this study

- **Few trials per condition.** Only two or three trials looked at any one problem, so the
  evidence for each is still limited.
- **Guided, not self-help.** The results apply to programs with therapist support. They do not
  tell us about apps used without any guidance.
- **Many conditions untested.** Several common problems had no trials comparing the two formats.

If you are interested in online CBT, ask your care team whether a guided program suits you.
""",
        "studies": [
            {
                "title": _ONLINE_CBT_TITLE,
                "journal": "World Psychiatry",
                "year": 2014,
                "authors": "Andersson G, Cuijpers P, Carlbring P, Riper H, Hedman E",
                "url": pubmed_search(_ONLINE_CBT_TITLE),
                "design": "meta-analysis",
                "studies_pooled": 13,
                "participants": 1053,
                "comparison": "active",
                "population": (
                    "People with psychiatric or physical health conditions, including social "
                    "anxiety, panic disorder and depressive symptoms"
                ),
                "measures": "Each trial's main symptom measure",
            }
        ],
    },
    {
        "slug": "single-ketamine-infusion-for-treatment-resistant-depression",
        "title": "One ketamine infusion for hard-to-treat depression: a two-site trial",
        "summary": (
            "Seventy-three adults with depression that had not responded to other treatments "
            "received a single infusion of either ketamine or midazolam, an active comparison "
            "drug. A day later, depression had eased more in the ketamine group. The study "
            "looked at the short term only."
        ),
        "author": "priya-raman",
        "topics": ["depression", "ketamine"],
        "status": DRAFT,
        "publish": None,
        "body": """\
Earlier studies had suggested that ketamine could lift depression within hours. But they were
small. Many compared ketamine with salt water, which is easy to tell apart from a real drug. This
trial, run at two hospitals in New York and Houston, tested the effect more carefully.

## Key findings

1. **73 adults with treatment-resistant depression** were randomly assigned, two to one, to a
   single infusion of ketamine or of midazolam. Neither they nor the researchers knew which.
2. The main question was how much depression symptoms changed **24 hours** after the infusion,
   measured with the clinician-rated **MADRS** scale.
3. Depression improved **more with ketamine** than with midazolam at 24 hours, and more people
   in the ketamine group responded to treatment.

## How might this work?

Ketamine acts on glutamate, a chemical messenger involved in how brain cells connect and adapt.
Researchers think this may start a burst of new connections within hours, which could explain why
its effect on mood can come much faster than that of most antidepressants.

## Why this study matters

Midazolam has effects people can feel, so it was harder to tell which drug they got. That made
this a fairer test than earlier studies. It added to the evidence that ketamine's quick effect on
depression is real, and not only hope at work.

## Limits of this study

- **Short term only.** One infusion was studied for a short time; it does not tell us how to keep
  the benefit going.
- **Chosen with care.** People with some other health problems could not take part.

*Draft: waiting for a doctor to review it.*
""",
        "studies": [
            {
                "title": _SINGLE_KETAMINE_TITLE,
                "journal": "American Journal of Psychiatry",
                "year": 2013,
                "authors": (
                    "Murrough JW, Iosifescu DV, Chang LC, Al Jurdi RK, Green CE, Perez AM, "
                    "Iqbal S, Pillemer S, Foulkes A, Shah A, Charney DS, Mathew SJ"
                ),
                "doi": "10.1176/appi.ajp.2013.13030392",
                "pmid": "23982301",
                "design": "rct",
                "participants": 73,
                "comparison": "active",
                "follow_up_weeks": 1,
                "population": "Adults with treatment-resistant major depression",
                "measures": "MADRS",
            }
        ],
    },
]


MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAYS = (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)

# Closed at every location on the next occurrence of each date.
HOLIDAY_CLOSURES = [
    {"month": 12, "day": 25, "note": "Christmas Day"},
    {"month": 12, "day": 26, "note": "Boxing Day"},
    {"month": 1, "day": 1, "note": "New Year's Day"},
]

# Addresses are invented on real streets; phone numbers are in the 555-01xx range set aside
# for fiction. Each location's email and booking link use example.org.
LOCATIONS = [
    {
        "name": "Harbourlight Downtown",
        "slug": "downtown",
        "street_address": "425 Adelaide Street West, Suite 300",
        "city": "Toronto",
        "region": "ON",
        "postal_code": "M5V 1S4",
        "country": "CA",
        "phone": "416-555-0142",
        "alternate_phone": "1-800-555-0199",
        "alternate_phone_label": "Toll-free",
        "email": "downtown@example.org",
        "booking_url": "https://example.org/book?location=downtown",
        "latitude": "43.646600",
        "longitude": "-79.396000",
        "accessibility_notes": (
            "The entrance on Adelaide Street is step-free, and a lift goes to the third floor. "
            "An accessible washroom and a quiet waiting room are on our floor."
        ),
        "parking_notes": (
            "There is no parking at the building. Paid public parking lots are a short walk away."
        ),
        "transit_notes": (
            "The 510 Spadina and 504 King streetcars stop a short walk away. St Andrew "
            "Station on Line 1 is about ten minutes on foot."
        ),
        "position": 10,
        # Monday to Friday with a lunch break, and Saturday mornings.
        "hours": [
            (WEEKDAYS, time(9, 0), time(12, 0)),
            (WEEKDAYS, time(13, 0), time(17, 0)),
            ((SATURDAY,), time(10, 0), time(14, 0)),
        ],
        "special_hours": [
            {
                "month": 12,
                "day": 24,
                "opens": time(10, 0),
                "closes": time(14, 0),
                "note": "Christmas Eve: short day",
            },
        ],
    },
    {
        "name": "Harbourlight Midtown",
        "slug": "midtown",
        "street_address": "2180 Yonge Street, Suite 800",
        "city": "Toronto",
        "region": "ON",
        "postal_code": "M4S 2B9",
        "country": "CA",
        "phone": "416-555-0168",
        "email": "midtown@example.org",
        "booking_url": "https://example.org/book?location=midtown",
        "latitude": "43.705200",
        "longitude": "-79.398300",
        "accessibility_notes": (
            "The main entrance has automatic doors, and lifts serve every floor. Accessible "
            "washrooms are next to our waiting room."
        ),
        "parking_notes": (
            "Paid underground parking is in the building, entered from the side street. Two "
            "accessible spaces are close to the lifts."
        ),
        "transit_notes": (
            "Eglinton Station on Line 1 is a five-minute walk north. Several bus routes stop "
            "at Yonge and Eglinton."
        ),
        "position": 20,
        # Monday to Friday, no lunch break; closed at weekends.
        "hours": [(WEEKDAYS, time(8, 30), time(18, 0))],
    },
    {
        "name": "Harbourlight Mississauga",
        "slug": "mississauga",
        "street_address": "350 Burnhamthorpe Road West, Suite 210",
        "city": "Mississauga",
        "region": "ON",
        "postal_code": "L5B 3J1",
        "country": "CA",
        "phone": "905-555-0163",
        "email": "mississauga@example.org",
        "booking_url": "https://example.org/book?location=mississauga",
        "latitude": "43.588000",
        "longitude": "-79.645000",
        "accessibility_notes": (
            "A power door opens onto the step-free entrance from the parking lot. Our clinic is "
            "on the second floor, reached by lift."
        ),
        "parking_notes": (
            "Patients park free in the lot behind the building. Accessible spaces are next to "
            "the entrance."
        ),
        "transit_notes": (
            "MiWay buses stop on Burnhamthorpe Road outside the building. City Centre Transit "
            "Terminal is about a ten-minute walk."
        ),
        "position": 30,
        # Late opening on Tuesdays and Thursdays; closed at weekends.
        "hours": [
            ((MONDAY, WEDNESDAY, FRIDAY), time(9, 0), time(17, 0)),
            ((TUESDAY, THURSDAY), time(12, 0), time(20, 0)),
        ],
    },
]
