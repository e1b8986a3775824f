# items() return lists, not querysets: one query per section, no separate COUNT.
from .models import Location, Person
from .seo.sitemaps import PublicSitemap


class PersonSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return list(Person.objects.active().only("slug"))


class LocationSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return list(Location.objects.active().only("slug"))
