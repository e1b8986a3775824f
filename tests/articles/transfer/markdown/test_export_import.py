import io
from datetime import date, timedelta
from io import StringIO

import pytest
import yaml
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from articles.models import Article, ImportedPost, Study, Topic
from articles.transfer.markdown.articles import read_article_file
from clinic.domain.models import Person
from tests.factories import ArticleFactory, PersonFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png(colour="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def pixels(data):
    return Image.open(io.BytesIO(data)).convert("RGB").tobytes()


def library():
    """A small library with every kind of detail an article can carry."""
    author = PersonFactory(name="Dr Ana Ruiz", slug="ana-ruiz", credentials="MD, FRCPC")
    reviewer = PersonFactory(name="Dr Li Wei", slug="li-wei", role_title="Psychiatrist")
    ptsd, ketamine = (
        TopicFactory(name="PTSD", slug="ptsd"),
        TopicFactory(name="Ketamine", slug="ketamine"),
    )
    uploaded = default_storage.save("editor/chart.png", ContentFile(png("navy")))
    live = ArticleFactory(
        title="Ketamine with therapy for PTSD",
        slug="ketamine-with-therapy",
        summary="Four small studies, in plain words.",
        body=f"## Key findings\n\n![A chart]({default_storage.url(uploaded)})\n\n1. One\n",
        author=author,
        reviewer=reviewer,
        reviewed_on=date(2024, 3, 2),
        updated_at=timezone.now() - timedelta(days=3),
        disclaimer="Our own words: education only, not medical advice. Ask your own doctor. "
        "In an emergency, call 911.",
        hero_alt="A calm room",
        hero_credit="Photo: J. Doe",
    )
    live.hero_image.save("room.png", ContentFile(png()), save=True)
    live.topics.set([ptsd, ketamine])
    StudyFactory(article=live, doi="10.4088/JCP.22r14614", pmid="36856620", position=0)
    StudyFactory(
        article=live,
        title="A second trial",
        design=Study.Design.RCT,
        position=1,
        comparison=Study.Comparison.PLACEBO,
        follow_up_weeks=26,
        funder=Study.Funder.INDUSTRY,
        evidence_note="Read with the first trial.",
    )
    ImportedPost.objects.create(
        import_key="guid:https://old.example.org/?p=1", article=live, old_url="/2023/05/x/"
    )
    draft = ArticleFactory(draft=True, title="Not yet", slug="not-yet", author=author)
    draft.topics.set([ptsd])
    ArticleFactory(slug="scheduled", publish_at=timezone.now() + timedelta(days=5))


def snapshot():
    """Everything an article is, by value, so two databases can be compared."""
    rows = []
    for article in Article.objects.order_by("slug"):
        rows.append(
            {
                **{
                    name: getattr(article, name)
                    for name in [
                        "title",
                        "slug",
                        "summary",
                        "body",
                        "status",
                        "publish_at",
                        "updated_at",
                        "reviewed_on",
                        "disclaimer",
                        "hero_alt",
                        "hero_credit",
                        "body_html",
                    ]  # fmt: skip
                },
                "hero_image": article.hero_image.name,
                "author": Person.objects.filter(pk=article.author_id).values(
                    "name", "slug", "role_title", "credentials"
                )[0],
                "reviewer": article.reviewer and article.reviewer.slug,
                "topics": sorted(article.topics.values_list("slug", "name")),
                "studies": list(
                    article.studies.values(
                        "title",
                        "journal",
                        "year",
                        "authors",
                        "url",
                        "doi",
                        "pmid",
                        "design",
                        "studies_pooled",
                        "participants",
                        "population",
                        "measures",
                        "comparison",
                        "follow_up_weeks",
                        "funder",
                        "funding_note",
                        "evidence_note",
                        "position",
                    )
                ),  # fmt: skip
                "imported_from": list(
                    ImportedPost.objects.filter(article=article).values("import_key", "old_url")
                ),
            }
        )
    return rows


@pytest.mark.django_db(transaction=True)  # a real flush: PostgreSQL cannot TRUNCATE mid-transaction
def test_round_trip_through_an_empty_database_reproduces_the_same_articles(
    media, tmp_path, settings
):
    library()
    before = snapshot()
    out = tmp_path / "export"
    call_command("export_markdown", str(out), stdout=StringIO())

    call_command("flush", "--no-input", verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "fresh-media"  # an empty site: no files either
    assert not Article.objects.exists() and not Person.objects.exists()
    output = StringIO()
    call_command("import_markdown", str(out), stdout=output)

    assert snapshot() == before
    assert "3 created, 0 updated" in output.getvalue()
    hero = Article.objects.get(slug="ketamine-with-therapy").hero_image
    # Read back as checked uploads: re-encoded, the same picture.
    assert pixels(hero.read()) == pixels(png())
    assert pixels((settings.MEDIA_ROOT / "editor" / "chart.png").read_bytes()) == pixels(
        png("navy")
    )


def test_each_article_is_a_markdown_file_with_front_matter_and_its_images(media, tmp_path):
    library()
    call_command("export_markdown", str(tmp_path / "out"), stdout=StringIO())
    files = sorted(path.name for path in (tmp_path / "out").glob("*.md"))
    assert files == ["ketamine-with-therapy.md", "not-yet.md", "scheduled.md"]
    front, body = read_article_file(tmp_path / "out" / "ketamine-with-therapy.md")
    assert front["title"] == "Ketamine with therapy for PTSD"
    assert front["status"] == "published"
    assert front["author"]["name"] == "Dr Ana Ruiz"
    assert front["reviewer"]["slug"] == "li-wei"
    assert front["topics"] == [
        {"name": "Ketamine", "slug": "ketamine"},
        {"name": "PTSD", "slug": "ptsd"},
    ]
    assert [study["title"] for study in front["studies"]][1] == "A second trial"
    assert front["disclaimer"].startswith("Our own words: education only")
    assert front["hero_image"].startswith("images/articles/hero/room")
    assert "![A chart](images/editor/chart.png)" in body
    assert (tmp_path / "out" / "images" / "editor" / "chart.png").is_file()
    assert read_article_file(tmp_path / "out" / "not-yet.md")[0]["status"] == "draft"


def test_importing_the_same_folder_twice_updates_rather_than_duplicates(media, tmp_path):
    library()
    call_command("export_markdown", str(tmp_path / "out"), stdout=StringIO())
    output = StringIO()
    call_command("import_markdown", str(tmp_path / "out"), stdout=output)
    assert "0 created, 3 updated" in output.getvalue()
    assert Article.objects.count() == 3
    assert Study.objects.count() == 2
    assert Topic.objects.count() == 2


def test_an_edited_file_changes_its_article(media, tmp_path):
    ArticleFactory(slug="edit-me", title="Before")
    call_command("export_markdown", str(tmp_path), stdout=StringIO())
    path = tmp_path / "edit-me.md"
    path.write_text(path.read_text().replace("title: Before", "title: After"), encoding="utf-8")
    call_command("import_markdown", str(tmp_path), stdout=StringIO())
    assert Article.objects.get(slug="edit-me").title == "After"


def test_a_bad_file_is_reported_and_the_others_are_still_imported(media, tmp_path):
    ArticleFactory(slug="good")
    call_command("export_markdown", str(tmp_path), stdout=StringIO())
    Article.objects.all().delete()
    (tmp_path / "no-front-matter.md").write_text("# Just a heading\n", encoding="utf-8")
    blank = read_article_file(tmp_path / "good.md")[0] | {"slug": "blank", "disclaimer": "  "}
    (tmp_path / "blank.md").write_text(f"---\n{yaml.safe_dump(blank)}---\n\nBody\n")
    output = StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("import_markdown", str(tmp_path), stdout=output)
    assert "no-front-matter.md: the file does not start with front matter" in output.getvalue()
    assert "blank.md: Every article must carry the medical disclaimer" in output.getvalue()
    assert list(Article.objects.values_list("slug", flat=True)) == ["good"]


def test_an_image_path_outside_the_images_folder_is_refused(media, tmp_path):
    ArticleFactory(slug="sneaky")
    call_command("export_markdown", str(tmp_path), stdout=StringIO())
    path = tmp_path / "sneaky.md"
    path.write_text(path.read_text().replace("hero_image: null", "hero_image: ../../etc/passwd"))
    Article.objects.all().delete()
    output = StringIO()
    with pytest.raises(CommandError):
        call_command("import_markdown", str(tmp_path), stdout=output)
    assert "is not in the images/ folder" in output.getvalue()
    assert not Article.objects.exists()


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        call_command("import_markdown", str(tmp_path / "missing"), stdout=StringIO())


def test_a_published_file_that_fails_the_checks_arrives_as_a_draft_with_the_reason(media, tmp_path):
    library()
    call_command("export_markdown", str(tmp_path / "out"), stdout=StringIO())
    path = tmp_path / "out" / "ketamine-with-therapy.md"
    path.write_text(path.read_text().replace("1. One", "1. Guaranteed relief."))
    output = StringIO()
    call_command("import_markdown", str(tmp_path / "out"), stdout=output)
    article = Article.objects.get(slug="ketamine-with-therapy")
    assert article.status == Article.Status.DRAFT
    assert article.body.endswith("1. Guaranteed relief.\n")
    assert "Kept as drafts by the publishing checks (1):" in output.getvalue()
    assert "“Guaranteed” is promotional wording" in output.getvalue()
