"""The site's URLs: public pages by app, the admin at ADMIN_URL, staff-only editor endpoints."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.urls import include, path
from markdownx.views import ImageUploadView, MarkdownifyView

from . import views

clinic_patterns = [
    path("team/", views.TeamView.as_view(), name="team"),
    path("team/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("locations/", views.LocationListView.as_view(), name="locations"),
    path("locations/<slug:slug>/", views.LocationDetailView.as_view(), name="location-detail"),
]

editor_patterns = [
    path("markdownify/", staff_member_required(MarkdownifyView.as_view()), name="markdownify"),
    path("upload/", staff_member_required(ImageUploadView.as_view()), name="upload"),
]

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("editor/", include((editor_patterns, "editor"))),
    path("", include((clinic_patterns, "clinic"))),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

admin.site.site_header = "Clinic research library"
admin.site.site_title = "Clinic admin"
admin.site.index_title = "Content and settings"
