"""The sitemap in every language: a page of articles reads its translation keys from the
covering index of live articles, and its translations' addresses from an index of their own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0035_seed_french_synonyms_and_narrower_terms"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_live_idx",
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=[
                    "id",
                    "status",
                    "publish_at",
                    "language",
                    "updated_at",
                    "slug",
                    "translation_key",
                ],
                name="article_live_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["translation_key", "language", "status", "publish_at", "slug"],
                name="article_family_idx",
            ),
        ),
    ]
