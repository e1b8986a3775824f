from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView

from .chrome import clinic_profile, site_brand
from .hours import opening_status, until_next_midnight, weekly_table
from .models import Location, LocationException, Person
from .seo.links import absolute_url
from .seo.structured_data import home_crumb, location_data, page_data, person_data


class TeamView(ListView):
    template_name = "clinic/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.active()


class PersonDetailView(ListView):
    """A person's page: who they are, the articles they wrote, the ones they reviewed.

    Inactive people keep their page, so bylines on their articles still work.
    """

    template_name = "clinic/person_detail.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        # The reverse managers are the article app's own queryset: the same publication rule.
        return self.person.articles.published().for_cards()

    def get_context_data(self, **kwargs):
        person = self.person
        reviewed = person.reviewed_articles.published().for_cards()[:24]
        crumbs = [home_crumb(), ("Our team", reverse("clinic:team")),
                  (person.name, person.get_absolute_url())]  # fmt: skip
        return super().get_context_data(
            person=person,
            reviewed_articles=reviewed,
            breadcrumbs=crumbs,
            structured_data=page_data(
                {"@type": "ProfilePage", "mainEntity": person_data(person)}, crumbs
            ),
            **kwargs,
        )


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


class LocationListView(ListView):
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

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return cache_until_status_changes(response, [loc.status for loc in context["locations"]])


class LocationDetailView(DetailView):
    template_name = "clinic/location_detail.html"
    context_object_name = "location"

    def get_queryset(self):
        return locations_with_hours().active()

    def get_context_data(self, **kwargs):
        location = self.object
        crumbs = [home_crumb(), ("Locations", reverse("clinic:locations")),
                  (location.name, location.get_absolute_url())]  # fmt: skip
        clinic = clinic_profile()
        return super().get_context_data(
            breadcrumbs=crumbs,
            structured_data=page_data(location_data(location, clinic), crumbs),
            status=opening_status(location),
            weekly=weekly_table(location),
            upcoming_exceptions=list(location.exceptions.all()),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return cache_until_status_changes(response, [context["status"]])


def robots_txt(request):
    # The admin is not listed: its address may be kept private (ADMIN_URL), and it needs a login.
    context = {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def brand_css(request, digest):
    """The brand colours as custom properties, at an address named by their hash.

    The hash changes with the colours, so the file may be kept for a year; an old hash
    (a page from before the change) is sent on to the current one.
    """
    brand = site_brand()
    if digest != brand["css_digest"]:
        response = HttpResponseRedirect(reverse("clinic:brand-css", args=[brand["css_digest"]]))
        response["Cache-Control"] = "no-cache"
        return response
    response = HttpResponse(brand["css"], content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
