"""The sitemap: an index (/sitemap.xml) of sections, each in pages of at most 1,000 addresses.

Every address carries the time its page last changed (<lastmod>): an article's substantive
update, else its publication; for a page that lists articles, the newer of its own row's change
and the newest publication among them (the list pages: the newest change).

The cost of a request does not grow with the library. The index reads each section's size and
newest change through indexes (the highest live id, the newest publish time and the newest
substantive update are each the first entry of one); a page of articles is a range of the
primary key; a topic's or a person's date is the first entry of those indexes that belongs to
it, a seek each, never a sort of its articles (grouping every article by topic instead reads
every link: over a second at 20,000 articles).

Articles are listed by id, 1,000 ids a page, so a page keeps its addresses as the library grows:
crawlers see the newest page change, the older ones stay as they were.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from articles.models import ANY_LANGUAGE, Article, GlossaryTerm, Topic
from clinic.domain.models import Location, Person
from clinic.seo.links import current_request
from clinic.seo.sitemaps import PublicSitemap

PAGE_SIZE = 1000
UPDATES_LOOKED_AT = 20


def newer(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


def changed(article):
    """When a live article last changed: its substantive update, else its publication."""
    return article.updated_at or article.publish_at


def newest_change():
    """The newest change among live articles, from two index reads: the newest publish time
    (article_public_idx) and the newest update (article_updated_idx); read once a request."""
    request = current_request()
    if request is None:
        return _newest_change()
    if not hasattr(request, "newest_article_change"):
        request.newest_article_change = _newest_change()
    return request.newest_article_change


def _newest_change():
    now = timezone.now()
    live = Article.objects.published(now=now)
    published = live.order_by("-publish_at").values_list("publish_at", flat=True)[:1]
    # The newest updates of published articles, whatever their publish time, so that the
    # database walks article_updated_idx from its end; the first live one is the answer
    # (one scheduled for later, updated, is rare; past a few, ask for it exactly).
    updates = (
        Article.objects.marked_published()
        .in_language()
        .filter(updated_at__isnull=False)
        .order_by("-updated_at")
        .values_list("updated_at", "publish_at")
    )
    recent = list(updates[:UPDATES_LOOKED_AT])
    updated = [at for at, publish_at in recent if publish_at <= now][:1]
    if not updated and len(recent) == UPDATES_LOOKED_AT:
        updated = [at for at, _ in updates.filter(publish_at__lte=now)[:1]]
    return newer(*published, *updated)


def dated(queryset, **links):
    """`queryset` with the newest publish time of the live articles each row `links` to: the
    first entry of article_public_idx (or of a person's article_author_idx or
    article_reviewer_idx) that belongs to the row, a seek, never a sort of its articles.

    A list page of topics or people shows cards (title, summary, publish date): a new article
    changes it; a substantive update changes the article's own page, dated in its section."""
    live = Article.objects.published().order_by("-publish_at").values("publish_at")
    return queryset.annotate(**{
        f"newest_{name}": Subquery(live.filter(link)[:1]) for name, link in links.items()
    })  # fmt: skip


def newest_of(row, *names):
    return newer(row.modified_at, *(getattr(row, f"newest_{name}") for name in names))


class KeyRangePaginator(Paginator):
    """Pages by ranges of primary keys: page 2 holds the live articles with ids 1001 to 2000.

    A page is a range scan of the primary key, whatever its number, and keeps its addresses
    for good (a new article goes on the last page). The pages run from the range of the lowest
    live id to that of the highest, each read as the first entry of the primary key from one
    end, so the index never lists the empty ranges below the first article. A page may hold
    fewer than `per_page` addresses where drafts or deleted articles leave gaps."""

    def validate_number(self, number):
        number = int(number) if str(number).isascii() and str(number).isdigit() else 0
        if number < 1:
            raise PageNotAnInteger("That page number is not a whole number.")
        if number == 1:  # the section's own address shows its first page with articles
            number = self.first_page
        if number < self.first_page or number > self.num_pages:
            raise EmptyPage("That page contains no results.")
        return number

    def _page_of(self, ordering):
        key = next(iter(self.object_list.order_by(ordering).values_list("pk", flat=True)[:1]), 0)
        return max(1, -(-key // self.per_page))

    @cached_property
    def first_page(self):
        return self._page_of("pk")

    @cached_property
    def num_pages(self):
        return self._page_of("-pk")

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page + 1
        keys = (first, first + self.per_page - 1)
        return self._get_page(list(self.object_list.filter(pk__range=keys)), number, self)


class ArticleSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = PAGE_SIZE

    def items(self):
        """Live articles in every language (a French one at its /fr/ address)."""
        live = Article.objects.published(language=ANY_LANGUAGE)
        return live.only("slug", "language", "publish_at", "updated_at").order_by("pk")

    @property
    def paginator(self):
        return KeyRangePaginator(self.items(), self.limit)

    def location(self, article):
        """The article's address in its language, without resolving the URL pattern 1,000
        times a page."""
        prefixes = self.__dict__.setdefault("_prefixes", {})
        if article.language not in prefixes:
            with translation.override(article.language):
                path = reverse("articles:detail", kwargs={"slug": "x"})
            prefixes[article.language] = path.removesuffix("x/")
        return f"{prefixes[article.language]}{article.slug}/"

    def lastmod(self, article):
        return changed(article)

    def get_latest_lastmod(self):
        return newest_change()


class TopicSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.5
    limit = PAGE_SIZE

    def items(self):
        topics = Topic.objects.with_published_articles().only("slug", "modified_at")
        return dated(topics, articles=Q(topics=OuterRef("pk")))

    def lastmod(self, topic):
        return newest_of(topic, "articles")

    def get_latest_lastmod(self):
        topics = Topic.objects.with_published_articles().aggregate(at=Max("modified_at"))["at"]
        return newer(topics, newest_change())


class PersonSitemap(PublicSitemap):
    """The team, and former colleagues whose pages live articles still link to."""

    changefreq = "monthly"
    priority = 0.4
    limit = PAGE_SIZE

    def items(self):
        live = Article.objects.published()
        linked = Exists(live.filter(author=OuterRef("pk"))) | Exists(
            live.filter(reviewer=OuterRef("pk"))
        )
        people = Person.objects.filter(Q(is_active=True) | linked).only("slug", "modified_at")
        return dated(people, wrote=Q(author=OuterRef("pk")), reviewed=Q(reviewer=OuterRef("pk")))

    def lastmod(self, person):
        return newest_of(person, "wrote", "reviewed")

    def get_latest_lastmod(self):
        return newer(Person.objects.aggregate(at=Max("modified_at"))["at"], newest_change())


class LocationSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = PAGE_SIZE

    def items(self):
        return Location.objects.active().only("slug", "modified_at")

    def lastmod(self, location):
        return location.modified_at

    def get_latest_lastmod(self):
        return Location.objects.active().aggregate(at=Max("modified_at"))["at"]


class StaticPageSitemap(PublicSitemap):
    """Pages that exist once: home and the lists, dated by the newest change they show."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        if not hasattr(self, "_items_read"):
            self._items_read = self._dated_pages()
        return self._items_read

    def _dated_pages(self):
        newest = newest_change()
        topics = Topic.objects.with_published_articles().aggregate(at=Max("modified_at"))["at"]
        team = Person.objects.active().aggregate(at=Max("modified_at"))["at"]
        places = Location.objects.active().aggregate(at=Max("modified_at"))["at"]
        return [
            ("articles:home", newest),
            ("articles:list", newest),
            ("articles:topic-list", newer(newest, topics)),
            ("clinic:team", team or newest),
            ("clinic:locations", places or newest),
            ("articles:glossary", GlossaryTerm.objects.aggregate(at=Max("updated_at"))["at"]),
            # Written from the profile, the people and the topics; a correction moves its
            # article's “Updated” date, so the newest change dates the log too.
            ("articles:editorial-policy", newer(newest, team, topics)),
            ("articles:corrections", newest),
        ]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return newer(*(moment for _, moment in self.items()))
