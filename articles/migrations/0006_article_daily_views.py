import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_editorial_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleDailyViews",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(help_text="The day in the clinic's time zone.")),
                ("views", models.PositiveIntegerField(default=0)),
                ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="daily_views", to="articles.article")),
            ],
            options={
                "verbose_name": "daily article views",
                "verbose_name_plural": "daily article views",
                "ordering": ["-day", "article"],
                "constraints": [models.UniqueConstraint(fields=("article", "day"), name="article_views_one_row_per_day")],
            },
        ),
    ]
