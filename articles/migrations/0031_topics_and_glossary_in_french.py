"""Topics and glossary terms get a column per language for their wording (articles.translation),
the English columns starting with what the single columns held; search synonyms and narrower
terms get a language, English for those there are.
"""

import clinic.domain.languages
import django.db.models.functions.text
from django.db import migrations, models



WORDING = {
    "Topic": ["name", "slug", "description"],
    "GlossaryTerm": ["term", "also_known_as", "definition"],
}


def english_from_the_single_columns(apps, schema_editor):
    for model_name, fields in WORDING.items():
        model = apps.get_model("articles", model_name)
        model.objects.update(**{f"{name}_en": models.F(name) for name in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0030_admin_for_a_large_library'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='narrowerterm',
            name='narrowerterm_term_unique',
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='also_known_as_en',
            field=models.CharField(blank=True, default='', help_text='Other names and spellings, separated by commas: “RCT, randomized controlled trial”. Each is explained in articles too.', max_length=300, verbose_name='also known as'),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='also_known_as_fr',
            field=models.CharField(blank=True, default='', help_text='Other names and spellings, separated by commas: “RCT, randomized controlled trial”. Each is explained in articles too.', max_length=300, verbose_name='also known as'),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='definition_en',
            field=models.TextField(default='', help_text='One or two short sentences a patient can follow, without jargon.', max_length=400),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='definition_fr',
            field=models.TextField(default='', help_text='One or two short sentences a patient can follow, without jargon.', max_length=400),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='term_en',
            field=models.CharField(help_text='As readers meet it, for example “Meta-analysis” or “CAPS-5”.', max_length=80, null=True),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='term_fr',
            field=models.CharField(help_text='As readers meet it, for example “Meta-analysis” or “CAPS-5”.', max_length=80, null=True),
        ),
        migrations.AddField(
            model_name='narrowerterm',
            name='language',
            field=models.CharField(choices=clinic.domain.languages.site_languages, default='en', help_text='The language of searches it applies to. French words go in rows of their own.', max_length=8),
        ),
        migrations.AddField(
            model_name='synonymgroup',
            name='language',
            field=models.CharField(choices=clinic.domain.languages.site_languages, default='en', help_text='The language of searches it applies to. French words go in rows of their own: a French list is not a translation of the English one.', max_length=8),
        ),
        migrations.AddField(
            model_name='topic',
            name='description_en',
            field=models.TextField(blank=True, default='', help_text="One or two sentences shown at the top of the topic's page."),
        ),
        migrations.AddField(
            model_name='topic',
            name='description_fr',
            field=models.TextField(blank=True, default='', help_text="One or two sentences shown at the top of the topic's page."),
        ),
        migrations.AddField(
            model_name='topic',
            name='name_en',
            field=models.CharField(max_length=80, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='topic',
            name='name_fr',
            field=models.CharField(max_length=80, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='topic',
            name='slug_en',
            field=models.SlugField(max_length=80, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='topic',
            name='slug_fr',
            field=models.SlugField(max_length=80, null=True, unique=True),
        ),
        migrations.RunPython(english_from_the_single_columns, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='glossaryterm',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('term_fr'), name='glossary_term_fr_unique_ci'),
        ),
        migrations.AddConstraint(
            model_name='narrowerterm',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('term'), models.F('language'), name='narrowerterm_term_unique_per_language', violation_error_message='This term is already listed: add to its row instead.'),
        ),
    ]
