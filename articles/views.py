from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from .models import Article, Topic

ARTICLES_PER_PAGE = 12


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_cards()[:6]


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_cards()


class TopicDetailView(ListView):
    template_name = "articles/topic_detail.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return Article.objects.published().filter(topics=self.topic).for_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class ArticleDetailView(DetailView):
    """A live article; staff who may edit articles also see drafts, marked as previews."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def can_preview(self):
        return self.request.user.has_perm("articles.change_article")

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.select_related("author", "reviewer")

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            is_preview=not article.is_live,
            studies=list(article.studies.all()),
            topics=list(article.topics.all()),
            previous_article=article.get_previous_published(),
            next_article=article.get_next_published(),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
