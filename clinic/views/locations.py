"""The locations page and each location's page: address, hours, and whether it is open now."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from clinic.domain.hours import opening_status, until_next_midnight, weekly_table
from clinic.domain.models import Location, LocationException
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import collection_page, ref, web_page
from clinic.seo.meta import meta_description, page_meta
from clinic.seo.mixin import PageMetadataMixin
from clinic.seo.structured_data import home_crumb, location_data

from .team import entries


def locations_with_hours():
    """Locations with their weekly hours and today-onwards exceptions, in three queries."""
    upcoming = LocationException.objects.filter(date__gte=timezone.localdate())
    return Location.objects.prefetch_related("hours", Prefetch("exceptions", queryset=upcoming))


def cache_until_status_changes(response, statuses):
    """A cached copy must not outlive “Open now”: stop at the next opening, closing or midnight."""
    moments = [until_next_midnight()]
    moments += [status.closes_at or status.next_opens_at for status in statuses]
    response.cache_until = min(moment for moment in moments if moment is not None)
    return response


class LocationListView(PageMetadataMixin, ListView):
    template_name = "clinic/location_list.html"
    context_object_name = "locations"

    def get_queryset(self):
        return locations_with_hours().active()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        for location in context["locations"]:
            location.status = opening_status(location, now)
        return context

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _(
            "Addresses, phone numbers, opening hours and holiday closures of %(clinic)s's "
            "locations, with directions, parking and transit."
        ) % {"clinic": clinic.name}
        return page_meta(
            clinic, title=_("Locations and hours"), description=meta_description(description)
        )

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name=_("Locations and hours"),
            description=context["page_meta"].description,
            entries=entries(context["locations"]),
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return cache_until_status_changes(response, [loc.status for loc in context["locations"]])


class LocationDetailView(PageMetadataMixin, DetailView):
    template_name = "clinic/location_detail.html"
    context_object_name = "location"

    def get_queryset(self):
        return locations_with_hours().active()

    def get_context_data(self, **kwargs):
        location = self.object
        crumbs = [home_crumb(), (_("Locations"), reverse("clinic:locations")),
                  (location.name, location.get_absolute_url())]  # fmt: skip
        return super().get_context_data(
            breadcrumbs=crumbs,
            status=opening_status(location),
            weekly=weekly_table(location),
            upcoming_exceptions=list(location.exceptions.all()),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return cache_until_status_changes(response, [context["status"]])

    def get_page_meta(self, context):
        location = self.object
        description = meta_description(
            f"{location.name}: {', '.join(location.address_lines)}.",
            _("Opening hours, holiday closures, phone, directions and parking."),
        )
        return page_meta(clinic_profile(), title=location.name, description=description)

    def get_page_node(self, context):
        clinic = location_data(self.object)
        page = web_page(
            "WebPage",
            url=self.page_url(),
            name=self.object.name,
            description=context["page_meta"].description,
            mainEntity=ref(clinic["@id"]),
        )
        return page, clinic
