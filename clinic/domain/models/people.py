"""People who write and review articles, and collective bylines."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField
from modeltranslation.utils import build_localized_fieldname

from clinic.authoring.markdown import render_markdown

from .profile import has_visible_text


class PersonQuerySet(models.QuerySet):
    def active(self):
        """People shown on the team page; inactive ones keep their page for their bylines."""
        return self.filter(is_active=True)


class Person(models.Model):
    """Someone who writes or medically reviews articles, or a collective byline.

    A collective byline ("The Clinic Team") is a Person without a registration.
    """

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in the page address.")
    role_title = models.CharField(
        "role", max_length=120, blank=True, help_text="For example “Clinical psychologist”."
    )
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Post-nominals, for example “MD, FRCPC”."
    )
    bio = MarkdownxField(blank=True, help_text="Markdown. A few sentences in the first person.")
    bio_html = models.TextField(editable=False, default="")
    photo = models.ImageField(upload_to="people/", blank=True)
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Sized on save, renditions made in the background: clinic/authoring/tasks.py.
    responsive_images = {"photo": ("photo_width", "photo_height")}
    photo_alt = models.CharField(
        "photo alt text",
        max_length=250,
        blank=True,
        help_text="Describe the photo, for example “Dr Ana Ruiz smiling in the clinic garden”.",
    )
    photo_is_decorative = models.BooleanField(
        "photo is decorative",
        default=False,
        help_text="Tick only if the photo adds nothing that the name does not already say.",
    )
    regulator = models.CharField(
        "regulator",
        max_length=200,
        blank=True,
        help_text="The professional college, for example “College of Physicians and Surgeons "
        "of Ontario”. Leave empty for a collective byline.",
    )
    registration_number = models.CharField(max_length=60, blank=True)
    register_url = models.URLField(
        "public register link",
        max_length=500,
        blank=True,
        help_text="The entry in the public register.",
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Inactive people leave the team page; their articles still link to them.",
    )
    position = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Lower numbers come first on the team page."
    )
    modified_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="")
                | models.Q(photo_is_decorative=True)
                | has_visible_text("photo_alt"),
                name="person_photo_has_alt_text",
                violation_error_message="A photo needs alt text, or must be marked decorative.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The bio in each language (clinic.domain.translation), each rendered from its own.
        for language in settings.MODELTRANSLATION_LANGUAGES:
            bio = getattr(self, build_localized_fieldname("bio", language)) or ""
            setattr(self, build_localized_fieldname("bio_html", language), render_markdown(bio))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("clinic:person-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.photo and not self.photo_is_decorative and not self.photo_alt.strip():
            raise ValidationError(
                {
                    "photo_alt": "Describe the photo for people who cannot see it, "
                    "or tick “photo is decorative”."
                }
            )

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def has_registration(self):
        return bool(self.regulator and self.registration_number)

    @property
    def is_collective(self):
        """A byline for a group ("The Clinic Team"): by the house rule, no registration."""
        return not self.has_registration
