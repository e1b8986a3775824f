"""Two small files of the site: robots.txt and the brand's stylesheet."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from clinic.domain.sitewide import site_brand
from clinic.seo.links import absolute_url


def robots_txt(request):
    # The admin is not listed: its address may be kept private (ADMIN_URL), and it needs a login.
    beacons = []
    for code, _ in settings.LANGUAGES:  # the view-count image, /v/ and /fr/v/
        with translation.override(code):
            beacons.append(reverse("articles:view-beacon", args=[0]).rpartition("/")[0] + "/")
    context = {
        "sitemap_url": absolute_url(reverse("sitemap"), request),
        "beacon_folders": beacons,
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def brand_css(request, digest):
    """The brand colours as custom properties, at an address named by their hash.

    The hash changes with the colours, so the file may be kept for a year; an old hash
    (a page from before the change) is sent on to the current one.
    """
    brand = site_brand()
    if digest != brand["css_digest"]:
        response = HttpResponseRedirect(reverse("brand-css", args=[brand["css_digest"]]))
        response["Cache-Control"] = "no-cache"
        return response
    response = HttpResponse(brand["css"], content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
