"""The library's spelling vocabulary: every word its live articles use, per language.

"Did you mean …?" compares a reader's unknown word with these words
(`articles.search.suggestions`) instead of reading the words of every live article at each
search. `SearchWord` holds each distinct word once per language with the number of live
articles that use it; `ArticleWords` keeps the words each live article was counted with, so a
change is counted as the words it gained and lost (`articles.search.vocabulary`).

PostgreSQL finds a word's near neighbours through a trigram index (pg_trgm, `gin_trgm_ops`);
other databases have no such operator class, so the index is not made there (as the search
vector's GIN index is not).
"""

from django.db import models

from .search_columns import PostgreSQLGinIndex


class SearchWord(models.Model):
    """One word the live articles of a language use, and how many of them use it."""

    language = models.CharField(max_length=15)
    word = models.TextField()  # a lexeme may be long: a web address, say
    articles = models.PositiveIntegerField(help_text="How many live articles use the word.")

    class Meta:
        ordering = ["language", "word"]
        constraints = [
            # Also the index of exact look-ups ("is this word known?") and of prefix ranges.
            models.UniqueConstraint(fields=["language", "word"], name="search_word_unique"),
        ]
        indexes = [
            # Written straight into the index, not a pending list that every look-up would
            # read too: the table is read at each search and written only by the task worker.
            PostgreSQLGinIndex(
                fields=["word"],
                opclasses=["gin_trgm_ops"],
                fastupdate=False,
                name="search_word_trigram_gin",
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.word} ({self.language}, {self.articles})"


class ArticleWords(models.Model):
    """The words one live article was last counted with in `SearchWord`.

    Kept by article id, not by a foreign key: when an article is deleted, its row stays until
    its words are taken off the counts.
    """

    article_id = models.BigIntegerField(primary_key=True)
    language = models.CharField(max_length=15)
    words = models.TextField(help_text="Its distinct words, sorted, one a line.")

    class Meta:
        ordering = ["article_id"]
        verbose_name_plural = "article words"

    def __str__(self):
        return f"Words of article {self.article_id} ({self.language})"

    @property
    def word_set(self):
        return set(self.words.split("\n")) if self.words else set()
