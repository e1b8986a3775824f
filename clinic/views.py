from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.models import Article

from .models import Person


class TeamView(ListView):
    template_name = "clinic/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.all()


class PersonDetailView(ListView):
    """A person's page: who they are, then the articles they wrote, newest first."""

    template_name = "clinic/person_detail.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return Article.objects.published().filter(author=self.person).for_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)
