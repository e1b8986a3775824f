from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from articles.models import Article

from .hours import opening_status, weekly_table
from .models import Location, LocationException, Person

ARTICLES_PER_PAGE = 12


class TeamView(ListView):
    template_name = "clinic/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.filter(is_active=True)


class PersonDetailView(ListView):
    """A person's page: who they are, the articles they wrote, the ones they reviewed.

    Inactive people keep their page, so bylines on their articles still work.
    """

    template_name = "clinic/person_detail.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return Article.objects.published().filter(author=self.person).for_cards()

    def get_context_data(self, **kwargs):
        reviewed = Article.objects.published().filter(reviewer=self.person).for_cards()[:24]
        return super().get_context_data(person=self.person, reviewed_articles=reviewed, **kwargs)


def locations_with_hours():
    """Locations with their weekly hours and today-onwards exceptions, in three queries."""
    upcoming = LocationException.objects.filter(date__gte=timezone.localdate())
    return Location.objects.prefetch_related("hours", Prefetch("exceptions", queryset=upcoming))


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


class LocationDetailView(DetailView):
    template_name = "clinic/location_detail.html"
    context_object_name = "location"

    def get_queryset(self):
        return locations_with_hours().active()

    def get_context_data(self, **kwargs):
        location = self.object
        return super().get_context_data(
            status=opening_status(location),
            weekly=weekly_table(location),
            upcoming_exceptions=list(location.exceptions.all()),
            **kwargs,
        )
