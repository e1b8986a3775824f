"""Every article as a Markdown file with YAML front matter, and back again.

`export_articles(directory)` (export.py) writes `<slug>.md` per article, plus `images/`
holding the hero images and the images uploaded into bodies (their links in the Markdown point
there, so the folder reads well in any Markdown viewer). `import_articles(directory)` reads the
same format into this site or another, matching articles, people and topics by slug, one
transaction per file. A round trip through an empty database gives back the same articles.
"""

import re
import uuid
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction

from articles.models import Article, ArticleChange, ImportedPost, Study, Topic, default_language
from articles.services import import_article
from articles.transfer.report import ImportReport
from articles.transfer.wordpress.content import unsafe_warning
from clinic.authoring.links import describe, drop_unsafe_links, rendered_unsafe_targets
from clinic.domain.models import Person

from .files import (
    IMAGES,
    PortabilityError,
    import_image,
    keep_number,
    reset_numbering,
    save_numbered,
)
from .frontmatter import check_front_matter, load_yaml
from .site import (
    SITE_FILE,
    import_redirects,
    import_site,
    read_site,
)

FORMAT_VERSION = 1
IMPORTED = "Imported from a Markdown file."
PERSON_FIELDS = ["name", "slug", "role_title", "credentials"]
STUDY_FIELDS = [
    "title", "journal", "year", "month", "volume", "issue", "pages", "authors", "url", "doi",
    "pmid", "design",
    "studies_pooled", "participants", "population", "measures", "comparison", "follow_up_weeks",
    "funder", "funding_note", "evidence_note", "position",
]  # fmt: skip
# Written under their own keys; any other editable field is written under `fields:`.
HANDLED_FIELDS = {
    "id", "title", "slug", "summary", "body", "status", "publish_at", "updated_at", "author",
    "reviewer", "reviewed_on", "disclaimer", "hero_image", "hero_alt", "hero_credit",
}  # fmt: skip
MARKDOWN_IMAGE = re.compile(r"(?P<start>!\[[^\]]*\]\()(?P<url>[^)\s]+)")


def _link_translation(article, text):
    """Take the file's translation key, unless another article in the language holds it (a
    file copied from another's keeps its own key)."""
    try:
        key = uuid.UUID(text)
    except ValueError as error:
        raise PortabilityError("the translation key is not a UUID") from error
    holders = Article.objects.filter(translation_key=key, language=article.language)
    if article.pk is not None:
        holders = holders.exclude(pk=article.pk)
    if not holders.exists():
        article.translation_key = key


def _extra_fields():
    """Editable fields added to Article later, so they come across without changes here."""
    return [
        field
        for field in Article._meta.concrete_fields
        if field.editable and not field.is_relation and field.name not in HANDLED_FIELDS
    ]


def _media_url():
    return default_storage.url("")


def import_articles(directory):
    """Read every `*.md` file in `directory`; returns an `ImportReport`."""
    directory = Path(directory)
    if not directory.is_dir():
        raise PortabilityError(f"{directory}: no such folder.")
    report = ImportReport()
    try:
        site = read_site(directory)
    except PortabilityError as error:  # the articles can still come across
        report.skip(SITE_FILE, str(error))
        site = None
    if site is not None:
        try:
            import_site(site, directory)
        except (PortabilityError, ValidationError, DatabaseError, KeyError, TypeError,
                ValueError) as error:  # fmt: skip
            report.skip(SITE_FILE, _describe(error))
    order = {slug: n for n, slug in enumerate((site or {}).get("article_order") or [])}
    paths = sorted(directory.glob("*.md"), key=lambda p: (order.get(p.stem, len(order)), p.name))
    for path in paths:
        try:
            front, body = read_article_file(path)
            body = _safe_body(body, path.name, report)
            with transaction.atomic():
                article, created, refused = save_article(front, body, directory)
        except (PortabilityError, ValidationError, DatabaseError, KeyError, TypeError,
                ValueError) as error:  # fmt: skip
            report.skip(path.name, _describe(error))
            continue
        if refused:
            report.refused.append((path.name, refused))
        (report.created if created else report.updated).append(
            f"{article.title} → {article.get_absolute_url()}"
        )
        report.processed += 1
    if site is not None:
        for name, reason in import_redirects(site):
            report.skip(name, reason)
    return report


def _safe_body(body, name, report):
    """The body without javascript:, vbscript: or data: targets (their text kept)."""
    body, dropped = drop_unsafe_links(body)
    if dropped:
        report.warn(f"{name}: {unsafe_warning(dropped)}")
    if left := rendered_unsafe_targets(body):
        raise PortabilityError(
            f"its body links to {describe(left)} in a way that could not be taken out safely"
        )
    return body


def _describe(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, KeyError):
        return f"the front matter has no {error.args[0]!r}"
    return str(error)


def read_article_file(path):
    """(front matter as a dict, body) of one exported file."""
    text = Path(path).read_text(encoding="utf-8")
    end = text.find("\n---\n", 3)
    if not text.startswith("---\n") or end == -1:
        raise PortabilityError("the file does not start with front matter between two '---' lines")
    front = load_yaml(text[4:end], "the front matter")
    if not isinstance(front, dict) or "slug" not in front:
        raise PortabilityError("the front matter has no slug")
    check_front_matter(front)
    if front.get("format", FORMAT_VERSION) > FORMAT_VERSION:
        raise PortabilityError("the file was written by a newer version of this site")
    body = text[end + len("\n---\n") :]
    return front, body.removeprefix("\n")


def save_article(front, body, directory):
    """Create or update the article `front["slug"]` through `import_article`; returns
    (article, created, why it is a draft although the file says published)."""
    language = (front.get("fields") or {}).get("language") or default_language()
    article = Article.objects.filter(slug=front["slug"], language=language).first()
    created = article is None
    if created:
        article = Article(slug=front["slug"], status=Article.Status.DRAFT, language=language)
        keep_number(article, front.get("id"))
    if front.get("translation_key"):
        _link_translation(article, front["translation_key"])
    article.title, article.summary = front["title"], front["summary"]
    article.body = _import_body_images(body, directory)
    article.disclaimer = front["disclaimer"]
    article.publish_at = _when(datetime, front["publish_at"])
    article.updated_at = _optional(datetime, front.get("updated_at"))
    article.reviewed_on = _optional(date, front.get("reviewed_on"))
    article.author = _person(front["author"])
    article.reviewer = _person(front.get("reviewer")) if front.get("reviewer") else None
    hero = front.get("hero_image")
    article.hero_image = import_image(hero, directory) if hero else ""
    article.hero_alt, article.hero_credit = front.get("hero_alt", ""), front.get("hero_credit", "")
    for field in _extra_fields():
        if field.name in front.get("fields", {}):
            setattr(article, field.name, field.to_python(front["fields"][field.name]))
    topics = [_topic(data) for data in front.get("topics", [])]

    def related():
        if getattr(article, "_kept_number", False):
            reset_numbering([Article])
        article.topics.set(topics)
        _replace_studies(article, front.get("studies", []))
        _replace_changes(article, front.get("changes"))

    refused = import_article(
        article=article, status=front.get("status", Article.Status.DRAFT), related=related,
        comment=IMPORTED,
    )  # fmt: skip
    _remember_import(article, front.get("imported_from"))
    return article, created, refused


def _optional(kind, value):
    return _when(kind, value) if value else None


def _when(kind, value):
    """A date or time from ISO text, or as YAML read it when written without quotes."""
    return value if isinstance(value, kind) else kind.fromisoformat(str(value))


def _person(data):
    person = Person.objects.filter(slug=data["slug"]).first()
    if person is None:
        person = Person(**{name: data.get(name, "") for name in PERSON_FIELDS})
        person.full_clean()
        person.save()
    return person


def _topic(data):
    topic = Topic.objects.filter(slug=data["slug"]).first()
    topic = topic or Topic.objects.filter(name__iexact=data["name"]).first()
    return topic or Topic.objects.create(name=data["name"], slug=data["slug"])


def _replace_studies(article, studies):
    article.studies.all().delete()
    for data in studies:
        study = Study(
            article=article, **{name: data[name] for name in STUDY_FIELDS if name in data}
        )
        keep_number(study, data.get("id"))
        save_numbered(study)


def _replace_changes(article, changes):
    if changes is None:  # a file written before change notes were exported
        return
    article.changes.all().delete()
    for data in changes:
        change = ArticleChange(
            article=article,
            changed_at=_when(datetime, data["changed_at"]),
            note=data["note"],
            kind=data.get("kind") or ArticleChange.Kind.UPDATE,
        )
        keep_number(change, data.get("id"))
        save_numbered(change)


def _remember_import(article, data):
    if not data:
        return
    ImportedPost.objects.filter(article=article).exclude(import_key=data["key"]).delete()
    ImportedPost.objects.update_or_create(
        import_key=data["key"], defaults={"article": article, "old_url": data.get("old_url", "")}
    )


def _import_body_images(body, directory):
    def replace(match):
        url = match["url"]
        if not url.startswith(f"{IMAGES}/"):
            return match.group(0)
        return match["start"] + default_storage.url(import_image(unquote(url), directory))

    return MARKDOWN_IMAGE.sub(replace, body)
