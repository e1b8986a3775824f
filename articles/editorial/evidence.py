"""“How strong is the evidence?”: a plain-language reading of a study record, by fixed rules.

Every sentence here comes from the record's fields through the rules below, never from an
editor, so the same record always reads the same way. Where a field is empty the point says
the record does not say, rather than guess, and is marked unknown: readers do not see it
(includes/evidence_box.html), editors do, in the admin. The rules, thresholds and their
sources are listed in the README ("Weighing the evidence").
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from articles.models import Study

Design, Comparison, Funder = Study.Design, Study.Comparison, Study.Funder

# The ladder of evidence for "does this treatment help?", after the Oxford Centre for
# Evidence-Based Medicine's 2011 Levels of Evidence (treatment benefits, levels 1-4).
LADDER = [
    (1, _lazy("Systematic reviews and meta-analyses"), _lazy("pool many studies")),
    (2, _lazy("Randomised controlled trials"), _lazy("chance decides who gets the treatment")),
    (3, _lazy("Cohort studies"), _lazy("follow groups who chose or were given different care")),
    (4, _lazy("Case series"), _lazy("describe people who all had the treatment")),
]
LEVEL = {
    Design.META_ANALYSIS: 1,
    Design.SYSTEMATIC_REVIEW: 1,
    Design.RCT: 2,
    Design.COHORT: 3,
    Design.CASE_SERIES: 4,
}

# Participants below `small` are few for the design; at or above `large`, many (README).
SIZE_THRESHOLDS = {
    Design.META_ANALYSIS: (400, 1000),  # GRADE's rule of thumb; Dechartres et al. 2013
    Design.SYSTEMATIC_REVIEW: (400, 1000),
    Design.RCT: (100, 1000),  # Dechartres et al. 2013, BMJ 346:f2304
    Design.COHORT: (1000, 10000),  # house convention: 10x trials, for confounding
    Design.CASE_SERIES: (20, 100),  # house convention
}
# Fewer pooled studies than this are too few to check for unpublished ones (Cochrane Handbook).
FEW_STUDIES = 10

KIND = {
    Design.META_ANALYSIS: _lazy(
        "A systematic review with a meta-analysis: researchers gathered the "
        "studies on one question and combined their results."
    ),
    Design.SYSTEMATIC_REVIEW: _lazy(
        "A systematic review: researchers gathered and appraised the "
        "studies on one question in a planned way."
    ),
    Design.RCT: _lazy("A randomised controlled trial: chance decided who received the treatment."),
    Design.COHORT: _lazy(
        "A cohort study: researchers followed groups of people over time without "
        "deciding who received which treatment."
    ),
    Design.CASE_SERIES: _lazy("A case series: a report on people who all received the treatment."),
}
PLACE = {
    1: _lazy(
        "Reviews sit at the top of the usual ladder of evidence, but a review is only as strong "
        "as the studies it pools."
    ),
    2: _lazy(
        "Randomised trials are the strongest kind of single study of whether a treatment helps."
    ),
    3: _lazy(
        "Without chance deciding who was treated, other differences between the groups may "
        "explain part of the result."
    ),
    4: _lazy(
        "Without a comparison group, a case series can suggest an idea but cannot show that the "
        "treatment caused the change."
    ),
}
COMPARED = {
    Comparison.PLACEBO: _lazy(
        "People were compared with a group given a placebo (a dummy "
        "treatment), which helps separate the treatment’s effect from expectation."
    ),
    Comparison.ACTIVE: _lazy(
        "People were compared with a group given another active treatment, "
        "which makes it harder to guess who got what."
    ),
    Comparison.USUAL_CARE: _lazy(
        "People were compared with a group receiving usual care or waiting "
        "for treatment. That shows the difference from no new treatment, but people knew which "
        "group they were in."
    ),
    Comparison.NONE: _lazy(
        "There was no comparison group, so we cannot tell how much of the change "
        "would have happened anyway."
    ),
}
PAID = {
    Funder.PUBLIC: _lazy("Public or charitable money paid for it."),
    Funder.INDUSTRY: _lazy(
        "A company with an interest in the result paid for it. Studies paid for "
        "by a treatment’s maker more often report favourable results, though that does not mean "
        "this one is wrong."
    ),
    Funder.MIXED: _lazy(
        "Both public money and a company with an interest in the result paid for it."
    ),
    Funder.NONE: _lazy("The authors declare that no one funded it."),
}
NOT_SAID = {
    "size": _lazy("The record does not say how many people took part."),
    "comparison": _lazy("The record does not say what the treatment was compared with."),
    "follow_up": _lazy("The record does not say how long people were followed."),
    "funding": _lazy("The record does not say who paid for the study."),
}


@dataclass(frozen=True)
class Point:
    """One line of the reading: its label, what it says, and whether the record said it."""

    label: str
    text: str
    is_known: bool = True


@dataclass(frozen=True)
class Reading:
    level: int | None
    points: list[Point]
    questions: list[str] = field(default_factory=list)

    @property
    def ladder(self):
        """[(level, name, gloss, is_this_study)] for the ladder graphic."""
        return [(n, name, gloss, n == self.level) for n, name, gloss in LADDER]


def size_word(design, participants):
    """“small”, “moderate” or “large” for a design, or "" when it has no thresholds."""
    if design not in SIZE_THRESHOLDS or not participants:
        return ""
    small, large = SIZE_THRESHOLDS[design]
    return "small" if participants < small else "large" if participants >= large else "moderate"


def duration(weeks):
    """12 -> “12 weeks”, 39 -> “about 9 months”, 104 -> “about 2 years”."""
    if weeks < 13:
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    if weeks < 104:
        months = round(weeks / 4.345)
        return ngettext("about %(count)d month", "about %(count)d months", months) % {
            "count": months
        }
    years = round(weeks / 52.18)
    return ngettext("about %(count)d year", "about %(count)d years", years) % {"count": years}


def _kind(study, level):
    if level is None:
        return Point(
            _("Kind of study"),
            _(
                "The record gives no design we can place on the usual ladder of evidence, so "
                "this box does not judge it. Ask how the study was done."
            ),
            is_known=False,
        )
    return Point(_("Kind of study"), f"{KIND[study.design]} {PLACE[level]}")


def _few_studies():
    return _("With so few studies, a review cannot reliably check for unpublished ones.")


def _size(study, level):
    people, pooled = study.participants, study.studies_pooled
    label = _("How many people")
    if not people:
        if level == 1 and pooled:  # the number of studies is worth saying on its own
            text = _("It pooled %(studies)s.") % {"studies": _studies(pooled)}
            if pooled < FEW_STUDIES:
                text += " " + _few_studies()
            return Point(label, text)
        return Point(label, str(NOT_SAID["size"]), is_known=False)
    count = ngettext("%(count)s person", "%(count)s people", people) % {"count": intcomma(people)}
    if level == 1 and pooled:
        text = _("%(people)s took part across %(studies)s") % {
            "people": count,
            "studies": _studies(pooled),
        }
    else:
        text = _("%(people)s took part") % {"people": count}
    word = size_word(study.design, people)
    sizes = {
        "small": _("which is small for this kind of study."),
        "moderate": _("which is moderate for this kind of study."),
        "large": _("which is large for this kind of study."),
    }
    text += f", {sizes[word]}" if word else "."
    if word == "small":
        text += " " + _(
            "Small studies often find bigger effects than larger studies later confirm."
        )
    if level == 1 and pooled and pooled < FEW_STUDIES:
        text += " " + _few_studies()
    return Point(label, text)


def _studies(count):
    return ngettext("%(count)d study", "%(count)d studies", count) % {"count": count}


def _comparison(study, level):
    label = _("Compared with")
    if study.comparison:
        text = str(COMPARED[study.comparison])
        if level == 1:
            text = _("In the pooled studies: %(comparison)s") % {
                "comparison": text[0].lower() + text[1:]
            }
        return Point(label, text)
    if level == 4:
        return Point(label, str(COMPARED[Comparison.NONE]))
    return Point(label, str(NOT_SAID["comparison"]), is_known=False)


def _follow_up(study):
    if not study.follow_up_weeks:
        return Point(_("How long"), str(NOT_SAID["follow_up"]), is_known=False)
    return Point(
        _("How long"),
        _(
            "People were followed for %(duration)s. The study cannot tell us what happened "
            "after that."
        )
        % {"duration": duration(study.follow_up_weeks)},
    )


def _funding(study):
    if study.funder:
        return Point(_("Who paid"), str(PAID[study.funder]))
    if study.funding_note.strip():
        return Point(_("Who paid"), _("See the funding statement above."))
    return Point(_("Who paid"), str(NOT_SAID["funding"]), is_known=False)


def _questions(study, level):
    questions = []
    if level in {3, 4} or study.comparison == Comparison.NONE:
        questions.append(_("Is there a randomised trial of this treatment yet?"))
    if size_word(study.design, study.participants) == "small" or (
        level == 1 and study.studies_pooled and study.studies_pooled < FEW_STUDIES
    ):
        questions.append(_("Have larger studies looked at this since?"))
    if study.follow_up_weeks:
        questions.append(
            _("What is known about how people do after %(duration)s?")
            % {"duration": duration(study.follow_up_weeks)}
        )
    elif level is not None:
        questions.append(_("How long do the benefits tend to last?"))
    if study.funder in {Funder.INDUSTRY, Funder.MIXED}:
        questions.append(_("Have independent researchers found the same?"))
    questions.append(
        _("Were people like me included in this study, and does the result apply to me?")
    )
    questions.append(_("What are the other options, and how do their risks and benefits compare?"))
    return questions


def read_evidence(study):
    """The reading of one study record: its place on the ladder, points and questions."""
    level = LEVEL.get(study.design)
    points = [
        _kind(study, level),
        _size(study, level),
        _comparison(study, level),
        _follow_up(study),
        _funding(study),
    ]
    return Reading(level=level, points=points, questions=_questions(study, level))
