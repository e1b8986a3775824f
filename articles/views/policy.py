"""The editorial policy, written from the clinic's settings, and the public corrections log."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView

from articles.models import Article, ArticleChange, Topic
from clinic.domain.languages import in_name_order
from clinic.domain.models import Person
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import collection_page, organization_id, ref, web_page
from clinic.seo.meta import meta_description, page_meta
from clinic.seo.mixin import PageMetadataMixin, list_start
from clinic.seo.structured_data import home_crumb

POLICY = gettext_lazy("Editorial policy")
CORRECTIONS = gettext_lazy("Corrections")


def policy_crumbs():
    return [home_crumb(), (str(POLICY), reverse("articles:editorial-policy"))]


class EditorialPolicyView(PageMetadataMixin, TemplateView):
    """Who writes and reviews, how often, how studies are chosen and corrections made,
    interests to declare and who pays: from the profile, the people and the topics."""

    template_name = "articles/editorial_policy.html"

    def get_context_data(self, **kwargs):
        live = Article.objects.published()
        return super().get_context_data(
            writers=list(Person.objects.filter(pk__in=live.values("author"))),
            reviewers=list(Person.objects.filter(pk__in=live.values("reviewer"))),
            services=in_name_order(Topic.objects.filter(is_clinic_service=True)),
            breadcrumbs=policy_crumbs(),
            **kwargs,
        )

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _(
            "How %(clinic)s writes, reviews and corrects its research summaries, how it "
            "chooses studies, and the interests it declares."
        ) % {"clinic": clinic.name}
        return page_meta(clinic, title=str(POLICY), description=meta_description(description))

    def get_page_node(self, context):
        return web_page(
            "WebPage",
            url=self.page_url(),
            name=str(POLICY),
            description=context["page_meta"].description,
            about=ref(organization_id()),
        )


class CorrectionsLogView(PageMetadataMixin, ListView):
    """Every correction to a live article, newest first, apart from ordinary updates."""

    template_name = "articles/corrections_log.html"
    context_object_name = "corrections"
    paginate_by = settings.ARTICLES_PER_PAGE * 2

    def get_queryset(self):
        return (
            ArticleChange.objects.exclude(kind=ArticleChange.Kind.UPDATE)
            .filter(article__in=Article.objects.published())
            .select_related("article")
            .only(
                "changed_at",
                "note",
                "kind",
                "article__title",
                "article__slug",
                "article__language",
            )  # fmt: skip
            .order_by("-changed_at", "-id")
        )

    def get_context_data(self, **kwargs):
        crumbs = [*policy_crumbs(), (str(CORRECTIONS), reverse("articles:corrections"))]
        return super().get_context_data(breadcrumbs=crumbs, **kwargs)

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _(
            "Every correction %(clinic)s has made to its research summaries, and how it "
            "answered retractions and corrections of the studies they cite."
        ) % {"clinic": clinic.name}
        return page_meta(clinic, title=str(CORRECTIONS), description=meta_description(description))

    def get_page_node(self, context):
        entries = [
            (change.article.title, change.article.get_absolute_url())
            for change in context["corrections"]
        ]
        return collection_page(
            url=self.page_url(),
            name=str(CORRECTIONS),
            description=context["page_meta"].description,
            entries=entries,
            start=list_start(context),
        )
