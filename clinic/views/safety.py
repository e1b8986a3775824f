"""The urgent-help page: crisis lines by region, linked from the header of every page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from clinic.domain.models import CrisisLine, crisis_lines_by_region
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import organization_id, ref, web_page
from clinic.seo.meta import meta_description, page_meta
from clinic.seo.mixin import PageMetadataMixin
from clinic.seo.structured_data import home_crumb

TITLE = _("Urgent help")


class UrgentHelpView(PageMetadataMixin, TemplateView):
    template_name = "clinic/urgent_help.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            regions=crisis_lines_by_region(CrisisLine.objects.active()),
            breadcrumbs=[home_crumb(), (str(TITLE), reverse("clinic:urgent-help"))],
            **kwargs,
        )

    def get_page_meta(self, context):
        description = _(
            "Free, confidential crisis lines to call or text now, by region, and what to do "
            "in an emergency."
        )
        return page_meta(
            clinic_profile(), title=str(TITLE), description=meta_description(description)
        )

    def get_page_node(self, context):
        return web_page(
            "WebPage",
            url=self.page_url(),
            name=str(TITLE),
            description=context["page_meta"].description,
            about=ref(organization_id()),
        )
