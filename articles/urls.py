"""The library's public addresses, under the `articles` namespace."""

from django.urls import path

from .views import articles, feeds, follow, glossary, policy, search, topics, view_counts

app_name = "articles"

urlpatterns = [
    path("", articles.HomeView.as_view(), name="home"),
    path("articles/", articles.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", articles.ArticleDetailView.as_view(), name="detail"),
    path("topics/", topics.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", topics.TopicDetailView.as_view(), name="topic-detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic-feed"),
    path("topics/<slug:slug>/feed/atom/", feeds.TopicAtomFeed(), name="topic-atom-feed"),
    path("search/", search.search, name="search"),
    path("glossary/", glossary.GlossaryView.as_view(), name="glossary"),
    path("preview/<str:token>/", articles.ArticlePreviewView.as_view(), name="preview"),
    path("follow/", follow.FollowView.as_view(), name="follow"),
    path("editorial-policy/", policy.EditorialPolicyView.as_view(), name="editorial-policy"),
    path("corrections/", policy.CorrectionsLogView.as_view(), name="corrections"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="atom-feed"),
    path("v/<int:pk>.gif", view_counts.view_beacon, name="view-beacon"),
]
