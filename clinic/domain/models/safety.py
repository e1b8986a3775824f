"""Help for someone in crisis: the urgent-help page's crisis lines, and the quick exit.

The urgent-help page (linked from the header of every page) lists CrisisLine rows by region;
the quick-exit control (on every page, unless switched off) leaves for a neutral site. Both
are edited by Marketing: crisis lines in their own admin list, the rest in site settings.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

DEFAULT_URGENT_HELP_INTRO = (
    "If you might hurt yourself or someone else, or your life is in danger, call your local "
    "emergency number now or go to the nearest emergency department. The lines below are free "
    "and confidential. If one is busy or does not suit you, try another."
)
DEFAULT_QUICK_EXIT_URL = "https://www.google.com/"

PHONE_CHARACTERS = re.compile(r"^\+?[\d ().-]+$")


def validate_dialable(value):
    """A number as people dial it: digits, spaces, brackets, dots and dashes, maybe a +."""
    if value and (not PHONE_CHARACTERS.match(value) or not re.search(r"\d{2}", value)):
        raise ValidationError(
            "Write the number as people dial it, for example 988 or 1-800-668-6868.",
            code="invalid_phone",
        )


class SafetyFields(models.Model):
    """Site settings for the urgent-help page and the quick exit (ClinicProfile inherits them)."""

    urgent_help_intro = models.TextField(
        "urgent help page introduction",
        default=DEFAULT_URGENT_HELP_INTRO,
        help_text="The first words on the Urgent help page, above the crisis lines. Phone "
        "numbers in it become tap-to-call links.",
    )
    quick_exit_enabled = models.BooleanField(
        "show the quick exit",
        default=True,
        help_text="An “Exit this page” button on every page, for someone who needs to leave "
        "the site fast (pressing Shift three times does the same). Untick to remove it.",
    )
    quick_exit_url = models.URLField(
        "quick exit goes to",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="A neutral site that gives nothing away, such as a search engine or the weather.",
    )

    class Meta:
        abstract = True


class CrisisLineQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class CrisisLine(models.Model):
    """A crisis or emergency line on the urgent-help page, listed under its region."""

    region = models.CharField(
        max_length=80,
        help_text="Where the line answers, as readers would look for it: “Canada”, “United "
        "States”, “Anywhere”. Lines are grouped by region, in the order of their first line.",
    )
    name = models.CharField(
        max_length=120, help_text="For example “9-8-8 Suicide Crisis Helpline”."
    )
    phone = models.CharField(
        "number to call",
        max_length=40,
        blank=True,
        validators=[validate_dialable],
        help_text="As people dial it: 988, 116 123, 1-800-668-6868. Shown as a tap-to-call "
        "link. Leave empty for a text-only line.",
    )
    text_number = models.CharField(
        "number to text",
        max_length=40,
        blank=True,
        validators=[validate_dialable],
        help_text="Optional: a number that takes text messages.",
    )
    text_keyword = models.CharField(
        "word to text",
        max_length=40,
        blank=True,
        help_text="Optional: the word to send, for example “HOME”.",
    )
    description = models.CharField(
        "who it is for",
        max_length=300,
        blank=True,
        help_text="One sentence: who it helps and when, for example “Anyone thinking about "
        "suicide, or worried about someone. Any time, in English or French.”",
    )
    url = models.URLField("web address", max_length=300, blank=True)
    is_active = models.BooleanField("shown", default=True)
    position = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Lower numbers come first."
    )

    objects = CrisisLineQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="") | ~models.Q(text_number="") | ~models.Q(url=""),
                name="crisisline_has_a_way_to_reach_it",
                violation_error_message="Give a number to call, a number to text or a web address.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.region})"

    def get_absolute_url(self):
        return reverse("clinic:urgent-help")

    def clean(self):
        if not (self.phone or self.text_number or self.url):
            raise ValidationError("Give a number to call, a number to text or a web address.")
        if self.text_keyword and not self.text_number:
            raise ValidationError({"text_number": "Give the number the word is sent to."})

    @property
    def phone_uri(self):
        return "tel:" + dial_digits(self.phone) if self.phone else ""

    @property
    def text_uri(self):
        return "sms:" + dial_digits(self.text_number) if self.text_number else ""


def dial_digits(number):
    digits = re.sub(r"\D", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits


def crisis_lines_by_region(lines):
    """[(region, [line, ...])] in the order of each region's first line."""
    regions = {}
    for line in lines:
        regions.setdefault(line.region, []).append(line)
    return list(regions.items())
