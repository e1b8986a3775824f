"""Article pages: the home page, the list of live articles, an article, a draft's preview."""

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from articles.models import (
    Article,
    CitationNotice,
    Topic,
    TopicListing,
    active_language,
    default_language,
)
from articles.previews import PreviewLinkRevoked, article_from_preview_token
from clinic.domain.languages import in_name_order
from clinic.domain.sitewide import clinic_profile
from clinic.seo.graph import collection_page, organization_id, ref, web_page, website_data
from clinic.seo.languages import language_codes
from clinic.seo.library import article_page
from clinic.seo.links import canonical_url
from clinic.seo.meta import article_meta, meta_description, page_meta
from clinic.seo.mixin import PageMetadataMixin, list_start
from clinic.seo.pagination import LibraryPagesMixin
from clinic.seo.structured_data import home_crumb
from clinic.seo.tags import jsonld

from . import article_parts
from .findings import split_lead
from .glossary import article_body

LIBRARY = gettext_lazy(
    "Plain-language summaries of published research, written for patients and families."
)


def article_entries(articles):
    return [(article.title, article.get_absolute_url()) for article in articles]


class HomeView(PageMetadataMixin, ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_cards()[:6]

    def get_page_meta(self, context):
        clinic = clinic_profile()
        title = _("%(clinic)s research library") % {"clinic": clinic.name}
        return page_meta(clinic, title=title, description=meta_description(clinic.tagline, LIBRARY))

    def get_page_node(self, context):
        clinic = clinic_profile()
        page = web_page(
            "WebPage",
            url=self.page_url(),
            name=_("%(clinic)s research library") % {"clinic": clinic.name},
            description=context["page_meta"].description,
            about=ref(organization_id()),
        )
        return page, website_data(clinic)


class TopicPagesMixin(LibraryPagesMixin):
    """LibraryPagesMixin for a list that may be one topic's live articles (`self.topic`, read
    at `self.now`): its pages are counted and cut from the topic's listing, one range of its
    index whatever the size of the library or of the topic."""

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.topic is not None:
            listing = TopicListing.objects.live_in(self.topic, now=self.now)
            kwargs["keys"] = listing.values_list("article_id")
        return super().get_paginator(queryset, per_page, **kwargs)


class ArticleListView(TopicPagesMixin, PageMetadataMixin, ListView):
    """All live articles, newest first; `?topic=<slug>` narrows them to one topic."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        self.now = timezone.now()
        articles = Article.objects.published(now=self.now).for_cards()
        self.topic = None
        if topic_slug := self.request.GET.get("topic"):  # a NUL byte never gets here (400)
            self.topic = get_object_or_404(Topic.objects.listed().with_slug(topic_slug))
            articles = articles.in_topic(self.topic)
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)

    def get_page_meta(self, context):
        clinic = clinic_profile()
        names = {"clinic": clinic.name, "topic": self.topic.name if self.topic else ""}
        if self.topic:
            title = _("Research summaries about %(topic)s") % names
            description = _("Every research summary about %(topic)s from %(clinic)s, newest first.")
        else:
            title = _("Research summaries")
            description = _("Every research summary from %(clinic)s, newest first.")
        description = meta_description(f"{description % names} {LIBRARY}")
        return page_meta(clinic, title=title, description=description)

    def get_page_node(self, context):
        return collection_page(
            url=self.page_url(),
            name=_("Research summaries"),
            description=str(LIBRARY),
            entries=article_entries(context["articles"]),
            start=list_start(context),
        )


class ArticleDetailView(PageMetadataMixin, DetailView):
    """A live article; staff who may edit articles also see drafts, marked as previews.

    Arriving from a topic page (`?topic=<slug>`), previous/next stay within that topic. What
    only the article's own content decides is made once and kept (`article_parts`): a page
    made from those parts reads a few columns of the article, its previous and next and its
    related articles.
    """

    template_name = "articles/article_detail.html"
    context_object_name = "article"
    parts = None

    def can_preview(self):
        return self.request.user.has_perm("articles.change_article")

    def get_queryset(self):
        # Addresses are unique within a language: the reader's (its /fr/ prefix for French).
        articles = (
            Article.objects.in_language() if self.can_preview() else Article.objects.published()
        )
        notices = CitationNotice.objects.shown_to_readers()
        if active_language() == default_language():
            notices = notices.filter(study__article=OuterRef("pk"))
        else:  # a translation shows its original's studies, and their notices
            notices = notices.filter(
                study__article__translation_key=OuterRef("translation_key"),
                study__article__language=default_language(),
            )
        return articles.select_related("author", "reviewer").annotate(has_notices=Exists(notices))

    def get_object(self, queryset=None):
        """The article: when its page's parts are kept and still current, only the few columns
        shown besides them; else the whole of it (and the parts are made and kept)."""
        slug, url = self.kwargs["slug"], canonical_url(self.request)
        if "?" in url:  # ?page=N: an address no page links to, left out of the store
            return get_object_or_404(self.get_queryset(), slug=slug)
        self.parts = article_parts.lookup(url=url, language=get_language())
        if self.parts.may_be_current:
            found = Article.page_head(slug, active_language(), live_only=not self.can_preview())
            if found is None:
                raise Http404("No article at this address.")
            if found.is_live and self.parts.is_current_for(found):
                return found
        article = get_object_or_404(self.get_queryset(), slug=slug)
        if article.is_live:
            self.parts.prepare(article)
        else:
            self.parts = None
        return article

    def get_studies(self, article):
        """The studies (a translation's are its original's), each with the notices readers
        see (read only when there are any)."""
        studies = article.shared_studies()
        if getattr(article, "has_notices", True):
            shown = CitationNotice.objects.shown_to_readers().by_severity()
            studies = studies.prefetch_related(Prefetch("notices", shown, to_attr="shown_notices"))
        return list(studies)

    def reading_trail(self, article, topics):
        """Previous/next (within the topic the reader came from) and related articles."""
        wanted = self.request.GET.get("topic")
        trail_topic = next((topic for topic in topics if topic.slug == wanted), None)
        neighbours = article.get_neighbours(trail_topic)
        related = article.get_related(topics=topics, exclude=neighbours) if topics else []
        return {
            "trail_topic": trail_topic,
            "previous_article": neighbours[0],
            "next_article": neighbours[1],
            "related_articles": list(related),
        }

    def get_context_data(self, **kwargs):
        article, parts = self.object, self.parts
        if parts is not None and parts.found:
            stored = parts.entry
            return super().get_context_data(
                is_preview=False,
                topics=stored["topics"],
                page_parts=parts.page,
                page_meta=stored["page_meta"],
                structured_data=stored["structured_data"],
                page_translations=self.get_page_translations(article),
                **self.reading_trail(article, stored["topics"]),
                **kwargs,
            )
        topics = in_name_order(article.topics.listed())
        crumbs = [home_crumb(), (_("Research summaries"), reverse("articles:list"))]
        if topics:
            crumbs.append((topics[0].name, topics[0].get_absolute_url()))
        crumbs.append((article.title, article.get_absolute_url()))
        body, glossary_notes = article_body(article)
        changes = list(article.changes.all())
        lead, rest = split_lead(body)
        context = super().get_context_data(
            is_preview=not article.is_live,
            article_lead=lead,
            article_body=rest,
            glossary_notes=glossary_notes,
            studies=self.get_studies(article),
            topics=topics,
            breadcrumbs=crumbs,
            changes=[change for change in changes if not change.is_correction],
            corrections=[change for change in changes if change.is_correction],
            offered_treatments=article.offered_treatments(topics),
            page_translations=self.get_page_translations(article),
            page_parts=parts.page if parts is not None else None,
            **self.reading_trail(article, topics),
            **kwargs,
        )
        context["structured_data"] = jsonld(context["structured_data"])  # made once
        return context

    def get_page_translations(self, article):
        """{language: path or None} of the article in the site's other languages: its live
        translation's address, or None, where the switcher offers the “not yet translated”
        page (which links the original)."""
        live = {row.language: row.get_absolute_url() for row in article.live_translations()}
        return {code: live.get(code) for code in language_codes() if code != active_language()}

    def get_page_meta(self, context):
        return article_meta(self.object, clinic_profile(), topics=context["topics"])

    def get_page_node(self, context):
        meta = context["page_meta"]
        return article_page(
            self.object,
            studies=context["studies"],
            corrections=context["corrections"],
            topics=context["topics"],
            description=meta.description,
            image=meta.image.url,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        elif self.parts is not None and not self.parts.found:
            keep = {name: context[name] for name in ("topics", "page_meta", "structured_data")}
            response.add_post_render_callback(lambda response: self.parts.store(**keep))
        return response


class ArticlePreviewView(ArticleDetailView):
    """A draft shown through a signed, expiring link, to someone without an admin account."""

    def get(self, request, token):
        try:
            article = article_from_preview_token(token)
        except signing.SignatureExpired:
            return preview_link_problem(request, "expired", status=410)
        except PreviewLinkRevoked:
            return preview_link_problem(request, "revoked", status=403)
        except signing.BadSignature:
            return preview_link_problem(request, "invalid", status=403)
        if article is None:
            raise Http404("That article no longer exists.")
        if article.is_live:
            return redirect(article)
        self.object = article
        context = self.get_context_data(object=article, via_preview_link=True)
        return self.render_to_response(context)


def preview_link_problem(request, reason, *, status):
    response = render(
        request, "articles/preview_link_problem.html", {"reason": reason}, status=status
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
