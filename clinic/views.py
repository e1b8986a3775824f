from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.views.generic import DetailView, ListView

from .chrome import clinic_profile, site_brand
from .hours import opening_status, until_next_midnight, weekly_table
from .models import Location, LocationException, Person
from .pages import PageMetadataMixin
from .seo.graph import collection_page, ref, web_page
from .seo.links import absolute_url
from .seo.meta import meta_description, page_meta, social_image
from .seo.structured_data import home_crumb, location_data, person_data


def entries(objects):
    return [(item.name, item.get_absolute_url()) for item in objects]


class TeamView(PageMetadataMixin, ListView):
    template_name = "clinic/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.active()

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = (
            f"The clinicians and writers behind the {clinic.name} research library: "
            "who writes our research summaries and who medically reviews them."
        )
        return page_meta(clinic, title="Our team", description=meta_description(description))

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name="Our team",
            description=context["page_meta"].description,
            entries=entries(context["people"]),
        )


class PersonDetailView(PageMetadataMixin, ListView):
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
            person=person, reviewed_articles=reviewed, breadcrumbs=crumbs, **kwargs
        )

    def get_page_meta(self, context):
        person, clinic = self.person, clinic_profile()
        role = f", {person.role_title}" if person.role_title else ""
        photo = social_image(
            clinic,
            image=person.photo,
            width=person.photo_width,
            height=person.photo_height,
            alt=person.photo_alt or person.name,
        )
        description = meta_description(
            f"{person.name_with_credentials}{role}. {strip_tags(person.bio_html)}",
            f"Research summaries written and reviewed for {clinic.name}.",
        )
        return page_meta(
            clinic, title=person.name_with_credentials, description=description, image=photo
        )

    def get_page_node(self, context):
        return web_page(
            "ProfilePage",
            url=self.page_url(),
            name=self.person.name,
            description=context["page_meta"].description,
            mainEntity=person_data(self.person),
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
        description = (
            f"Addresses, phone numbers, opening hours and holiday closures of {clinic.name}'s "
            "locations, with directions, parking and transit."
        )
        return page_meta(
            clinic, title="Locations and hours", description=meta_description(description)
        )

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name="Locations and hours",
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
        crumbs = [home_crumb(), ("Locations", reverse("clinic:locations")),
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
            "Opening hours, holiday closures, phone, directions and parking.",
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
