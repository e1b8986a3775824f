"""A Markdown export folder written to hurt: alias bombs, wrong kinds of values, symbolic links
out of the folder, and links that run code. Each file is refused (or cleaned) with its own
reason, and the rest of the folder still comes across."""

import io
import time
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article
from articles.transfer.markdown.articles import import_articles, read_article_file
from articles.transfer.markdown.files import PortabilityError
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def folder(media, tmp_path):
    """An exported folder holding the article "good", and its front matter to copy."""
    ArticleFactory(slug="good", title="Good")
    export = tmp_path / "export"
    call_command("export_markdown", str(export), stdout=StringIO())
    Article.objects.all().delete()
    return export


def front_of(folder):
    return read_article_file(folder / "good.md")[0]


def write(folder, name, front, body="Body text.\n"):
    text = front if isinstance(front, str) else yaml.safe_dump(front, sort_keys=False)
    (folder / name).write_text(f"---\n{text}---\n\n{body}", encoding="utf-8")


def import_folder(folder):
    output = StringIO()
    try:
        call_command("import_markdown", str(folder), stdout=output)
    except CommandError:
        pass
    return output.getvalue()


def alias_bomb(levels=9):
    """Nine levels of nine aliases: 484 bytes that stand for 9⁹ (387 million) strings."""
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{name}: &{name} [{','.join([f'*{before}'] * 9)}]"
              for before, name in zip(names, names[1:], strict=False)]  # fmt: skip
    return "\n".join(lines) + f"\ntitle: *{names[-1]}\n"


def test_an_alias_bomb_is_refused_at_once_and_the_other_files_import(folder):
    front = yaml.safe_dump({k: v for k, v in front_of(folder).items() if k != "title"})
    write(folder, "bomb.md", alias_bomb() + front.replace("slug: good", "slug: bomb"))
    started = time.process_time()
    output = import_folder(folder)
    assert time.process_time() - started < 5  # it took 46 s and 2.2 GB before failing
    assert "bomb.md: it uses a YAML anchor or alias (“a”, line 1)" in output
    assert list(Article.objects.values_list("slug", flat=True)) == ["good"]


def test_an_alias_in_site_yaml_is_refused_and_the_articles_still_import(folder):
    (folder / "site.yaml").write_text(alias_bomb(3) + "format: 1\n", encoding="utf-8")
    output = import_folder(folder)
    assert "site.yaml: it uses a YAML anchor or alias" in output
    assert Article.objects.filter(slug="good").exists()


def test_yaml_nested_past_any_export_is_refused_before_it_is_built(folder):
    front = front_of(folder) | {"slug": "deep"}
    text = yaml.safe_dump(front).replace("studies: []", "studies: " + "[" * 5000 + "]" * 5000)
    write(folder, "deep.md", text)
    assert "deep.md: its YAML is nested more than 20 levels deep" in import_folder(folder)
    assert not Article.objects.filter(slug="deep").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", ["a", "list"], "the front matter's 'title' should be text, not a list"),
        ("title", 12, "the front matter's 'title' should be text, not a whole number"),
        ("summary", {"a": 1}, "the front matter's 'summary' should be text, not a mapping"),
        ("publish_at", 2024, "the front matter's 'publish_at' should be text or a date"),
        ("disclaimer", True, "the front matter's 'disclaimer' should be text, not bool"),
        ("topics", "anxiety", "the front matter's 'topics' should be a list, not text"),
        ("author", "Ana", "the front matter's 'author' should be a mapping, not text"),
        ("reviewer", {"name": ["x"], "slug": "x"}, "'reviewer name' should be text, not a list"),
        ("topics", [{"name": 1, "slug": "a"}], "'topics 1 name' should be text"),
        ("hero_image", ["images/x.png"], "'hero_image' should be text or empty, not a list"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_and_the_other_files_import(
    folder, field, value, message
):
    write(folder, "wrong.md", front_of(folder) | {"slug": "wrong", field: value})
    output = import_folder(folder)
    line = next(line for line in output.splitlines() if "wrong.md:" in line)
    assert message in line
    assert list(Article.objects.values_list("slug", flat=True)) == ["good"]


def test_dates_written_without_quotes_are_read_as_dates(folder):
    text = yaml.safe_dump(front_of(folder) | {"slug": "plain-date"})
    text = text.replace("publish_at: '", "publish_at: ").replace("+00:00'", "+00:00")
    write(folder, "plain-date.md", text)
    import_folder(folder)
    assert Article.objects.get(slug="plain-date").publish_at.year > 2000


def test_the_export_never_writes_an_anchor_or_alias(media, tmp_path):
    shared = ["same", "list"]
    ArticleFactory(slug="twice", title="Twice")
    from articles.transfer.markdown.frontmatter import dump_yaml

    assert "&" not in dump_yaml({"one": shared, "two": shared})
    call_command("export_markdown", str(tmp_path), stdout=StringIO())
    assert "*id" not in (tmp_path / "twice.md").read_text()


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def outside(tmp_path):
    """A folder beside the export holding a picture that is not the export's."""
    place = tmp_path / "outside"
    place.mkdir()
    (place / "secret.png").write_bytes(png())
    return place


def with_hero(folder, slug, hero):
    write(folder, f"{slug}.md", front_of(folder) | {"slug": slug, "hero_image": hero,
                                                     "hero_alt": "A picture"})  # fmt: skip


def test_a_symlinked_images_folder_pointing_outside_is_refused(folder, outside):
    assert not (folder / "images").exists()  # "good" has no pictures
    (folder / "images").symlink_to(outside, target_is_directory=True)
    with_hero(folder, "linked", "images/secret.png")
    output = import_folder(folder)
    assert "linked.md: the image images/secret.png is reached through a symbolic link (images)" in (
        output
    )
    assert not Article.objects.filter(slug="linked").exists()


def test_a_symlinked_picture_or_folder_inside_images_is_refused(folder, outside):
    images = folder / "images"
    images.mkdir(exist_ok=True)
    (images / "linked.png").symlink_to(outside / "secret.png")
    (images / "folder").symlink_to(outside, target_is_directory=True)
    with_hero(folder, "file", "images/linked.png")
    with_hero(folder, "inner", "images/folder/secret.png")
    output = import_folder(folder)
    assert "file.md: the image images/linked.png is reached through a symbolic link" in output
    assert "(images/folder)" in output
    assert set(Article.objects.values_list("slug", flat=True)) == {"good"}


def test_a_picture_of_the_export_itself_still_imports(folder):
    (folder / "images").mkdir(exist_ok=True)
    (folder / "images" / "own.png").write_bytes(png())
    with_hero(folder, "own", "images/own.png")
    import_folder(folder)
    assert Article.objects.get(slug="own").hero_image.name == "own.png"


def test_an_export_folder_reached_through_a_link_still_imports(folder, tmp_path):
    (tmp_path / "link-to-export").symlink_to(folder, target_is_directory=True)
    (folder / "images").mkdir(exist_ok=True)
    (folder / "images" / "own.png").write_bytes(png())
    with_hero(folder, "own", "images/own.png")
    report = import_articles(tmp_path / "link-to-export")
    assert report.skipped == []
    assert Article.objects.get(slug="own").hero_image.name == "own.png"


def test_links_that_run_code_are_dropped_from_an_imported_body_and_its_text_kept(folder):
    body = "[Call us](JavaScript:alert(1)) or ![a chart](DATA:image/png;base64,AAAA) [ok](/a/)\n"
    write(folder, "links.md", front_of(folder) | {"slug": "links"}, body)
    output = import_folder(folder)
    assert Article.objects.get(slug="links").body == "Call us or a chart [ok](/a/)\n"
    assert "links.md: 2 link(s) or image(s) pointing at “JavaScript:alert(1)”" in output


def test_the_containment_check_refuses_a_path_climbing_out(folder):
    from articles.transfer.markdown.files import contained_image

    with pytest.raises(PortabilityError, match="is not in the images/ folder"):
        contained_image("images/../good.md", folder)
