from django.db import migrations


class Migration(migrations.Migration):
    """`dek` (newsroom jargon) is the article's summary, as the admin already called it.

    On PostgreSQL the generated `search_vector` column follows the renamed column by itself.
    """

    dependencies = [("articles", "0009_article_preview_key")]

    operations = [migrations.RenameField("article", "dek", "summary")]
