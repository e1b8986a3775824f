from .models import ClinicProfile, Location


def site(request):
    """The clinic's profile and active locations: header, footer and article call to action."""
    return {
        "clinic": ClinicProfile.objects.first() or ClinicProfile(),
        "site_locations": Location.objects.active().only(
            "name", "slug", "phone", "booking_url", "city"
        ),
    }
