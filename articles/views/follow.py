"""The Follow page: what a feed is, and the address of each one to copy."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from articles.models import Topic
from clinic.domain.languages import in_name_order
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import web_page
from clinic.seo.links import absolute_url
from clinic.seo.meta import page_meta
from clinic.seo.mixin import PageMetadataMixin
from clinic.seo.structured_data import home_crumb


class FollowView(PageMetadataMixin, TemplateView):
    """What a feed is and how to follow one: where the visible “Follow” links go."""

    template_name = "articles/follow.html"

    def get_context_data(self, **kwargs):
        topics = in_name_order(Topic.objects.with_published_articles())
        for topic in topics:
            topic.feed_address = absolute_url(
                reverse("articles:topic-feed", kwargs={"slug": topic.slug})
            )
        crumbs = [home_crumb(), (_("Follow"), reverse("articles:follow"))]
        return super().get_context_data(
            feeds={
                "rss": absolute_url(reverse("articles:feed")),
                "atom": absolute_url(reverse("articles:atom-feed")),
            },
            topics=topics,
            breadcrumbs=crumbs,
            **kwargs,
        )

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _(
            "Get new research summaries from %(clinic)s in a feed reader app, for every "
            "topic or only the ones you choose."
        ) % {"clinic": clinic.name}
        return page_meta(clinic, title=_("Follow new summaries"), description=description)

    def get_page_node(self, context):
        description = context["page_meta"].description
        return web_page("WebPage", url=self.page_url(), name=_("Follow"), description=description)
