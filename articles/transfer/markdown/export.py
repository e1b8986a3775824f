"""Writing every article as a Markdown file with YAML front matter (the format articles.py
describes and reads back)."""

from pathlib import Path
from urllib.parse import unquote

from articles.models import Article

from .articles import (
    FORMAT_VERSION,
    MARKDOWN_IMAGE,
    PERSON_FIELDS,
    STUDY_FIELDS,
    _extra_fields,
    _media_url,
)
from .files import export_file, file_stem, plain
from .frontmatter import dump_yaml
from .site import export_site


def export_articles(directory):
    """Write every article (drafts too) to `directory`; returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    articles = (
        Article.objects.select_related("author", "reviewer", "import_record")
        .prefetch_related("topics", "studies")
        .order_by("publish_at", "id")
    )
    paths = [export_site(directory)]
    for article in articles:
        path = directory / f"{file_stem(article.slug, article.language)}.md"
        path.write_text(article_to_markdown(article, directory), encoding="utf-8")
        paths.append(path)
    return paths


def article_to_markdown(article, directory):
    """The file for one article: YAML front matter, a blank line, then the Markdown body."""
    record = getattr(article, "import_record", None)
    front = {
        "format": FORMAT_VERSION,
        "id": article.pk,
        "title": article.title,
        "slug": article.slug,
        "translation_key": str(article.translation_key),
        "summary": article.summary,
        "status": article.status,
        "publish_at": article.publish_at.isoformat(),
        "updated_at": article.updated_at.isoformat() if article.updated_at else None,
        "author": _person_data(article.author),
        "reviewer": _person_data(article.reviewer),
        "reviewed_on": article.reviewed_on.isoformat() if article.reviewed_on else None,
        "topics": [{"name": topic.name, "slug": topic.slug} for topic in article.topics.all()],
        "studies": [
            {"id": s.pk} | {name: getattr(s, name) for name in STUDY_FIELDS}
            for s in article.studies.all()
        ],
        "disclaimer": article.disclaimer,
        "hero_image": export_file(article.hero_image.name, directory)
        if article.hero_image
        else None,
        "hero_alt": article.hero_alt,
        "hero_credit": article.hero_credit,
        "imported_from": {"key": record.import_key, "old_url": record.old_url} if record else None,
        "fields": {
            field.name: plain(field.value_from_object(article)) for field in _extra_fields()
        },
        "changes": [
            {
                "id": change.pk,
                "changed_at": change.changed_at.isoformat(),
                "note": change.note,
                "kind": change.kind,
            }
            for change in article.changes.order_by("changed_at", "pk")
        ],
    }
    dumped = dump_yaml(front)
    return f"---\n{dumped}---\n\n{_export_body_images(article.body, directory)}"


def _person_data(person):
    return {name: getattr(person, name) for name in PERSON_FIELDS} if person else None


def _export_body_images(body, directory):
    """Point images uploaded to this site at their copies in `images/`."""
    prefix = _media_url()

    def replace(match):
        url = match["url"]
        name = unquote(url[len(prefix) :]) if url.startswith(prefix) else ""
        copied = export_file(name, directory) if name else None
        return match["start"] + copied if copied else match.group(0)

    return MARKDOWN_IMAGE.sub(replace, body)
