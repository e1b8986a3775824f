"""The spelling vocabulary: kept by the task worker as articles are published, edited,
unpublished and deleted, rebuilt by a command, per language, and what suggestions read on
PostgreSQL instead of every live article's words."""

import random
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ArticleWords, SearchWord
from articles.search.suggestions import corrections
from articles.services import publish_article, save_article, unpublish_article
from tests.factories import ArticleFactory, StudyFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")
TASK = "articles.search.tasks.refresh_search_words"
FRENCH_DISCLAIMER = (
    "Ce résumé est offert à titre informatif et ne remplace pas un avis médical. Parlez à "
    "votre médecin. En cas d'urgence, composez le 911."
)


@pytest.fixture
def vocabulary_follows_each_write():
    """The real queue here: writes queue the task on commit, the worker runs it."""


@pytest.fixture
def committed(django_capture_on_commit_callbacks, run_tasks):
    """A block run as a write that commits, then the task worker."""

    @contextmanager
    def write():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_tasks()

    return write


def vocabulary(language="en"):
    return dict(SearchWord.objects.filter(language=language).values_list("word", "articles"))


def assert_matches_the_word_index(language="en"):
    """The counts are those of the database's own index of unstemmed words: PostgreSQL's
    ts_stat over the live articles' `search_words`; SQLite's FTS5 vocabulary, which holds
    every article, so only when every article is live and in `language`."""
    live = Article.objects.published(language=language)
    if connection.vendor == "postgresql":
        sql = connection.ops.compose_sql(*live.values("search_words").query.sql_with_params())
        with connection.cursor() as cursor:
            cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [sql])
            expected = dict(cursor.fetchall())
    elif live.count() == Article.objects.count():
        with connection.cursor() as cursor:
            cursor.execute("SELECT term, doc FROM articles_article_vocabulary")
            expected = dict(cursor.fetchall())
    else:
        return
    assert vocabulary(language) == expected


def test_publishing_counts_the_words_of_the_live_article(committed):
    with committed():
        draft = ArticleFactory(
            draft=True, title="Prazosin for trauma nightmares",
            summary="A trial of prazosin at bedtime: fewer nightmares in 8 weeks.",
            body="Veterans in Montréal and Núñez-Gutiérrez's clinic slept better (CAPS-5).",
        )  # fmt: skip
    assert vocabulary() == {} and not ArticleWords.objects.exists()
    with committed():
        publish_article(article=draft)
    words = vocabulary()
    assert words["prazosin"] == 1 and words["nightmares"] == 1 and words["montreal"] == 1
    assert {"nunez", "gutierrez", "caps", "5", "8"} <= set(words)
    assert ArticleWords.objects.get(article_id=draft.pk).word_set == set(words)
    assert_matches_the_word_index()


def test_an_edit_moves_only_the_words_it_gained_and_lost(committed):
    with committed():
        first = ArticleFactory(title="Melatonin and anxiety", summary="Sleep helped.")
        ArticleFactory(title="Anxiety at night", summary="Sleep helped.")
    before = vocabulary()
    anxiety = SearchWord.objects.get(language="en", word="anxiety")
    assert before["anxiety"] == 2 and before["melatonin"] == 1
    with committed():
        first.title = "Insomnia and anxiety"
        save_article(article=first)
    after = vocabulary()
    assert "melatonin" not in after and after["insomnia"] == 1
    assert {w: n for w, n in after.items() if w != "insomnia"} == {
        w: n for w, n in before.items() if w != "melatonin"
    }
    assert SearchWord.objects.get(language="en", word="anxiety").pk == anxiety.pk  # not rebuilt
    assert_matches_the_word_index()


def test_unpublishing_and_deleting_take_the_words_off(committed):
    with committed():
        kept = ArticleFactory(title="Ketamine infusions", summary="A small trial.")
        dropped = ArticleFactory(title="Ketamine and esketamine", summary="A review.")
    assert vocabulary()["ketamine"] == 2 and vocabulary()["esketamine"] == 1
    with committed():
        unpublish_article(article=dropped)
    assert vocabulary()["ketamine"] == 1 and "esketamine" not in vocabulary()
    assert not ArticleWords.objects.filter(article_id=dropped.pk).exists()
    assert_matches_the_word_index()
    with committed():
        kept.delete()
    assert "ketamine" not in vocabulary() and "infusions" not in vocabulary()
    assert not ArticleWords.objects.filter(article_id=kept.pk).exists()
    assert_matches_the_word_index()


def test_a_new_study_brings_its_words(committed):
    with committed():
        article = ArticleFactory(title="Talk therapy", summary="It helped.")
    assert "lancet" not in vocabulary()
    with committed():
        StudyFactory(article=article, journal="Lancet Psychiatry")
    assert vocabulary()["lancet"] == 1
    assert_matches_the_word_index()


def test_one_task_per_write_and_none_when_no_counted_field_changes(committed):
    queued = DBTaskResult.objects.filter(task_path=TASK)
    with committed():
        article = ArticleFactory(title="Sertraline for panic")
    assert queued.count() == 1
    assert queued.get().args_kwargs["kwargs"] == {"article_ids": [article.pk]}
    article = Article.objects.get(pk=article.pk)  # as the change form loads it
    with committed():
        article.hero_alt = "A calm waiting room"
        article.save()
    assert queued.count() == 1
    with committed():
        article.summary = "Sertraline eased panic attacks."
        save_article(article=article)
    assert queued.count() == 2 and vocabulary()["attacks"] == 1


def test_a_scheduled_article_is_counted_when_its_time_comes(committed, run_tasks):
    later = timezone.now() + timedelta(hours=2)
    with committed():
        article = ArticleFactory(title="Zuranolone soon", publish_at=later)
    assert "zuranolone" not in vocabulary()
    (waiting,) = DBTaskResult.objects.filter(task_path=TASK, status=TaskResultStatus.READY)
    assert waiting.run_after == later
    assert waiting.args_kwargs["kwargs"] == {"article_ids": [article.pk]}
    # Its time comes: no write at all, only the clock.
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now())
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    assert run_tasks() == 1
    assert vocabulary()["zuranolone"] == 1


def test_each_language_has_its_own_words(committed):
    with committed():
        english = ArticleFactory(title="Therapy for depression", summary="It helped.")
        ArticleFactory(
            title="Thérapie de la dépression", summary="Elle a aidé.", language="fr",
            translation_key=english.translation_key, disclaimer=FRENCH_DISCLAIMER,
        )  # fmt: skip
    english_words, french_words = vocabulary("en"), vocabulary("fr")
    assert "therapy" in english_words and "therapie" not in english_words
    assert {"therapie", "depression", "aide"} <= set(french_words)
    assert "therapy" not in french_words
    if connection.vendor == "postgresql":
        assert_matches_the_word_index("fr")


def test_the_command_rebuilds_what_bulk_loads_bypassed(committed):
    with committed():
        ArticleFactory(title="Counted by its save", summary="Psilocybin.")
    author = Article.objects.get().author
    Article.objects.bulk_create(
        Article(title=f"Bulk study {n}", slug=f"bulk-{n}", summary="Mindfulness helped.",
                body="Daily practice.", author=author, status="published",
                publish_at=timezone.now() - timedelta(hours=n + 1),
                disclaimer=Article.objects.get().disclaimer)
        for n in range(3)
    )  # fmt: skip
    assert "mindfulness" not in vocabulary()
    out = StringIO()
    call_command("rebuild_search_words", stdout=out)
    assert vocabulary()["mindfulness"] == 3 and vocabulary()["psilocybin"] == 1
    assert ArticleWords.objects.count() == 4
    assert f"in {Article.objects.count()} live articles" in out.getvalue()
    assert_matches_the_word_index()


def test_what_the_task_keeps_is_what_a_rebuild_counts(committed):
    with committed():
        articles = [
            ArticleFactory(title=f"Trial {n}: {word}", summary=f"{word.title()} and sleep.")
            for n, word in enumerate(["prazosin", "melatonin", "ketamine", "prazosin"])
        ]
    with committed():
        articles[0].summary = "Nightmares and sleep."
        save_article(article=articles[0])
        unpublish_article(article=articles[1])
        articles[2].delete()
    kept = vocabulary()
    call_command("rebuild_search_words", stdout=StringIO())
    assert vocabulary() == kept and kept["prazosin"] == 2 and "melatonin" not in kept


@postgresql_only
def test_suggestions_read_the_vocabulary_and_not_the_articles(committed):
    with committed():
        ArticleFactory(title="Psychotherapy for panic", summary="Talking helps.")
    with CaptureQueriesContext(connection) as captured:
        assert corrections(connection, ["psychoterapy"]) == {"psychoterapy": "psychotherapy"}
    statements = [query["sql"] for query in captured.captured_queries]
    assert statements and all("articles_searchword" in sql for sql in statements)
    assert not any("articles_article" in sql or "ts_stat" in sql for sql in statements)
    SearchWord.objects.filter(word="psychotherapy").delete()
    assert corrections(connection, ["psychoterapy"]) == {}


@postgresql_only
def test_the_near_neighbours_come_from_the_trigram_index():
    rng = random.Random(5)  # noqa: S311 - made-up words, not security
    letters = "abcdefghijklmnopqrstuvwxyz"
    SearchWord.objects.bulk_create(
        (SearchWord(language=language, word="".join(rng.choices(letters, k=rng.randint(4, 12))),
                    articles=1)
         for language, count in [("en", 15000), ("fr", 5000)] for _ in range(count)),
        batch_size=5000, ignore_conflicts=True,
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_searchword")  # as autovacuum would
        cursor.execute(
            "EXPLAIN SELECT word FROM articles_searchword WHERE language = 'en' "
            "AND word % 'psychoterapy'"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_word_trigram_gin" in plan


@postgresql_only
def test_french_readers_are_offered_french_words(committed):
    with committed():
        english = ArticleFactory(title="Therapy for depression", summary="It helped.")
        ArticleFactory(
            title="Thérapie de la dépression", summary="Elle a aidé.", language="fr",
            translation_key=english.translation_key, disclaimer=FRENCH_DISCLAIMER,
        )  # fmt: skip
    with translation.override("en"):
        assert corrections(connection, ["therapi"]) == {"therapi": "therapy"}
    with translation.override("fr"):
        assert corrections(connection, ["therapi"]) == {"therapi": "therapie"}
    assert corrections(connection, ["therapi"], language="fr") == {"therapi": "therapie"}
