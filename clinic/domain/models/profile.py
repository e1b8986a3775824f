"""The clinic's single profile, and the blank-text rule shared by constraints."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Length, Replace
from django.db.models.lookups import GreaterThan
from modeltranslation.utils import build_localized_fieldname

from .brand import BrandFields, WordingFields
from .safety import SafetyFields

DEFAULT_DISCLAIMER = (
    "This summary is for education only and is not medical advice. It does not replace a "
    "conversation with your own doctor or care team. Research findings may not apply to "
    "you. Never start, stop or change a treatment without talking to a qualified health "
    "professional. In an emergency, call your local emergency number or go to the nearest "
    "emergency department."
)

DEFAULT_CRISIS_LINE = (
    "If you are in crisis or thinking about suicide, call your local emergency number or go to "
    "the nearest emergency department now."
)

DEFAULT_STUDY_SELECTION = (
    "We summarise studies that answer questions our patients ask about their conditions and "
    "treatments. We look first for systematic reviews, meta-analyses and randomised controlled "
    "trials published in peer-reviewed journals. When only smaller or earlier studies exist we "
    "may summarise them too, and say plainly how strong their evidence is. We summarise results "
    "whether or not they favour a treatment we offer."
)

DEFAULT_FUNDING_STATEMENT = (
    "The clinic pays for this library itself. We carry no advertising and no sponsored "
    "content, and no drug or device maker pays for, reviews or approves our summaries."
)

# Characters that do not count as text when deciding whether a field is blank.
_BLANK_CHARACTERS = (" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2007", "\u202f", "\u3000")


def has_visible_text(field_name):
    """A database expression: true when the column holds something besides whitespace.

    Written with REPLACE and LENGTH, which SQLite and PostgreSQL both have, so the
    same CHECK constraint holds on either database.
    """
    expression = models.F(field_name)
    for character in _BLANK_CHARACTERS:
        expression = Replace(expression, models.Value(character), models.Value(""))
    return GreaterThan(Length(expression), 0)


def link_lines(text):
    """The non-blank lines of a one-address-a-line field, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_link_lines(text):
    check = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(link_lines(text), start=1):
        try:
            check(line)
        except ValidationError:
            raise ValidationError(
                "Line %(number)s is not a full web address (https://...): %(line)s",
                params={"number": number, "line": line[:80]},
                code="invalid_link",
            ) from None


class ClinicProfile(BrandFields, WordingFields, SafetyFields, models.Model):
    """The clinic's name, blurb and defaults. There is exactly one."""

    SINGLETON_ID = 1

    name = models.CharField(max_length=120, default="Our clinic")
    tagline = models.CharField(max_length=200, blank=True)
    about = models.TextField(
        "about the clinic",
        blank=True,
        help_text="A short paragraph shown under every article and on the home page.",
    )
    default_disclaimer = models.TextField(
        default=DEFAULT_DISCLAIMER,
        help_text="Pre-filled into every new article. Editors can adapt it per article.",
    )
    # The default before the last change, so articles still carrying it can be brought up
    # to date (clinic.disclaimers).
    previous_default_disclaimer = models.TextField(blank=True, editable=False)
    crisis_line = models.TextField(
        "crisis line",
        default=DEFAULT_CRISIS_LINE,
        help_text="Shown above the results when someone searches for suicide, self-harm or "
        "crisis. Name the numbers people should call where your patients live, in one or two "
        "short sentences.",
    )
    contact_email = models.EmailField(blank=True)
    booking_url = models.URLField(
        "booking link",
        blank=True,
        help_text="Where patients book an appointment online. Shown as a “Book an "
        "appointment” button at the top of every page, after every article and on the "
        "locations page (for locations without a booking link of their own).",
    )
    profile_links = models.TextField(
        "profiles on other sites",
        blank=True,
        validators=[validate_link_lines],
        help_text="One full address a line: the clinic's Google Business Profile, Facebook or "
        "LinkedIn page, Wikipedia entry... Search engines use them to recognise the clinic.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review interval (months)",
        default=12,
        help_text="New articles are due for medical review again this long after a review.",
    )
    require_review_before_publishing = models.BooleanField(
        "require medical review before publishing",
        default=False,
        help_text="When on, an article can only be published once a reviewer and review date "
        "are set.",
    )
    study_selection = models.TextField(
        "how studies are chosen",
        default=DEFAULT_STUDY_SELECTION,
        help_text="Shown on the editorial policy page. Say which studies you summarise and why.",
    )
    funding_statement = models.TextField(
        "funding and advertising",
        default=DEFAULT_FUNDING_STATEMENT,
        help_text="Shown on the editorial policy page: who pays for the library, and that it "
        "carries no advertising.",
    )
    conflicts_statement = models.TextField(
        "other interests to declare",
        blank=True,
        help_text="Optional, on the editorial policy page after the treatments the clinic "
        "offers: for example a reviewer's paid work for a drug maker.",
    )
    max_reading_grade = models.PositiveSmallIntegerField(
        "reading grade limit",
        default=9,
        help_text="Articles written above this school grade cannot be published until they "
        "read more simply (or a Marketing editor publishes them anyway, giving a reason).",
    )

    class Meta:
        verbose_name = "clinic profile"
        permissions = [
            ("change_site_settings", "Can change site settings (brand, wording and booking)")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(id=1),
                name="clinicprofile_single_row",
                violation_error_message="The clinic has exactly one profile.",
            ),
            models.CheckConstraint(
                condition=has_visible_text("default_disclaimer"),
                name="clinicprofile_disclaimer_not_blank",
                violation_error_message="The default disclaimer cannot be empty.",
            ),
            models.CheckConstraint(
                condition=has_visible_text("crisis_line"),
                name="clinicprofile_crisis_line_not_blank",
                violation_error_message="The crisis line cannot be empty.",
            ),
            # Each language's column (clinic.domain.translation) is what pages read and what
            # forms and updates write: the English as well as the French.
            models.CheckConstraint(
                condition=models.Q(default_disclaimer_en__isnull=False)
                & has_visible_text("default_disclaimer_en"),
                name="clinicprofile_disclaimer_en_not_blank",
                violation_error_message="The default disclaimer cannot be empty.",
            ),
            models.CheckConstraint(
                condition=models.Q(crisis_line_en__isnull=False)
                & has_visible_text("crisis_line_en"),
                name="clinicprofile_crisis_line_en_not_blank",
                violation_error_message="The crisis line cannot be empty.",
            ),
            # The French wording a French page cannot do without: the disclaimer never falls
            # back to the English.
            models.CheckConstraint(
                condition=models.Q(default_disclaimer_fr__isnull=False)
                & has_visible_text("default_disclaimer_fr"),
                name="clinicprofile_disclaimer_fr_not_blank",
                violation_error_message="The French default disclaimer cannot be empty.",
            ),
            models.CheckConstraint(
                condition=models.Q(crisis_line_fr__isnull=False)
                & has_visible_text("crisis_line_fr"),
                name="clinicprofile_crisis_line_fr_not_blank",
                violation_error_message="The French crisis line cannot be empty.",
            ),
            models.CheckConstraint(
                condition=models.Q(urgent_help_intro_fr__isnull=False)
                & has_visible_text("urgent_help_intro_fr"),
                name="clinicprofile_urgent_help_fr_not_blank",
                violation_error_message="The French urgent help introduction cannot be empty.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @property
    def same_as(self):
        """The clinic's profiles on other sites, as a list of URLs."""
        return link_lines(self.profile_links)

    def clean(self):
        super().clean()
        self.clean_brand_colours()

    def default_disclaimer_in(self, language):
        """The default disclaimer written in `language` (its own column, `default_disclaimer_fr`),
        never another language's: what “use the default” puts on an article in that language."""
        column = build_localized_fieldname("default_disclaimer", language)
        return getattr(self, column) if hasattr(self, column) else self.default_disclaimer

    def remember_previous_disclaimer(self, previous):
        """Keep the default being replaced, when it changes (before saving)."""
        if previous is not None and previous.strip() != self.default_disclaimer.strip():
            self.previous_default_disclaimer = previous

    @classmethod
    def load(cls):
        """The clinic's profile, created with defaults the first time it is needed."""
        profile, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return profile


class SiteSettings(ClinicProfile):
    """The brand, wording and booking link of the profile, as their own admin page.

    Superusers and anyone given the “Can change site settings” permission edit them there,
    without access to the rest of the profile.
    """

    class Meta:
        proxy = True
        verbose_name = "site settings"
        verbose_name_plural = "site settings"
        default_permissions = ()
