"""Articles in several languages: each row has a language and a translation key it shares
with its translations; addresses are unique within a language; the public indexes lead with
the language, as every public list reads one language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import articles.models.languages


def give_each_article_its_own_key(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    rows = list(Article.objects.only("id").order_by("id"))
    for row in rows:
        row.translation_key = uuid.uuid4()
    Article.objects.bulk_update(rows, ["translation_key"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0028_indexes_for_a_large_library"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_public_idx"),
        migrations.RemoveIndex(model_name="article", name="article_updated_idx"),
        migrations.RemoveIndex(model_name="article", name="article_live_idx"),
        migrations.RemoveIndex(model_name="article", name="article_author_idx"),
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                default=articles.models.languages.default_language,
                help_text="The language the article is written in. Readers of that language "
                "see it; the others see its translations.",
                max_length=15,
                validators=[articles.models.languages.validate_language],
                verbose_name="language",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="source_synced_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the translation was last based on the original.",
                null=True,
                verbose_name="up to date with the original as of",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="source_version",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="reversion.version",
                verbose_name="based on the original's revision",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_article_its_own_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="translation_key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Shared by an article and its translations.",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="slug",
            field=models.SlugField(
                help_text="The last part of the page's address, as in /articles/this-part/: "
                "lower-case words joined by hyphens, in the article's language (unique within "
                "it). If you change it once the article is public, the old address sends "
                "readers to the new one.",
                db_index=False,
                max_length=200,
                verbose_name="address",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "language", "publish_at", "id"], name="article_public_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "updated_at"], name="article_updated_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["id", "status", "publish_at", "language", "updated_at", "slug"],
                name="article_live_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["author", "language", "status", "publish_at", "id"],
                name="article_author_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("slug", "language"),
                name="article_slug_unique_per_language",
                violation_error_message="Another article in this language has this address.",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "language"),
                name="article_one_translation_per_language",
                violation_error_message="This article already has a translation in this "
                "language.",
            ),
        ),
    ]
