"""Plan or write one article from an `ArticleDraft`: its author, topics, slug and redirect."""

import html
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from articles.models import Article, ImportedPost
from articles.services import import_article
from clinic.domain.models import record_query_redirect, record_redirect

from .index import latin_slug

OLD_PATH_LENGTH = 500  # Redirect.old_path
HERO_CREDIT_LENGTH = Article._meta.get_field("hero_credit").max_length


def _plain(html_text):
    return " ".join(html.unescape(strip_tags(html_text)).split())


@dataclass
class Changes:
    """What writing (or planning) one post did, added to the report once it has succeeded."""

    action: str = "created"
    url: str = ""
    warnings: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    new_topics: list[str] = field(default_factory=list)
    published: bool = False
    refused: str = ""  # why the publishing checks kept it a draft


class ArticleWriter:
    """Decisions shared by the dry run (`plan`) and the real run (`write`), from one `Index`."""

    def __init__(self, index, *, publish=False):
        self.index = index
        self.publish = publish  # publish what was published on the old site

    def plan(self, draft):
        """Decide what writing `draft` would do, without writing (the dry run)."""
        changes = Changes()
        author = self._author(draft, changes, save=False)
        topics = [self._topic(term, changes, save=False) for term in draft.terms]
        article_id = self.index.articles_by_key.get(draft.key)
        article = Article.objects.filter(pk=article_id).first() if article_id else None
        if article is None:
            slug = self._new_slug(draft, changes)
            changes.url = Article(slug=slug).get_absolute_url()
            changes.published = self.publish and draft.status == Article.Status.PUBLISHED
            self.index.articles_by_key[draft.key] = None
            return changes
        changes.url = article.get_absolute_url()
        if edited_here_since_import(article):
            changes.action = "unchanged"
            changes.warnings.append(
                f"“{article.title}” was edited on this site since it was imported; "
                "the export's version would not be applied."
            )
            return changes
        changes.action = "updated" if differs(article, draft, author, topics) else "unchanged"
        return changes

    def write(self, draft):
        changes = Changes()
        author = self._author(draft, changes, save=True)
        topics = [self._topic(term, changes, save=True) for term in draft.terms]
        article_id = self.index.articles_by_key.get(draft.key)
        if article_id is None:
            article = Article(slug=self._new_slug(draft, changes), status=Article.Status.DRAFT)
        else:
            article = self._to_update(article_id, draft, author, topics, changes)
            if article is None:
                return changes
        for name in ("title", "summary", "body", "disclaimer", "publish_at"):
            setattr(article, name, getattr(draft, name))
        article.author = author
        if article_id is None and draft.hero is not None:  # the picture follows, copied
            article.hero_credit = _plain(draft.hero.caption)[:HERO_CREDIT_LENGTH]
        # A new article arrives as a draft; one that was published on the old site is
        # published when asked, through the publishing checks. An existing article keeps
        # the publish state editors gave it.
        wanted = article.status
        if article_id is None and self.publish and draft.status == Article.Status.PUBLISHED:
            wanted = Article.Status.PUBLISHED
        changes.refused = import_article(
            article=article, status=wanted, related=lambda: article.topics.set(topics),
            comment="Imported from the old site.",
        )  # fmt: skip
        changes.published = (
            wanted == Article.Status.PUBLISHED and article_id is None and (not changes.refused)
        )
        ImportedPost.objects.update_or_create(
            import_key=draft.key, defaults={"article": article, "old_url": draft.old_link[:500]}
        )
        changes.url = article.get_absolute_url()
        self._redirect(draft, changes)
        self.index.articles_by_key[draft.key] = article.pk
        return changes

    def _to_update(self, article_id, draft, author, topics, changes):
        """The imported article to update, or None when it is to be left as it is."""
        article = Article.objects.select_related("import_record").get(pk=article_id)
        changes.url = article.get_absolute_url()
        if edited_here_since_import(article):
            changes.action = "unchanged"
            changes.warnings.append(
                f"“{article.title}” was edited on this site since it was imported, so the "
                "export's version was not applied."
            )
            return None
        if not differs(article, draft, author, topics):
            changes.action = "unchanged"
            return None
        changes.action = "updated"
        return article

    def _author(self, draft, changes, *, save):
        person = self.index.find_person(draft.author_name)
        if person is None:
            person = self.index.new_person(draft.author_name)
            if save:
                person.save()
            changes.new_people.append(person.name)
        return person

    def _topic(self, term, changes, *, save):
        topic = self.index.find_topic(term)
        if topic is None:
            topic = self.index.new_topic(term)
            if save:
                topic.save()
            changes.new_topics.append(topic.name)
        return topic

    def _new_slug(self, draft, changes):
        wanted = latin_slug(draft.slug) or latin_slug(draft.title) or "imported-post"
        slug = self.index.claim_article_slug(wanted)
        if slug != wanted:
            changes.warnings.append(
                f"{draft.label}: another article already has the address “{wanted}”, "
                f"so this one is “{slug}”"
            )
        return slug

    def _redirect(self, draft, changes):
        """Send the post's old addresses to its article, permanently."""
        for alias in draft.aliases:
            if "?" in alias:  # a plain address, such as "/?p=173"
                record_query_redirect(alias, changes.url)
            elif alias != draft.old_path and len(alias) <= OLD_PATH_LENGTH:
                record_redirect(alias, changes.url)
        if not draft.old_path:
            if draft.status == Article.Status.PUBLISHED and not draft.aliases:
                changes.warnings.append(
                    f"{draft.label}: its old address ({draft.old_link or 'none'}) has no path "
                    "of its own, so no redirect was recorded"
                )
            return
        if len(draft.old_path) > OLD_PATH_LENGTH:
            changes.warnings.append(f"{draft.label}: its old address is too long to redirect")
            return
        record_redirect(draft.old_path, changes.url)


def edited_here_since_import(article):
    """True when someone saved the article after the import that last wrote it."""
    record = getattr(article, "import_record", None)
    # The import writes its record after the article, so only a later save is newer.
    return record is not None and article.modified_at > record.updated_at


def differs(article, draft, author, topics):
    """Whether writing `draft` would change `article` at all."""
    current = (article.title, article.summary, article.body, article.disclaimer,
               article.publish_at, article.author_id)  # fmt: skip
    wanted = (draft.title, draft.summary, draft.body, draft.disclaimer,
              draft.publish_at, author.pk)  # fmt: skip
    if current != wanted:
        return True
    return set(article.topics.values_list("pk", flat=True)) != {topic.pk for topic in topics}
