"""The team page and each person's page, with the articles they wrote and reviewed."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.generic import ListView

from clinic.domain.models import Person
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import collection_page, web_page
from clinic.seo.meta import meta_description, page_meta, social_image
from clinic.seo.mixin import PageMetadataMixin
from clinic.seo.pagination import LibraryPagesMixin
from clinic.seo.structured_data import home_crumb, person_data


def entries(objects):
    return [(item.name, item.get_absolute_url()) for item in objects]


class TeamView(PageMetadataMixin, ListView):
    template_name = "clinic/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.active()

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _(
            "The clinicians and writers behind the %(clinic)s research library: "
            "who writes our research summaries and who medically reviews them."
        ) % {"clinic": clinic.name}
        return page_meta(clinic, title=_("Our team"), description=meta_description(description))

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name=_("Our team"),
            description=context["page_meta"].description,
            entries=entries(context["people"]),
        )


class PersonDetailView(LibraryPagesMixin, PageMetadataMixin, ListView):
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
        crumbs = [home_crumb(), (_("Our team"), reverse("clinic:team")),
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
            _("Research summaries written and reviewed for %(clinic)s.") % {"clinic": clinic.name},
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
