"""The glossary page: every term, A–Z."""

from django.urls import reverse
from django.views.generic import ListView

from clinic.chrome import clinic_profile
from clinic.pages import PageMetadataMixin
from clinic.seo.graph import ref, web_page
from clinic.seo.meta import page_meta
from clinic.seo.structured_data import home_crumb

from .models import GlossaryTerm
from .structured_data import glossary_data


class GlossaryView(PageMetadataMixin, ListView):
    """`/glossary/`: every term, A–Z, each with an anchor that articles link to."""

    model = GlossaryTerm
    template_name = "articles/glossaryterm_list.html"
    context_object_name = "terms"

    def get_context_data(self, **kwargs):
        terms = self.object_list = list(self.object_list)
        sections = {}
        for term in terms:
            sections.setdefault(term.initial, []).append(term)
        return super().get_context_data(
            sections=sorted(sections.items(), key=lambda item: (item[0] != "#", item[0])),
            letters=["#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
            breadcrumbs=[home_crumb(), ("Glossary", reverse("articles:glossary"))],
            **kwargs,
        )

    def get_page_meta(self, context):
        description = (
            "Plain-language definitions of the research and clinical terms used in our "
            "summaries, A to Z."
        )
        return page_meta(
            clinic_profile(), title="Glossary of research terms", description=description
        )

    def get_page_node(self, context):
        terms = glossary_data(context["terms"])
        page = web_page(
            "WebPage",
            url=self.page_url(),
            name="Glossary of research terms",
            description=context["page_meta"].description,
            mainEntity=ref(terms["@id"]),
        )
        return page, terms
