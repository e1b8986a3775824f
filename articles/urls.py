"""The library's public addresses, under the `articles` namespace.

The words of each address are translated (`/topics/` is `/fr/sujets/`); the root URLconf
puts every language but the default under its prefix.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import articles, feeds, follow, glossary, policy, search, topics, view_counts

app_name = "articles"

urlpatterns = [
    path("", articles.HomeView.as_view(), name="home"),
    path(_("articles/"), articles.ArticleListView.as_view(), name="list"),
    path(_("articles/<slug:slug>/"), articles.ArticleDetailView.as_view(), name="detail"),
    path(_("topics/"), topics.TopicListView.as_view(), name="topic-list"),
    path(_("topics/<slug:slug>/"), topics.TopicDetailView.as_view(), name="topic-detail"),
    path(_("topics/<slug:slug>/feed/"), feeds.TopicFeed(), name="topic-feed"),
    path(_("topics/<slug:slug>/feed/atom/"), feeds.TopicAtomFeed(), name="topic-atom-feed"),
    path(_("search/"), search.search, name="search"),
    path(_("glossary/"), glossary.GlossaryView.as_view(), name="glossary"),
    path(_("preview/<str:token>/"), articles.ArticlePreviewView.as_view(), name="preview"),
    path(_("follow/"), follow.FollowView.as_view(), name="follow"),
    path(_("editorial-policy/"), policy.EditorialPolicyView.as_view(), name="editorial-policy"),
    path(_("corrections/"), policy.CorrectionsLogView.as_view(), name="corrections"),
    path(_("feed/"), feeds.LatestArticlesFeed(), name="feed"),
    path(_("feed/atom/"), feeds.LatestArticlesAtomFeed(), name="atom-feed"),
    path("v/<int:pk>.gif", view_counts.view_beacon, name="view-beacon"),
]
