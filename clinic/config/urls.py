"""The site's URLs: public pages by app, the admin at ADMIN_URL, staff-only editor endpoints.

Public pages are in every language: the default's addresses have no prefix, the others' are
under theirs, with the words translated (`/team/`, `/fr/equipe/`). The admin, the editor's
endpoints, the sitemaps, robots.txt and the brand stylesheet have one address each.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.views.sitemaps import (
    ArticleSitemap,
    LocationSitemap,
    PersonSitemap,
    StaticPageSitemap,
    TopicSitemap,
)
from clinic.authoring.editor import EditorImageUploadView, EditorPreviewView, for_editors
from clinic.seo.sitemaps import sitemap_index, sitemap_section
from clinic.site import errors
from clinic.site.logins import StaffLoginForm
from clinic.views import files, languages, locations, safety, team

SITEMAPS = {
    "pages": StaticPageSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
    "locations": LocationSitemap,
}

clinic_patterns = [
    path(_("team/"), team.TeamView.as_view(), name="team"),
    path(_("team/<slug:slug>/"), team.PersonDetailView.as_view(), name="person-detail"),
    path(_("locations/"), locations.LocationListView.as_view(), name="locations"),
    path(
        _("locations/<slug:slug>/"),
        locations.LocationDetailView.as_view(),
        name="location-detail",
    ),
    path(_("urgent-help/"), safety.UrgentHelpView.as_view(), name="urgent-help"),
    path(_("not-translated/"), languages.NotTranslatedView.as_view(), name="not-translated"),
]

editor_patterns = [
    path("markdownify/", for_editors(EditorPreviewView.as_view()), name="markdownify"),
    path("upload/", for_editors(EditorImageUploadView.as_view()), name="upload"),
]

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("editor/", include((editor_patterns, "editor"))),
    # An index of the sections' pages, 1,000 addresses at most each (sitemap-articles.xml?p=2).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "section_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_section,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", files.robots_txt, name="robots"),
    path("brand/<slug:digest>.css", files.brand_css, name="brand-css"),
]
urlpatterns += i18n_patterns(
    path("", include((clinic_patterns, "clinic"))),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

# One template for every error page (templates/error.html), the wording by status.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # With DEBUG on, a missing page shows Django's technical page; this address shows the
    # 404 page visitors get in production (`make run` prints it).
    urlpatterns += [
        path("404/", errors.page_not_found),
    ]

admin.site.login_form = StaffLoginForm
# The app list is on the admin home and in the breadcrumbs; as a sidebar it took a quarter of a
# 1280 px screen from the article list and the change forms.
admin.site.enable_nav_sidebar = False
admin.site.site_header = "Clinic research library"
admin.site.site_title = "Clinic admin"
admin.site.index_title = "Content and settings"
