from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, ImportedPost, Topic
from articles.transfer.apply import ImportOptions, import_wxr
from clinic.domain.models import DEFAULT_DISCLAIMER, ClinicProfile, Person, Redirect
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
WORDPRESS = FIXTURES / "wordpress.xml"
SQUARESPACE = FIXTURES / "squarespace.xml"


def run_import(*args):
    out = StringIO()
    call_command("import_wxr", *map(str, args), stdout=out)
    return out.getvalue()


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wordpress_posts_become_articles_with_their_authors_topics_and_dates():
    output = run_import(WORDPRESS)
    article = Article.objects.get(slug="ketamine-ptsd-review")
    assert article.title == "Ketamine-assisted therapy for PTSD: what a new review found"
    assert (
        article.summary
        == "Four small studies suggest ketamine with therapy may ease PTSD symptoms."
    )
    assert article.publish_at == datetime(2023, 5, 11, 13, 30, tzinfo=UTC)
    assert article.author.name == "Dr Ana Ruiz"
    assert sorted(article.topics.values_list("name", flat=True)) == ["Ketamine", "PTSD"]
    assert article.status == Article.Status.DRAFT  # for review before it goes live
    assert not Article.objects.published().exists()
    assert Article.objects.count() == 5  # the untitled post too, titled from its words
    assert "5 created, 0 updated, 0 unchanged" in output
    assert "4 post(s) published on the old site were imported as drafts" in output


def test_asked_to_publish_what_was_published_drafts_stay_drafts_and_the_rest_go_live():
    output = run_import(WORDPRESS, "--publish-published")
    other = run_import(SQUARESPACE, "--publish-published")
    assert "Published, as they were on the old site (the publishing checks apply) (3):" in output
    draft = Article.objects.get(title="Sleep and anxiety (draft)")
    assert draft.status == Article.Status.DRAFT
    assert draft.slug == "sleep-and-anxiety-draft"  # no post_name: made from the title
    assert Article.objects.get(slug="grounding-exercises-for-panic").status == "draft"
    assert set(Article.objects.published().values_list("slug", flat=True)) == {
        "160-2",
        "ketamine-ptsd-review",
        "ketamine-ptsd-review-2",
    }
    # Published on their old sites, kept as drafts by the checks, each with its reason.
    assert "Exercise and depression: moving helps: The medical disclaimer does not say" in output
    assert "What is EMDR & how does it work?: Reading level: grade 10.3" in other


def test_a_draft_without_a_gmt_date_takes_its_local_date():
    run_import(WORDPRESS)
    draft = Article.objects.get(title="Sleep and anxiety (draft)")
    assert draft.publish_at.date().isoformat() == "2024-01-15"


def test_pages_are_skipped_with_a_reason_unless_asked_for():
    output = run_import(WORDPRESS)
    assert "“About the clinic”: it is a page" in output
    assert not Article.objects.filter(slug="about").exists()
    run_import(WORDPRESS, "--pages")
    assert Article.objects.filter(slug="about").exists()


def test_trash_and_attachments_are_not_imported_and_say_why_untitled_posts_are_titled():
    output = run_import(WORDPRESS)
    assert "“Old announcement”: it is in the trash" in output
    assert "Untitled posts, titled from their first words (1):" in output
    untitled = Article.objects.get(slug="160-2")
    assert untitled.title == "A post whose title was never filled in."
    assert "1 × attachment" in output
    assert not Article.objects.filter(title="Old announcement").exists()


def test_dry_run_writes_nothing_and_reports_what_would_happen():
    output = run_import(WORDPRESS, "--dry-run")
    assert "Dry run: nothing was written." in output
    assert "5 would be created" in output
    assert "Ketamine and PTSD: questions from readers → /articles/ketamine-ptsd-review-2/" in output
    assert not Article.objects.exists()
    assert not Person.objects.exists()
    assert not Topic.objects.exists()
    assert not Redirect.objects.exists()
    assert not ImportedPost.objects.exists()
    assert not ClinicProfile.objects.exists()


def test_running_again_updates_instead_of_duplicating(tmp_path):
    run_import(WORDPRESS)
    run_import(SQUARESPACE)
    counts = (Article.objects.count(), Person.objects.count(), Topic.objects.count())
    again = run_import(WORDPRESS)
    assert "0 created, 0 updated, 5 unchanged" in again
    assert "0 created, 0 updated, 2 unchanged" in run_import(SQUARESPACE)
    assert (Article.objects.count(), Person.objects.count(), Topic.objects.count()) == counts

    changed = WORDPRESS.read_text().replace("Exercise and depression: moving helps", "Move more")
    output = run_import(write(tmp_path, changed))
    assert "0 created, 1 updated, 4 unchanged" in output
    article = Article.objects.get(slug="exercise-and-depression")
    assert article.title == "Move more"
    assert Article.objects.count() == counts[0]


def test_a_rerun_never_changes_the_publish_state_editors_gave_an_article(tmp_path):
    from clinic.domain.models import ClinicProfile

    profile = ClinicProfile.load()
    profile.max_reading_grade = 12  # the post reads at grade 10.3
    profile.save()
    run_import(SQUARESPACE, "--publish-published")
    assert Article.objects.get(slug="what-is-emdr").status == Article.Status.PUBLISHED
    changed = SQUARESPACE.read_text().replace(
        "<wp:status>publish</wp:status>", "<wp:status>draft</wp:status>", 1
    )
    run_import(write(tmp_path, changed))
    assert Article.objects.get(slug="what-is-emdr").status == Article.Status.PUBLISHED


def test_a_rerun_leaves_articles_edited_here_since_the_import_alone(tmp_path):
    from articles.services import unpublish_article

    run_import(SQUARESPACE, "--publish-published")
    article = Article.objects.get(slug="what-is-emdr")
    article.body = "Rewritten by our clinician."
    article.save()
    unpublish_article(article=article)
    changed = SQUARESPACE.read_text().replace("EMDR", "Eye movement therapy")
    output = run_import(write(tmp_path, changed))
    article.refresh_from_db()
    assert article.body == "Rewritten by our clinician." and article.status == "draft"
    assert "was edited on this site since it was imported" in output


def test_published_posts_come_in_as_drafts_when_review_is_required(tmp_path):
    from clinic.domain.models import ClinicProfile

    profile = ClinicProfile.load()
    profile.require_review_before_publishing = True
    profile.save()
    output = run_import(SQUARESPACE, "--publish-published")
    assert not Article.objects.filter(status=Article.Status.PUBLISHED).exists()
    assert "Kept as drafts by the publishing checks (1):" in output
    assert "What is EMDR & how does it work?: This clinic requires a medical review" in output


def test_old_addresses_redirect_permanently_to_the_new_articles(client):
    run_import(WORDPRESS, "--publish-published")
    response = client.get("/2023/05/ketamine-ptsd-review/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/ketamine-ptsd-review/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/2023/11/ketamine-ptsd-review-2/")["Location"] == (
        "/articles/ketamine-ptsd-review-2/"
    )


def test_a_plain_permalink_records_no_redirect_for_the_site_root():
    run_import(WORDPRESS)
    assert not Redirect.objects.filter(old_path="/").exists()


def test_squarespace_export_without_ids_or_guids_imports_and_is_keyed_on_the_address(client):
    run_import(SQUARESPACE)
    article = Article.objects.get(slug="what-is-emdr")  # ".html" dropped from the slug
    assert article.title == "What is EMDR & how does it work?"
    assert article.author.name == "Dana Whitfield"  # dc:creator is the author's email
    assert sorted(article.topics.values_list("slug", flat=True)) == ["emdr", "trauma"]
    assert article.publish_at == datetime(2023, 5, 4, 14, 30, tzinfo=UTC)
    assert (
        ImportedPost.objects.get(article=article).import_key == "link:/blog/2023/5/4/what-is-emdr"
    )
    assert "sqs-block" not in article.body and "<div" not in article.body
    assert article.body.count("![A calm therapy room with two chairs](https://images") == 1
    assert "### What happens in a session" in article.body
    assert client.get("/blog/2023/5/4/what-is-emdr")["Location"] == "/articles/what-is-emdr/"


def test_html_becomes_clean_markdown_and_still_passes_the_sanitiser():
    run_import(WORDPRESS)
    article = Article.objects.get(slug="ketamine-ptsd-review")
    assert article.body.startswith("A review of four small studies")
    assert "\n\nPeople's symptoms went down" in article.body  # blank-line paragraphs kept
    assert "## Why it matters" in article.body
    assert "-   The studies were small, so **more research** is needed." in article.body
    assert "[caption" not in article.body and "alert" not in article.body
    assert "<script" not in article.body_html and "onclick" not in article.body_html
    assert '<a href="https://doi.org/10.4088/JCP.22r14614" rel="noopener noreferrer">' in (
        article.body_html
    )


def test_each_article_gets_the_clinics_default_disclaimer_unless_the_post_has_one():
    profile = ClinicProfile.load()
    profile.default_disclaimer = "Education only. Not medical advice."
    profile.save()
    run_import(WORDPRESS)
    assert Article.objects.get(slug="ketamine-ptsd-review").disclaimer == profile.default_disclaimer
    own = Article.objects.get(slug="exercise-and-depression")
    assert own.disclaimer == (
        "This post is for educational purposes only and is not medical advice. Talk to your "
        "own clinician before changing your care."
    )
    assert "educational purposes" not in own.body  # shown once, in the disclaimer box
    assert not Article.objects.filter(disclaimer="").exists()


def test_without_a_clinic_profile_the_built_in_disclaimer_is_used():
    run_import(SQUARESPACE)
    assert Article.objects.get(slug="what-is-emdr").disclaimer == DEFAULT_DISCLAIMER


def test_a_slug_taken_by_another_article_gets_a_suffix_and_a_warning():
    existing = ArticleFactory(slug="exercise-and-depression", title="Our own article")
    output = run_import(WORDPRESS)
    imported = Article.objects.get(title="Exercise and depression: moving helps")
    assert imported.slug == "exercise-and-depression-2"
    assert "another article already has the address “exercise-and-depression”" in output
    existing.refresh_from_db()
    assert existing.title == "Our own article"


def test_two_posts_with_the_same_slug_in_the_export_both_come_across():
    output = run_import(WORDPRESS)
    assert Article.objects.get(slug="ketamine-ptsd-review-2").title == (
        "Ketamine and PTSD: questions from readers"
    )
    assert "so this one is “ketamine-ptsd-review-2”" in output


def test_existing_people_are_matched_by_name_and_new_ones_created_inactive():
    ana = PersonFactory(name="Dr Ana Ruiz", slug="ana-ruiz")
    output = run_import(WORDPRESS)
    assert Article.objects.get(slug="ketamine-ptsd-review").author == ana
    maya = Person.objects.get(name="Maya Khan")
    assert not maya.is_active
    assert Person.objects.count() == 3  # and the clinic's team, for the post with no author
    assert "Created people (inactive until you review them) (2):" in output


def test_existing_topics_are_matched_by_slug_or_name():
    ptsd = Topic.objects.create(name="Post-traumatic stress", slug="ptsd")
    ketamine = Topic.objects.create(name="ketamine", slug="ketamine-therapy")
    run_import(WORDPRESS)
    assert set(Article.objects.get(slug="ketamine-ptsd-review").topics.all()) == {ptsd, ketamine}


def test_pictures_are_copied_in_the_background_unless_turned_off():
    output = run_import(SQUARESPACE)
    assert "1 picture(s) are being copied to this site in the background" in output
    output = run_import(SQUARESPACE, "--leave-images", "--dry-run")
    assert "emdr-room.jpg: copying pictures was turned off" in output
    assert "--" not in output.replace("---", "")  # the report names no command-line option


def test_a_run_can_stop_after_a_limit_and_continue_where_it_stopped():
    first = import_wxr(WORDPRESS, ImportOptions(limit=2))
    assert first.next_start == 2 and first.total == 7
    assert Article.objects.count() == 2
    second = import_wxr(WORDPRESS, ImportOptions(start=first.next_start))
    assert second.is_complete
    assert Article.objects.count() == 5  # the untitled post too, titled from its words


def test_a_password_protected_post_comes_across_as_a_draft(tmp_path):
    protected = WORDPRESS.read_text().replace(
        "<wp:post_password><![CDATA[]]>", "<wp:post_password><![CDATA[secret]]>"
    )
    output = run_import(write(tmp_path, protected))
    assert Article.objects.get(slug="ketamine-ptsd-review").status == Article.Status.DRAFT
    assert "it was password-protected, so it comes across as a draft" in output
