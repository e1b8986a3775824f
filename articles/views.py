import re

from django.conf import settings
from django.core import signing
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, TemplateView

from clinic.chrome import clinic_profile
from clinic.seo.links import absolute_url
from clinic.seo.structured_data import home_crumb, page_data

from .forms import SearchForm
from .models import Article, Topic
from .search import add_snippets, search_articles
from .services import PreviewLinkRevoked, article_from_preview_token
from .structured_data import article_data

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_cards()[:6]


class ArticleListView(ListView):
    """All live articles, newest first; `?topic=<slug>` narrows them to one topic."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        articles = Article.objects.published().for_cards()
        self.topic = None
        if topic_slug := self.request.GET.get("topic"):
            if not SLUG.fullmatch(topic_slug):  # e.g. a NUL byte, which PostgreSQL refuses
                raise Http404("No such topic.")
            self.topic = get_object_or_404(Topic, slug=topic_slug)
            articles = articles.filter(topics=self.topic)
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class TopicListView(ListView):
    template_name = "articles/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return Topic.objects.with_published_articles()


class TopicDetailView(ListView):
    template_name = "articles/topic_detail.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        topics = Topic.objects.with_published_articles()
        self.topic = get_object_or_404(topics, slug=self.kwargs["slug"])
        return Article.objects.published().filter(topics=self.topic).for_cards()

    def get_context_data(self, **kwargs):
        topic = self.topic
        crumbs = [home_crumb(), ("Topics", reverse("articles:topic-list")),
                  (topic.name, topic.get_absolute_url())]  # fmt: skip
        return super().get_context_data(
            topic=topic,
            breadcrumbs=crumbs,
            structured_data=page_data(
                {"@type": "CollectionPage", "name": topic.name, "description": topic.description},
                crumbs,
            ),
            **kwargs,
        )


class ArticleDetailView(DetailView):
    """A live article; staff who may edit articles also see drafts, marked as previews.

    Arriving from a topic page (`?topic=<slug>`), previous/next stay within that topic.
    """

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def can_preview(self):
        return self.request.user.has_perm("articles.change_article")

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.select_related("author", "reviewer")

    def get_context_data(self, **kwargs):
        article = self.object
        topics = list(article.topics.all())
        studies = list(article.studies.all())
        wanted = self.request.GET.get("topic")
        trail_topic = next((topic for topic in topics if topic.slug == wanted), None)
        crumbs = [home_crumb(), ("Research summaries", reverse("articles:list"))]
        if topics:
            crumbs.append((topics[0].name, topics[0].get_absolute_url()))
        crumbs.append((article.title, article.get_absolute_url()))
        clinic = clinic_profile()
        neighbours = article.get_neighbours(trail_topic)
        return super().get_context_data(
            is_preview=not article.is_live,
            studies=studies,
            topics=topics,
            breadcrumbs=crumbs,
            structured_data=article_data(
                article, studies=studies, topics=topics, clinic=clinic, crumbs=crumbs
            ),
            trail_topic=trail_topic,
            previous_article=neighbours[0],
            next_article=neighbours[1],
            related_articles=(
                list(article.get_related(topics=topics, exclude=neighbours)) if topics else []
            ),
            changes=list(article.changes.all()),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
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


class FollowView(TemplateView):
    """What a feed is and how to follow one: where the visible “Follow” links go."""

    template_name = "articles/follow.html"

    def get_context_data(self, **kwargs):
        topics = list(Topic.objects.with_published_articles())
        for topic in topics:
            topic.feed_address = absolute_url(
                reverse("articles:topic-feed", kwargs={"slug": topic.slug})
            )
        crumbs = [home_crumb(), ("Follow", reverse("articles:follow"))]
        return super().get_context_data(
            feeds={
                "rss": absolute_url(reverse("articles:feed")),
                "atom": absolute_url(reverse("articles:atom-feed")),
            },
            topics=topics,
            breadcrumbs=crumbs,
            **kwargs,
        )


def search(request):
    """`/search/?q=`: the form alone when empty; a 400 with the form's message when invalid."""
    if not request.GET.get("q", "").strip():
        return render(request, "articles/search.html", {"form": SearchForm(), "query": ""})
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "articles/search.html", {"form": form, "query": ""}, status=400)
    query = form.cleaned_data["q"]
    paginator = Paginator(search_articles(query), settings.ARTICLES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of results.") from error
    page.object_list = add_snippets(list(page.object_list), query)
    context = {"form": form, "query": query, "page_obj": page, "paginator": paginator}
    return render(request, "articles/search.html", context)
