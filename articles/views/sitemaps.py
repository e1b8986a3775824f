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

Every language's pages are listed, each naming its versions in the other languages
(clinic.seo.sitemaps): an article its live translations, read for the whole page in one query
by translation key; a topic the languages it has live articles in (its page in another
language says there are none yet, and is not indexed); the home page, the lists, the people and
the locations every language. Each language's version is dated by that language's articles.
"""

from django.db import connection, connections
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import ANY_LANGUAGE, Article, GlossaryTerm, Topic, TopicListing
from clinic.domain.languages import active_language, language_codes
from clinic.domain.models import Location, Person
from clinic.seo.links import current_request
from clinic.seo.sitemaps import (
    HreflangAlternates,
    KeyRangePaginator,
    PublicSitemap,
    TranslatedSitemap,
)

PAGE_SIZE = 1000
UPDATES_LOOKED_AT = 20


def newer(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


def changed(article):
    """When a live article last changed: its substantive update, else its publication."""
    return article.updated_at or article.publish_at


def newest_change(language=None):
    """The newest change among live articles in `language` (by default the active one), from
    two index reads: the newest publish time (article_public_idx) and the newest update
    (article_updated_idx); read once a request."""
    language = language or active_language()
    request = current_request()
    if request is None:
        return _newest_change(language)
    read = request.__dict__.setdefault("newest_article_changes", {})
    if language not in read:
        read[language] = _newest_change(language)
    return read[language]


def newest_change_anywhere():
    """The newest change among live articles in any of the site's languages."""
    return newer(*(newest_change(code) for code in language_codes()))


def _newest_change(language):
    now = timezone.now()
    live = Article.objects.published(now=now, language=language)
    published = live.order_by("-publish_at").values_list("publish_at", flat=True)[:1]
    # The newest updates of published articles, whatever their publish time, so that the
    # database walks article_updated_idx from its end; the first live one is the answer
    # (one scheduled for later, updated, is rare; past a few, ask for it exactly).
    updates = (
        Article.objects.marked_published()
        .in_language(language)
        .filter(updated_at__isnull=False)
        .order_by("-updated_at")
        .values_list("updated_at", "publish_at")
    )
    recent = list(updates[:UPDATES_LOOKED_AT])
    updated = [at for at, publish_at in recent if publish_at <= now][:1]
    if not updated and len(recent) == UPDATES_LOOKED_AT:
        updated = [at for at, _ in updates.filter(publish_at__lte=now)[:1]]
    return newer(*published, *updated)


def dated(people, **fields):
    """`people` with, for each language, the newest publish time of the live articles in it
    that name the person in each of `fields` (`newest_<name>_<language>`, e.g. wrote="author"):
    the first entry of the person's article_author_idx or article_reviewer_lang_idx, a seek,
    never a sort of their articles (topics read theirs from their listing: TopicSitemap).

    A list page of topics or people shows cards (title, summary, publish date): a new article
    changes it; a substantive update changes the article's own page, dated in its section."""
    annotations = {}
    for code in language_codes():
        live = Article.objects.published(language=code).order_by("-publish_at")
        for name, field in fields.items():
            # The person as a range of one, ordered by the person first: the same rows and
            # order, but only the person's own index (article_author_idx,
            # article_reviewer_lang_idx) gives that order. With an equality, PostgreSQL
            # guesses from a handful of reviewers that any article may be the person's and
            # walks the public index from the newest: through the whole library for
            # someone who reviews nothing (420 ms at 20,000 articles).
            # SQLite, given the same range, sorts instead: it keeps the equality, which
            # finds the person's index by itself.
            if connection.vendor == "postgresql":
                person = {f"{field}__gte": OuterRef("pk"), f"{field}__lte": OuterRef("pk")}
                newest = live.filter(**person).order_by(f"-{field}_id", "-publish_at")
            else:
                newest = live.filter(**{field: OuterRef("pk")})
            annotations[f"newest_{name}_{code}"] = Subquery(newest.values("publish_at")[:1])
    return people.annotate(**annotations)


def newest_of(row, language, *names):
    """The row's own change or the newest of its articles in `language`, whichever is later."""
    return newer(row.modified_at, *(getattr(row, f"newest_{name}_{language}") for name in names))


class ArticleSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = PAGE_SIZE

    def items(self):
        """Live articles in every language (a French one at its /fr/ address), as rows of
        the fields the page writes: 1,000 model instances would cost more than the page."""
        live = Article.objects.published(language=ANY_LANGUAGE)
        fields = ("pk", "slug", "language", "translation_key", "publish_at", "updated_at")
        return live.order_by("pk").values_list(*fields, named=True)

    @property
    def paginator(self):
        return KeyRangePaginator(self.items(), self.limit)

    def location(self, article):
        return self.path(article.language, article.slug)

    def path(self, language, slug):
        """An article's address in its language, without resolving the URL pattern 1,000
        times a page."""
        prefixes = self.__dict__.setdefault("_prefixes", {})
        if language not in prefixes:
            with translation.override(language):
                path = reverse("articles:detail", kwargs={"slug": "x"})
            prefixes[language] = path.removesuffix("x/")
        return f"{prefixes[language]}{slug}/"

    def lastmod(self, article):
        return changed(article)

    def get_latest_lastmod(self):
        return newest_change_anywhere()

    def get_urls(self, page=1, site=None, protocol=None):
        """The page's addresses, each naming its article's live translations (itself
        included) and x-default, read in one query for the whole page."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        family = self.live_translations([url["item"] for url in urls])
        hreflang_alternates = HreflangAlternates()
        for url in urls:
            versions = family.get(url["item"].translation_key, ())
            if len(versions) > 1:  # an article in one language names no alternates
                locations = {code: origin + self.path(code, slug) for code, slug in versions}
                url["alternates"] = hreflang_alternates(locations)
        return urls

    def live_translations(self, articles):
        """{translation key: [(language, slug)]} of the page's articles' families: the page's
        own rows and, in one query, the live rows in another language that share a key with a
        row of the page (`family_of_page`), so its cost is the page's, not the library's."""
        family = {}
        for article in articles:
            family.setdefault(article.translation_key, []).append((article.language, article.slug))
        own = {article.pk for article in articles}
        for pk, key, code, slug in family_of_page(articles):
            if pk not in own:
                family.setdefault(key, []).append((code, slug))
        return family


# The live rows in another language of a sitemap page's articles, written out: through the ORM,
# a condition on 1,000 keys cost more than the rest of the page. On PostgreSQL, one part per
# language, each a lookup of article_family_idx for the keys of the page's rows in the other
# languages, passed as one array (asked as a single condition, or by a subquery of the page's
# id range, the planner read every live article instead). SQLite has no arrays; its join from
# the page's id range looks up each row's family in the same index.
FAMILY_IN_LANGUAGE = (
    "SELECT id, translation_key, language, slug FROM {article} WHERE language = %s"
    " AND translation_key = ANY(%s) AND status = %s AND publish_at <= %s"
)
FAMILY_OF_RANGE = (
    "SELECT o.id, o.translation_key, o.language, o.slug FROM {article} p"
    " JOIN {article} o ON o.translation_key = p.translation_key AND o.language <> p.language"
    " AND o.status = %s AND o.publish_at <= %s"
    " WHERE p.id BETWEEN %s AND %s AND p.status = %s AND p.publish_at <= %s"
)


def family_of_page(articles):
    """(id, translation key, language, slug) of the live rows in another language of
    `articles`, a page of live articles (a range of ids)."""
    if not articles:
        return []
    db = connections[Article.objects.db]
    live = [Article.Status.PUBLISHED, db.ops.adapt_datetimefield_value(timezone.now())]
    table = Article._meta.db_table
    if db.vendor == "postgresql":
        parts, params = [], []
        for code in language_codes():
            keys = [article.translation_key for article in articles if article.language != code]
            if keys:
                parts.append(FAMILY_IN_LANGUAGE.format(article=table))
                params += [code, keys, *live]
        sql = " UNION ALL ".join(parts)
    else:
        ids = [article.pk for article in articles]
        sql, params = FAMILY_OF_RANGE.format(article=table), [*live, min(ids), max(ids), *live]
    if not sql:
        return []
    with db.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    key_field = Article._meta.get_field("translation_key")
    return [(pk, key_field.to_python(key), code, slug) for pk, key, code, slug in rows]


class TopicSitemap(TranslatedSitemap):
    """Each topic in the languages it has live articles in."""

    changefreq = "weekly"
    priority = 0.5
    limit = PAGE_SIZE

    def items(self):
        """Topics with live articles, each with its newest in each language
        (`newest_articles_<language>`): the first entry of its listing's index there."""
        topics = Topic.objects.with_published_articles(language=ANY_LANGUAGE)
        now = timezone.now()
        newest = {
            f"newest_articles_{code}": Subquery(
                TopicListing.objects.live_in(OuterRef("pk"), code, now=now).values("publish_at")[:1]
            )
            for code in language_codes()
        }
        return topics.only("slug", "modified_at").annotate(**newest)

    def languages_of(self, topic):
        return [code for code in language_codes() if getattr(topic, f"newest_articles_{code}")]

    def lastmod(self, version):
        return newest_of(version.page, version.language, "articles")

    def get_latest_lastmod(self):
        topics = Topic.objects.with_published_articles(language=ANY_LANGUAGE)
        return newer(topics.aggregate(at=Max("modified_at"))["at"], newest_change_anywhere())


class PersonSitemap(TranslatedSitemap):
    """The team, and former colleagues whose pages live articles still link to."""

    changefreq = "monthly"
    priority = 0.4
    limit = PAGE_SIZE

    def items(self):
        live = Article.objects.published(language=ANY_LANGUAGE)
        linked = Exists(live.filter(author=OuterRef("pk"))) | Exists(
            live.filter(reviewer=OuterRef("pk"))
        )
        people = Person.objects.filter(Q(is_active=True) | linked).only("slug", "modified_at")
        return dated(people, wrote="author", reviewed="reviewer")

    def lastmod(self, version):
        return newest_of(version.page, version.language, "wrote", "reviewed")

    def get_latest_lastmod(self):
        people = Person.objects.aggregate(at=Max("modified_at"))["at"]
        return newer(people, newest_change_anywhere())


class LocationSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = PAGE_SIZE

    def items(self):
        return Location.objects.active().only("slug", "modified_at")

    def lastmod(self, version):
        return version.page.modified_at

    def get_latest_lastmod(self):
        return Location.objects.active().aggregate(at=Max("modified_at"))["at"]


class StaticPageSitemap(TranslatedSitemap):
    """Pages that exist once in each language: home and the lists, each language's dated by
    the newest change it shows."""

    changefreq = "daily"
    priority = 0.6
    limit = PAGE_SIZE

    def items(self):
        if not hasattr(self, "_items_read"):
            self._items_read = self._dated_pages()
        return self._items_read

    def _dated_pages(self):
        """[(URL name, {language: its date})]."""
        topics = Topic.objects.with_published_articles(language=ANY_LANGUAGE)
        topics = topics.aggregate(at=Max("modified_at"))["at"]
        team = Person.objects.active().aggregate(at=Max("modified_at"))["at"]
        places = Location.objects.active().aggregate(at=Max("modified_at"))["at"]
        glossary = GlossaryTerm.objects.aggregate(at=Max("updated_at"))["at"]
        dates = {}
        for code in language_codes():
            newest = newest_change(code)
            dates[code] = {
                "articles:home": newest,
                "articles:list": newest,
                "articles:topic-list": newer(newest, topics),
                "clinic:team": team or newest,
                "clinic:locations": places or newest,
                "articles:glossary": glossary,
                # Written from the profile, the people and the topics; a correction moves its
                # article's “Updated” date, so the newest change dates the log too.
                "articles:editorial-policy": newer(newest, team, topics),
                "articles:corrections": newest,
            }
        names = dates[language_codes()[0]]
        return [(name, {code: dates[code][name] for code in dates}) for name in names]

    def page_location(self, page):
        return reverse(page[0])

    def lastmod(self, version):
        return version.page[1][version.language]

    def get_latest_lastmod(self):
        return newer(*(moment for _, dates in self.items() for moment in dates.values()))
