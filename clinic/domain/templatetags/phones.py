"""Phone numbers in editors' plain text become links a phone can call in one tap.

`{{ text|phone_links }}` escapes the text first, then wraps each phone number it finds in a
`tel:` link (an `sms:` link after “text … to”), taking a label in brackets right after the
number into the link: “call 988 (Suicide Crisis Helpline)”. Numbers are full phone numbers
of 7 to 15 digits, or the short emergency and crisis numbers in SHORT_NUMBERS, so a year or
a count of people in the same sentence is never linked.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from clinic.domain.models.safety import dial_digits

register = template.Library()

# Emergency and crisis numbers short enough to be mistaken for other figures: only these.
SHORT_NUMBERS = {
    "116 123", "13 11 14", "911", "988", "999", "112", "111", "000", "311", "211", "811",
}  # fmt: skip
CANDIDATE = re.compile(
    r"(?<![\w.,/+-])(?P<number>\+?\(?\d(?:[\d \u00a0().-]*\d)?)(?![\w/-]|[.,]\d)"
    r"(?P<label> \([^()<>]{1,60}\))?"
)
# Dates and year ranges have the digits of a phone number: "2026-12-07", "1990-2004".
NOT_A_PHONE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4} ?- ?\d{2,4}")
TEXT_TO = re.compile(r"\btext\s+(?:\S+\s+to\s+)?$", re.IGNORECASE)
CALL_OR_TEXT = re.compile(r"\bcall\s+or\s+text\s+$", re.IGNORECASE)


def _linkable(number, is_text_only):
    """The part of a run of digits that is a phone number, or ""."""
    spaced = number.replace("\u00a0", " ")
    if NOT_A_PHONE.fullmatch(spaced):
        return ""
    digits = re.sub(r"\D", "", number)
    if 7 <= len(digits) <= 15 or spaced in SHORT_NUMBERS:
        return number
    if is_text_only and 4 <= len(digits) <= 6:
        return number
    first = spaced.split(" ")[0]  # “988 24 hours a day”: the number is the first group
    return number[: len(first)] if first in SHORT_NUMBERS else ""


def _link(match, text):
    before = text[max(0, match.start() - 40) : match.start()]
    is_text_only = bool(TEXT_TO.search(before)) and not CALL_OR_TEXT.search(before)
    number = _linkable(match.group("number"), is_text_only)
    if not number:
        return match.group()
    label = (match.group("label") or "") if number == match.group("number") else ""
    rest = match.group()[len(number) + len(label) :]
    href = ("sms:" if is_text_only else "tel:") + dial_digits(number.lstrip("("))
    return f'<a class="phone-link" href="{href}">{number}{label}</a>{rest}'


def link_phone_numbers(text):
    """Escaped `text` with its phone numbers as links, marked safe."""
    escaped = str(escape(text))
    return mark_safe(CANDIDATE.sub(lambda match: _link(match, escaped), escaped))  # noqa: S308


@register.filter(is_safe=True)
def phone_links(text):
    """Plain text with its phone and crisis numbers as tap-to-call links (escaped first)."""
    return link_phone_numbers(text or "")
