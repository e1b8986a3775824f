"""The parts of the clinic profile that make the site the clinic's own: brand and wording.

ClinicProfile (profile.py) inherits these abstract models; the site-settings admin
(`SiteSettings`, a proxy of the profile) is where Marketing edits them.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext

from clinic.branding import palette
from clinic.branding.assets import social_rendition_name

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Pick a colour, or type one like #1f5f5b.")


class BrandFields(models.Model):
    logo = models.ImageField(
        upload_to="brand/",
        blank=True,
        help_text="Shown at the top of every page, about 48 pixels tall, with the clinic's name "
        "as its text for screen readers. Use a PNG with a transparent background, at least "
        "150 pixels tall so it stays sharp on high-resolution screens. It also becomes the "
        "browser tab icon.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    brand_color_light = models.CharField(
        "brand colour",
        max_length=7,
        default=palette.DEFAULT_LIGHT,
        validators=[hex_colour],
        help_text="Links, buttons and highlights on the normal (light) site. It must stand out "
        "from the pale page background (at least 4.5:1 contrast); a colour that does not is "
        "refused and a close colour that does is suggested.",
    )
    brand_color_dark = models.CharField(
        "brand colour in dark mode",
        max_length=7,
        default=palette.DEFAULT_DARK,
        validators=[hex_colour],
        help_text="The same, for visitors whose device is set to dark mode: usually a lighter "
        "shade of the brand colour, readable on the dark background.",
    )
    social_image = models.ImageField(
        "default sharing image",
        upload_to="brand/social/",
        blank=True,
        help_text="The picture shown when a page is shared on social media or in a chat and "
        "has no picture of its own. It is cropped to 1200 × 630 pixels from the centre, so "
        "keep words and faces away from the edges.",
    )

    class Meta:
        abstract = True

    def clean_brand_colours(self):
        """Refuse a brand colour that would make links or buttons hard to read."""
        errors = {}
        for field, scheme in (("brand_color_light", "light"), ("brand_color_dark", "dark")):
            problem = palette.contrast_problem(getattr(self, field) or "", scheme)
            if problem:
                errors[field] = problem
        if errors:
            raise ValidationError(errors)

    @property
    def social_image_rendition_url(self):
        """The 1200 × 630 copy of the sharing image, or "" when there is none."""
        if not self.social_image:
            return ""
        return default_storage.url(social_rendition_name(self.social_image.name))


class WordingFields(models.Model):
    home_title = models.CharField(
        "home page title",
        max_length=120,
        blank=True,
        help_text="The big heading on the home page. Leave empty to use the clinic's name "
        "followed by “research library”.",
    )
    home_intro = models.TextField(
        "home page introduction",
        default="Plain-language summaries of published research on the conditions and "
        "treatments we work with, written for patients and families.",
        help_text="One or two sentences under the home page heading: who the library is for.",
    )
    contact_heading = models.CharField(
        "contact box heading",
        max_length=120,
        default="Questions about your own care?",
        help_text="The heading of the box at the end of every article that invites readers to "
        "call or book.",
    )
    contact_text = models.TextField(
        "contact box text",
        default="Research can only tell part of the story. Talk to us about what might suit you.",
        help_text="The sentence under that heading, before the phone numbers and booking links.",
    )
    footer_note = models.CharField(
        max_length=300,
        default="The articles on this site are for education only and are not medical advice.",
        help_text="The short note at the bottom of every page.",
    )
    articles_intro = models.CharField(
        "article list introduction",
        max_length=300,
        default="Published studies explained in plain language, newest first.",
        help_text="Under the heading of the list of all research summaries.",
    )
    topics_intro = models.CharField(
        "topics page introduction",
        max_length=300,
        default="Browse research summaries by condition and treatment.",
        help_text="Under the heading of the Topics page.",
    )
    team_intro = models.CharField(
        "team page introduction",
        max_length=300,
        default="The people who write and medically review our research summaries.",
        help_text="Under the heading of the Team page.",
    )
    locations_intro = models.CharField(
        "locations page introduction",
        max_length=300,
        default="Call, email or book at any of our locations.",
        help_text="Under the heading of the Locations and hours page.",
    )

    class Meta:
        abstract = True

    @property
    def home_heading(self):
        return self.home_title or gettext("%(clinic)s research library") % {"clinic": self.name}
