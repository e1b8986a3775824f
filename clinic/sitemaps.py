from django.contrib.sitemaps import Sitemap

# items() return lists, not querysets: one query per section, no separate COUNT.
from .models import Location, Person


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return list(Person.objects.active().only("slug"))


class LocationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return list(Location.objects.active().only("slug"))
