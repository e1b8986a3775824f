"""The evidence box's rules, on a table of study records (no database needed)."""

import pytest

from articles.editorial.evidence import (
    FEW_STUDIES,
    SIZE_THRESHOLDS,
    duration,
    read_evidence,
    size_word,
)
from articles.models import Study

D, C, F = Study.Design, Study.Comparison, Study.Funder


def study(**fields):
    values = {"title": "A study", "journal": "J", "year": 2020, "authors": "A B", "design": D.RCT}
    return Study(**{**values, **fields})


def point(reading, label):
    return next(p for p in reading.points if p.label == label)


# (record, the ladder step, what "How many people" says, in part)
TABLE = [
    ({"design": D.META_ANALYSIS, "studies_pooled": 4, "participants": 34}, 1,
     "34 people took part across 4 studies, which is small for this kind of study."),
    ({"design": D.META_ANALYSIS, "studies_pooled": 13, "participants": 1053}, 1,
     "1,053 people took part across 13 studies, which is large for this kind of study."),
    ({"design": D.SYSTEMATIC_REVIEW, "studies_pooled": 20, "participants": 600}, 1,
     "600 people took part across 20 studies, which is moderate"),
    ({"design": D.RCT, "participants": 30}, 2, "30 people took part, which is small"),
    ({"design": D.RCT, "participants": 171}, 2, "171 people took part, which is moderate"),
    ({"design": D.RCT, "participants": 12000}, 2, "12,000 people took part, which is large"),
    ({"design": D.COHORT, "participants": 800}, 3, "800 people took part, which is small"),
    ({"design": D.COHORT, "participants": 50000}, 3, "50,000 people took part, which is large"),
    ({"design": D.CASE_SERIES, "participants": 1}, 4, "1 person took part, which is small"),
    ({"design": D.CASE_SERIES, "participants": 150}, 4, "150 people took part, which is large"),
    ({"design": D.OTHER, "participants": 90}, None, "90 people took part."),
    ({"design": D.RCT}, 2, "The record does not say how many people took part."),
    ({"design": D.META_ANALYSIS, "studies_pooled": 7}, 1,
     "It pooled 7 studies. With so few studies, a review cannot reliably check for "
     "unpublished ones."),
]  # fmt: skip


@pytest.mark.parametrize(("record", "level", "size_text"), TABLE)
def test_each_design_and_size_reads_as_the_rules_say(record, level, size_text):
    reading = read_evidence(study(**record))
    assert reading.level == level
    # Thousands are grouped by the site's locale (a no-break space in en-CA).
    assert size_text in point(reading, "How many people").text.replace("\xa0", ",")
    assert [step for step in reading.ladder if step[3]] == (
        [] if level is None else [reading.ladder[level - 1]]
    )


@pytest.mark.parametrize(
    ("design", "small", "large"), [(d, *limits) for d, limits in SIZE_THRESHOLDS.items()]
)
def test_size_thresholds_are_inclusive_at_their_lower_edge(design, small, large):
    assert size_word(design, small - 1) == "small"
    assert size_word(design, small) == "moderate"
    assert size_word(design, large - 1) == "moderate"
    assert size_word(design, large) == "large"


def test_a_record_without_the_optional_fields_says_so_for_each_and_guesses_nothing():
    reading = read_evidence(study(design=D.RCT))
    unknown = {p.label: p.text for p in reading.points if not p.is_known}
    assert unknown == {
        "How many people": "The record does not say how many people took part.",
        "Compared with": "The record does not say what the treatment was compared with.",
        "How long": "The record does not say how long people were followed.",
        "Who paid": "The record does not say who paid for the study.",
    }


def test_an_unplaceable_design_is_not_judged():
    reading = read_evidence(study(design=D.OTHER, participants=5))
    kind = point(reading, "Kind of study")
    assert not kind.is_known and "does not judge it" in kind.text
    assert "small" not in point(reading, "How many people").text


@pytest.mark.parametrize(
    ("comparison", "words"),
    [
        (C.PLACEBO, "placebo (a dummy treatment)"),
        (C.ACTIVE, "another active treatment"),
        (C.USUAL_CARE, "usual care or waiting"),
        (C.NONE, "no comparison group"),
    ],
)
def test_the_comparison_is_named(comparison, words):
    text = point(read_evidence(study(comparison=comparison)), "Compared with").text
    assert words in text.lower()


def test_a_review_says_the_comparison_was_in_the_pooled_studies():
    reading = read_evidence(study(design=D.META_ANALYSIS, comparison=C.PLACEBO))
    assert point(reading, "Compared with").text.startswith("In the pooled studies: people")


def test_a_case_series_has_no_comparison_group_by_design_even_when_the_record_is_silent():
    compared = point(read_evidence(study(design=D.CASE_SERIES)), "Compared with")
    assert compared.is_known and "no comparison group" in compared.text


@pytest.mark.parametrize(
    ("weeks", "words"),
    [(1, "1 week"), (4, "4 weeks"), (12, "12 weeks"), (39, "about 9 months"),
     (52, "about 12 months"), (104, "about 2 years"), (520, "about 10 years")],
)  # fmt: skip
def test_follow_up_reads_in_weeks_months_or_years(weeks, words):
    assert duration(weeks) == words
    text = point(read_evidence(study(follow_up_weeks=weeks)), "How long").text
    assert f"followed for {words}." in text and "cannot tell us what happened after" in text


@pytest.mark.parametrize(
    ("funder", "note", "words"),
    [
        (F.INDUSTRY, "", "more often report favourable results"),
        (F.PUBLIC, "", "Public or charitable money"),
        (F.MIXED, "", "Both public money and a company"),
        (F.NONE, "", "no one funded it"),
        ("", "Funded by the NIMH.", "See the funding statement above."),
    ],
)
def test_who_paid_comes_from_the_record(funder, note, words):
    paid = point(read_evidence(study(funder=funder, funding_note=note)), "Who paid")
    assert paid.is_known and words in paid.text


def test_the_wording_never_claims_proof():
    everything = [
        study(design=design, participants=n, comparison=c, funder=f, follow_up_weeks=w)
        for design in D.values
        for n in (None, 10, 5000)
        for c, f, w in [("", "", None), (C.PLACEBO, F.INDUSTRY, 26), (C.NONE, F.PUBLIC, 2)]
    ]
    for record in everything:
        reading = read_evidence(record)
        text = " ".join([p.text for p in reading.points] + reading.questions).lower()
        assert not {"prove", "proves", "proven", "definitely", "guarantee"} & set(text.split())


def test_questions_follow_the_weak_points_of_the_record():
    weak = read_evidence(
        study(design=D.CASE_SERIES, participants=8, follow_up_weeks=6, funder=F.INDUSTRY)
    )
    assert weak.questions[:4] == [
        "Is there a randomised trial of this treatment yet?",
        "Have larger studies looked at this since?",
        "What is known about how people do after 6 weeks?",
        "Have independent researchers found the same?",
    ]
    strong = read_evidence(study(design=D.RCT, participants=5000, comparison=C.PLACEBO))
    assert "Have larger studies looked at this since?" not in strong.questions
    assert "How long do the benefits tend to last?" in strong.questions
    assert strong.questions[-1].startswith("What are the other options")


def test_a_review_of_few_studies_says_unpublished_ones_cannot_be_checked():
    few = read_evidence(
        study(design=D.META_ANALYSIS, studies_pooled=FEW_STUDIES - 1, participants=5000)
    )
    many = read_evidence(
        study(design=D.META_ANALYSIS, studies_pooled=FEW_STUDIES, participants=5000)
    )
    assert "cannot reliably check for unpublished" in point(few, "How many people").text
    assert "unpublished" not in point(many, "How many people").text
    assert "Have larger studies looked at this since?" in few.questions
