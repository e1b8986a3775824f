"""What already exists, read once per import and kept current as posts are planned or written.

The dry run and the real run make the same decisions from it (which article a post updates,
which slug a new article gets, which person and topics it links to), so the dry-run report
says exactly what the real run will do.
"""

from urllib.parse import unquote

from anyascii import anyascii
from django.utils.text import slugify

from articles.models import Article, ImportedPost, Topic
from clinic.domain.models import Person

PERSON_NAME_LENGTH = Person._meta.get_field("name").max_length
PERSON_SLUG_LENGTH = Person._meta.get_field("slug").max_length
TOPIC_NAME_LENGTH = Topic._meta.get_field("name").max_length
TOPIC_SLUG_LENGTH = Topic._meta.get_field("slug").max_length
ARTICLE_SLUG_LENGTH = Article._meta.get_field("slug").max_length


def latin_slug(text):
    """A readable ASCII slug for any title: "Άγχος και ύπνος" -> "agchos-kai-ypnos"."""
    return slugify(anyascii(text or ""))


def free_slug(wanted, taken, max_length):
    """`wanted`, or `wanted-2`, `wanted-3`... whichever is not in `taken`."""
    wanted = wanted[:max_length].strip("-")
    slug, number = wanted, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = wanted[: max_length - len(suffix)].rstrip("-") + suffix
        number += 1
    return slug


class Index:
    def __init__(self):
        self.articles_by_key = dict(ImportedPost.objects.values_list("import_key", "article_id"))
        self.article_slugs = set(Article.objects.values_list("slug", flat=True))
        self.people_by_name, self.people_by_slug = {}, {}
        for person in Person.objects.only("name", "slug"):
            self._add_person(person)
        self.topics_by_name, self.topics_by_slug = {}, {}
        for topic in Topic.objects.all():
            self._add_topic(topic)

    def claim_article_slug(self, wanted):
        slug = free_slug(wanted, self.article_slugs, ARTICLE_SLUG_LENGTH)
        self.article_slugs.add(slug)
        return slug

    def find_person(self, name):
        """The person with this name (any case), or whose slug the name would have."""
        return self.people_by_name.get(name.casefold()) or self.people_by_slug.get(latin_slug(name))

    def new_person(self, name):
        """An unsaved, inactive Person: imported bylines join the team page only when reviewed."""
        slug = free_slug(latin_slug(name) or "author", self.people_by_slug, PERSON_SLUG_LENGTH)
        person = Person(name=name[:PERSON_NAME_LENGTH], slug=slug, is_active=False)
        self._add_person(person)
        return person

    def find_topic(self, term):
        slug = latin_slug(unquote(term.slug)) or latin_slug(term.name)
        return self.topics_by_slug.get(slug) or self.topics_by_name.get(term.name.casefold())

    def new_topic(self, term):
        """An unsaved Topic for a category or tag, kept off the public site until described."""
        wanted = latin_slug(unquote(term.slug)) or latin_slug(term.name) or "topic"
        slug = free_slug(wanted, self.topics_by_slug, TOPIC_SLUG_LENGTH)
        topic = Topic(name=term.name[:TOPIC_NAME_LENGTH], slug=slug, from_import=True)
        self._add_topic(topic)
        return topic

    def _add_person(self, person):
        self.people_by_name.setdefault(person.name.casefold(), person)
        self.people_by_slug[person.slug] = person

    def _add_topic(self, topic):
        self.topics_by_name.setdefault(topic.name.casefold(), topic)
        self.topics_by_slug[topic.slug] = topic
