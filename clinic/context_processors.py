from .models import ClinicProfile


def site(request):
    """The clinic's profile, for the header, footer and article blurb on every page."""
    return {"clinic": ClinicProfile.objects.first() or ClinicProfile()}
