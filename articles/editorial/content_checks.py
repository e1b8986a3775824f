"""Checks an article's content before it goes out, saying what is wrong and where.

An image without alt text stops any save (`image_alt_problems`). Promotional wording, a
reading grade over the clinic's limit and a disclaimer without its core message stop
publishing (`articles.editorial.gates`); after every save the editor also sees each of them,
and the advice that never stops anything (no study attached, links without https), as
warnings (`content_warnings`). The body is checked as rendered, so Markdown and HTML images
and links are treated alike.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from clinic.authoring.markdown import render_markdown
from clinic.domain.sitewide import clinic_profile

from .reading_level import reading_grade, reading_warnings  # noqa: F401 - as before

PROMOTIONAL = "is promotional wording that advertising rules for clinics forbid"
TESTIMONIAL = "reads as a patient testimonial, which advertising rules for clinics forbid"
# Professional advertising standards for clinics forbid testimonials, superlatives about the
# clinic or a treatment, guarantees and promises of a cure. Research language uses many of the
# same words plainly (“best read as preliminary”, “best-studied”, “100% of participants”, “there
# is no cure”), so each pattern needs the context that makes it an advertising claim.
_CARE = (
    r"(?:clinic|cent(?:re|er)|provider|care|treatment|therapy|therap(?:ist|ies)|option|choice|"
    r"results?|outcomes?|doctors?|psychiatrists?|specialists?|experts?|team|staff|service)s?"
)
_NEGATED = re.compile(
    r"\b(?:no|not|never|nor|without|cannot|can't|isn't|aren't|won't|doesn't)\b[\w\s,-]{0,20}$",
    re.IGNORECASE,
)
# Words that make “gold standard” a statement about how research is done, not praise of care.
_METHOD = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|design|randomi[sz]ed|methods?|measures?|measurement|tests?|"
    r"testing|diagnos\w*|interview|scales?|assessments?|comparison|compared|reference|"
    r"research(?:ers)?|evidence)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Wording:
    """One kind of forbidden phrase. `may_be_negated`: “no guarantee” is plain language;
    `unless_near`: words within a few words either side that make the phrase neutral."""

    pattern: re.Pattern
    reason: str
    may_be_negated: bool = False
    unless_near: re.Pattern | None = None

    def is_excused(self, text, match):
        before = text[max(0, match.start() - 40) : match.start()]
        if self.may_be_negated and _NEGATED.search(before):
            return True
        if self.unless_near is None:
            return False
        # Within the same sentence only: “… the gold standard. Our trial …” is not excused.
        after = text[match.end() : match.end() + 40]
        around = f"{re.split(r'[.!?]', before)[-1]} {re.split(r'[.!?]', after)[0]}"
        return bool(self.unless_near.search(around))


def _wording(pattern, reason, *, negated=False, unless_near=None):
    return Wording(re.compile(pattern, re.IGNORECASE), reason, negated, unless_near)


FORBIDDEN_WORDING = [
    _wording(r"\btestimonials?\b", TESTIMONIAL),
    _wording(r"\b(?:patients?|clients?) (?:say|says|rave|raved|tell us|told us)\b", TESTIMONIAL),
    _wording(r"\b(?:five|5)[- ]stars?\b", TESTIMONIAL),
    _wording(r"\b(?:cures?|cured|curing)\b(?![- ](?:rates?|rate\b))", PROMOTIONAL, negated=True),
    # “guaranteed relief”, “guaranteed to help”, “a guarantee”; not “not guaranteed”.
    _wording(r"\bguarantee(?:s|d)?\b", PROMOTIONAL, negated=True),
    _wording(
        r"\b(?:you will|you'll|will make you) (?:feel|be|get|see) (?:better|well|cured|happ\w+|"
        r"results)\b",
        PROMOTIONAL,
    ),
    _wording(
        r"\b(?:proven|guaranteed) to (?:work|cure|heal|help|fix)\b", PROMOTIONAL, negated=True
    ),
    # “100% effective”, “works 100% of the time”; not “100% of participants”.
    _wording(
        r"\b100 ?(?:%|per ?cent\b)(?! of (?:the )?(?:participants|patients|people|subjects|"
        r"trials|studies|sample|those|them|women|men|adults|children)\b)",
        PROMOTIONAL,
    ),
    _wording(r"\bmiracle\w*|\bmiraculous\w*", PROMOTIONAL),
    _wording(
        rf"\b(?:the|our|its|their) (?:very )?(?:best|finest|greatest|top)(?: \w+)? {_CARE}\b",
        PROMOTIONAL,
    ),
    _wording(rf"\bbest {_CARE} (?:in|around|available|anywhere)\b", PROMOTIONAL),
    _wording(r"\b(?:world|industry|market)[- ]leading\b", PROMOTIONAL),
    _wording(rf"\b(?:leading|top|finest|greatest|top-rated|award-winning) {_CARE}\b", PROMOTIONAL),
    _wording(r"(?<!\w)#\s?1(?!\d)|\bnumber one\b|\bno\. ?1(?!\d)", PROMOTIONAL),
    _wording(r"\brisk[- ]free\b", PROMOTIONAL),
    _wording(r"\b(?:world[- ]class|unrivall?ed|unmatched|unbeatable|revolutionary)\b", PROMOTIONAL),
    _wording(r"\blife[- ]chang(?:ing|er)\b", PROMOTIONAL),
    # “highly effective”, “remarkably effective”; not “not highly effective”.
    _wording(
        r"\b(?:highly|hugely|extremely|remarkably|incredibly) effective\b",
        PROMOTIONAL,
        negated=True,
    ),
    # “the best news for PTSD in years”: any words between, within one sentence.
    _wording(
        r"\bbest news\b[^.!?]{0,80}?\bin (?:years|decades|a decade|a generation)\b", PROMOTIONAL
    ),
    # Praise of a treatment (“the gold-standard treatment”, “ketamine is the gold standard”),
    # not research method (“the gold-standard trial design”, “the gold standard for testing”).
    _wording(r"\bgold[- ]standard\b", PROMOTIONAL, negated=True, unless_near=_METHOD),
]
BLOCK_KINDS = {
    "p": "paragraph", "li": "list item", "td": "table cell", "th": "table cell",
    "dt": "term", "dd": "definition", "figcaption": "caption", "caption": "caption",
    **{f"h{level}": "heading" for level in range(1, 7)},
}  # fmt: skip
PLAIN_HTTP_ADDRESS = re.compile(r"\bhttp://[^\s<>\"')\]]+", re.IGNORECASE)


@dataclass
class Block:
    """One paragraph, list item, heading or table cell of the rendered body."""

    kind: str
    number: int
    section: str
    text: str = ""
    links: list = field(default_factory=list)
    images: list = field(default_factory=list)

    @property
    def where(self):
        if self.kind == "heading":
            return f"Body, heading “{self.text}”"
        section = f" (in “{self.section}”)" if self.section else ""
        return f"Body, {self.kind} {self.number}{section}"


class _BlockParser(HTMLParser):
    """Splits rendered HTML into blocks, remembering the heading each one sits under."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._open, self._counts, self._section = [], [], {}, ""

    def _start_block(self, kind):
        self._counts[kind] = self._counts.get(kind, 0) + 1
        self._open.append(Block(kind, self._counts[kind], self._section))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCK_KINDS:
            self._start_block(BLOCK_KINDS[tag])
        elif not self._open and tag in {"a", "img"}:
            self._start_block("paragraph")  # a bare <img> or <a> outside any paragraph
        block = self._open[-1] if self._open else None
        if block and tag == "a" and attrs.get("href"):
            block.links.append(attrs["href"])
        if block and tag == "img":
            block.images.append((attrs.get("src") or "", attrs.get("alt")))

    def handle_endtag(self, tag):
        if tag in BLOCK_KINDS and self._open:
            self._close()

    def handle_data(self, data):
        if self._open:
            self._open[-1].text += data

    def _close(self):
        block = self._open.pop()
        block.text = " ".join(block.text.split())
        if block.kind == "heading":
            self._section = block.text
        if block.text or block.links or block.images:
            self.blocks.append(block)

    def close(self):
        super().close()
        while self._open:
            self._close()
        return self.blocks


def body_blocks(body_html):
    """The rendered body's blocks, in order."""
    parser = _BlockParser()
    parser.feed(body_html or "")
    return parser.close()


def image_alt_problems(markdown):
    """Each image in the Markdown body that has no alt text, as a message for the editor."""
    problems = []
    for block in body_blocks(render_markdown(markdown)):
        for src, alt in block.images:
            if not (alt or "").strip():
                problems.append(
                    f"{block.where}: the image “{src}” has no alt text. Describe it for people "
                    f"who cannot see it, between the square brackets: ![What it shows]({src})"
                )
    return problems


def wording_warnings(where, text):
    """Testimonials, superlatives, guarantees and promised cures in `text`, one message per
    phrase. A guarantee or cure that is denied (“there is no cure”) is plain language."""
    text = text or ""
    matches = []
    for wording in FORBIDDEN_WORDING:
        for match in wording.pattern.finditer(text):
            if not wording.is_excused(text, match):
                matches.append((match.start(), -match.end(), match.group(0), wording.reason))
    found, taken_until = {}, -1
    for start, negative_end, phrase, reason in sorted(matches):
        if start < taken_until:  # overlaps a phrase already reported (“industry-leading team”)
            continue
        taken_until = -negative_end
        found.setdefault(phrase.lower(), (phrase, reason))
    return [f"{where}: “{phrase}” {reason}." for phrase, reason in found.values()]


def link_warnings(where, urls, text=""):
    """Links, and addresses typed as text, that start with http:// rather than https://."""
    insecure = [url for url in urls if url.lower().startswith("http://")]
    insecure += [url.rstrip(".,;:!?") for url in PLAIN_HTTP_ADDRESS.findall(text)]
    return [
        f"{where}: the link {url} is not secure (http://). Use its https:// address if it has one."
        for url in dict.fromkeys(insecure)
    ]


def content_warnings(article, studies, *, max_reading_grade=None):
    """Everything worth a second look before `article` (with `studies`) is published."""
    if max_reading_grade is None:
        max_reading_grade = clinic_profile().max_reading_grade
    blocks = body_blocks(render_markdown(article.body))
    warnings = []
    if not studies:
        warnings.append(
            "No study is attached. Add the research this summary describes under “Studies”."
        )
    warnings += reading_warnings(blocks, max_reading_grade, article.language)
    warnings += wording_warnings("Title", article.title)
    warnings += wording_warnings("Summary", article.summary)
    for block in blocks:
        warnings += wording_warnings(block.where, block.text)
        warnings += link_warnings(block.where, block.links, block.text)
    for number, study in enumerate(studies, start=1):
        warnings += link_warnings(f"Study {number}", [study.url])
    return warnings
