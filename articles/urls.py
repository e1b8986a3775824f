from django.urls import path

from . import feeds, follow_views, glossary_views, view_counts, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic-feed"),
    path("topics/<slug:slug>/feed/atom/", feeds.TopicAtomFeed(), name="topic-atom-feed"),
    path("search/", views.search, name="search"),
    path("glossary/", glossary_views.GlossaryView.as_view(), name="glossary"),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("follow/", follow_views.FollowView.as_view(), name="follow"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="atom-feed"),
    path("v/<int:pk>.gif", view_counts.view_beacon, name="view-beacon"),
]
