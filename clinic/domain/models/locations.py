"""The clinic's locations, their weekly opening hours and dated exceptions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .editing import EditTracked
from .profile import has_visible_text


class LocationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Location(EditTracked):
    """A place patients can visit or call."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    region = models.CharField("province or state", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="CA", help_text="Two-letter code, e.g. CA.")
    phone = PhoneNumberField(help_text="Any common format; it is checked and stored in full.")
    alternate_phone = PhoneNumberField(
        "second phone", blank=True, help_text="For example a toll-free or intake line."
    )
    alternate_phone_label = models.CharField(
        "second phone is for",
        max_length=40,
        blank=True,
        help_text="What the second number is, as patients see it beside it: “Toll-free”, "
        "“Intake line”, “Text only”. Empty shows “Other phone”.",
    )
    email = models.EmailField(blank=True)
    booking_url = models.URLField("booking link", max_length=500, blank=True)
    map_url = models.URLField("map link", max_length=500, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    accessibility_notes = models.TextField(
        "accessibility", blank=True, help_text="Step-free access, lifts, washrooms, quiet rooms."
    )
    parking_notes = models.TextField("parking", blank=True)
    photo = models.ImageField(
        upload_to="locations/",
        blank=True,
        help_text="Optional: the entrance or the building, so patients recognise it when they "
        "arrive. Shown on the location's page and card.",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Sized on save, renditions made in the background: clinic/authoring/tasks.py.
    responsive_images = {"photo": ("photo_width", "photo_height")}
    photo_alt = models.CharField(
        "photo alt text",
        max_length=250,
        blank=True,
        help_text="Describe what a visitor sees, for example “A red-brick building with a "
        "blue door and a ramp beside the steps”.",
    )
    transit_notes = models.TextField("public transit", blank=True)
    is_active = models.BooleanField(
        "active", default=True, help_text="Untick to hide the location instead of deleting it."
    )
    position = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Lower numbers come first."
    )

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__gte=-90, latitude__lte=90)
                    & Q(longitude__gte=-180, longitude__lte=180)
                ),
                name="location_coordinates_valid",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
            models.CheckConstraint(
                condition=Q(photo="") | has_visible_text("photo_alt"),
                name="location_photo_has_alt_text",
                violation_error_message="A photo needs alt text.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clinic:location-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Describe the photo for people who cannot see it."})

    @property
    def address_lines(self):
        locality = " ".join(part for part in [self.city, self.region, self.postal_code] if part)
        return [line for line in [self.street_address, locality] if line]

    @property
    def map_link(self):
        if self.map_url:
            return self.map_url
        if self.latitude is not None and self.longitude is not None:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        return ""


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One opening interval on a weekday, in the clinic's time zone.

    A day with a lunch break has two rows; a day with no rows is closed.
    """

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField(help_text="Must be after the opening time (use 23:59 for midnight).")

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="openinghours_closes_after_opens",
                violation_error_message="The closing time must be after the opening time.",
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="openinghours_weekday_valid"
            ),
            models.UniqueConstraint(
                fields=["location", "weekday", "opens"],
                name="openinghours_one_interval_per_start",
                violation_error_message="This day already has an interval that opens then.",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class LocationException(models.Model):
    """A dated change to the weekly hours: a closure (holiday) or special hours."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField()
    is_closed = models.BooleanField(
        "closed all day", default=True, help_text="Untick and give times for special hours."
    )
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    note = models.CharField(
        "public note", max_length=200, blank=True, help_text="Shown to visitors, e.g. “Canada Day”."
    )

    class Meta:
        ordering = ["date"]
        verbose_name = "closure or special hours"
        verbose_name_plural = "closures and special hours"
        constraints = [
            models.CheckConstraint(
                condition=(Q(is_closed=True) & Q(opens__isnull=True) & Q(closes__isnull=True))
                | (
                    Q(is_closed=False, opens__isnull=False, closes__isnull=False)
                    & Q(closes__gt=F("opens"))
                ),
                name="locationexception_hours_consistent",
                violation_error_message=(
                    "A closure has no times; special hours need an opening time and a later "
                    "closing time."
                ),
            ),
            models.UniqueConstraint(
                fields=["location", "date"],
                name="locationexception_one_per_day",
                violation_error_message="This location already has an exception on that date.",
            ),
        ]

    def __str__(self):
        if self.is_closed:
            return f"{self.date}: closed"
        return f"{self.date}: {self.opens:%H:%M}–{self.closes:%H:%M}"
