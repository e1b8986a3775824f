"""The spelling vocabulary: the words of the live articles per language, with how many use each
(`SearchWord`), and the words each live article was counted with (`ArticleWords`), filled here
from the articles already there. PostgreSQL reads each article's words from its `search_words`
column; SQLite from its text, as FTS5's unicode61 tokeniser reads it. The SQL and the tokeniser
are frozen copies of articles.search.vocabulary.
"""

import re
import unicodedata
from collections import Counter

import articles.models.search_columns
from django.db import migrations, models

LIVE = "status = 'published' AND publish_at <= now()"
POSTGRESQL = [
    "INSERT INTO articles_articlewords (article_id, language, words) SELECT id, language, "
    "coalesce(array_to_string(tsvector_to_array(search_words), E'\\n'), '') "
    f"FROM articles_article WHERE {LIVE}",
    "INSERT INTO articles_searchword (language, word, articles) "
    "SELECT language, word, count(*) FROM articles_articlewords, "
    "unnest(string_to_array(words, E'\\n')) AS word WHERE word <> '' GROUP BY language, word",
]
TOKEN = re.compile(r"[^\W_]+")


def text_words(*texts):
    found = set()
    for text in texts:
        for token in TOKEN.findall(unicodedata.normalize("NFC", text or "")):
            decomposed = unicodedata.normalize("NFD", token.lower())
            found.add("".join(c for c in decomposed if not unicodedata.combining(c)))
    return found


def count_the_library(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL:
            schema_editor.execute(statement)
        return
    from django.utils import timezone

    Article = apps.get_model("articles", "Article")
    ArticleWords = apps.get_model("articles", "ArticleWords")
    SearchWord = apps.get_model("articles", "SearchWord")
    live = Article.objects.filter(status="published", publish_at__lte=timezone.now())
    totals, records = Counter(), []
    rows = live.values_list("pk", "language", "title", "summary", "body", "search_document")
    for pk, language, *texts in rows.iterator(chunk_size=1000):
        words = text_words(*texts)
        totals.update((language, word) for word in words)
        records.append(ArticleWords(article_id=pk, language=language, words="\n".join(sorted(words))))
    ArticleWords.objects.bulk_create(records, batch_size=1000)
    SearchWord.objects.bulk_create(
        (SearchWord(language=language, word=word, articles=n)
         for (language, word), n in totals.items()), batch_size=1000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0031_topics_and_glossary_in_french'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleWords',
            fields=[
                ('article_id', models.BigIntegerField(primary_key=True, serialize=False)),
                ('language', models.CharField(max_length=15)),
                ('words', models.TextField(help_text='Its distinct words, sorted, one a line.')),
            ],
            options={
                'verbose_name_plural': 'article words',
                'ordering': ['article_id'],
            },
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=15)),
                ('word', models.TextField()),
                ('articles', models.PositiveIntegerField(help_text='How many live articles use the word.')),
            ],
            options={
                'ordering': ['language', 'word'],
                'indexes': [articles.models.search_columns.PostgreSQLGinIndex(fastupdate=False, fields=['word'], name='search_word_trigram_gin', opclasses=['gin_trgm_ops'])],
                'constraints': [models.UniqueConstraint(fields=('language', 'word'), name='search_word_unique')],
            },
        ),
        migrations.RunPython(count_the_library, migrations.RunPython.noop),
    ]
