"""Topic pages: every topic with live articles, and each topic's articles.

A topic's page answers in every language once it has live articles in any: in a language it
has none in yet, it shows the topic's name and description in that language, says there are no
summaries in it yet and links the topic's page in the languages that have some. That page is
not indexed and names no hreflang versions, and the switcher elsewhere treats it as missing
(the “not yet translated” page), as the sitemap does.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.generic import ListView

from articles.models import Article, Topic
from clinic.domain.languages import active_language, in_name_order, language_codes
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import collection_page
from clinic.seo.languages import in_language, language_tag
from clinic.seo.meta import meta_description, page_meta
from clinic.seo.mixin import PageMetadataMixin, list_start
from clinic.seo.structured_data import home_crumb

from .articles import LIBRARY, TopicPagesMixin, article_entries


def topic_path(topic, language):
    """The topic's address in `language`: its own address there (`slug_fr`), or the English
    one where it has none."""
    with translation.override(language):
        return topic.get_absolute_url()


class TopicListView(PageMetadataMixin, ListView):
    template_name = "articles/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return in_name_order(Topic.objects.with_published_articles())

    def get_page_meta(self, context):
        clinic = clinic_profile()
        description = _("Research summaries from %(clinic)s, by condition and treatment.") % {
            "clinic": clinic.name
        }
        return page_meta(
            clinic, title=_("Topics"), description=meta_description(description, LIBRARY)
        )

    def get_page_node(self, context):
        entries = [(topic.name, topic.get_absolute_url()) for topic in context["topics"]]
        return collection_page(
            url=self.page_url(), name=_("Topics"), description=str(LIBRARY), entries=entries
        )


class TopicDetailView(TopicPagesMixin, PageMetadataMixin, ListView):
    template_name = "articles/topic_detail.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        topics = Topic.objects.with_article_languages()
        self.topic = get_object_or_404(topics.with_slug(self.kwargs["slug"]))
        self.now = timezone.now()
        return Article.objects.published(now=self.now).in_topic(self.topic).for_cards()

    def get_context_data(self, **kwargs):
        topic, here = self.topic, active_language()
        crumbs = [home_crumb(), (_("Topics"), reverse("articles:topic-list")),
                  (topic.name, topic.get_absolute_url())]  # fmt: skip
        versions = {code: topic_path(topic, code) for code in topic.article_languages}
        has_articles = here in versions
        return super().get_context_data(
            topic=topic,
            breadcrumbs=crumbs,
            has_articles_here=has_articles,
            in_this_language=in_language(here),
            elsewhere=[
                (path, language_tag(code), in_language(code))
                for code, path in versions.items()
                if code != here
            ],
            page_translations={
                code: versions.get(code) for code in language_codes() if code != here
            },
            page_alternates=has_articles,
            **kwargs,
        )

    def get_page_meta(self, context):
        clinic = clinic_profile()
        fallback = _("Research summaries about %(topic)s from %(clinic)s.") % {
            "topic": self.topic.name,
            "clinic": clinic.name,
        }
        description = meta_description(self.topic.description, fallback, LIBRARY)
        return page_meta(clinic, title=self.topic.name, description=description)

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name=self.topic.name,
            description=context["page_meta"].description,
            entries=article_entries(context["articles"]),
            start=list_start(context),
        )
