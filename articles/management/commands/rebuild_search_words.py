import time

from django.core.management.base import BaseCommand

from articles.search.vocabulary import rebuild_search_words


class Command(BaseCommand):
    help = (
        "Count the words of every live article afresh for the spelling suggestions (“Did you "
        "mean …?”). Saves keep the counts current by themselves; run this after a bulk load "
        "that bypassed them (SQL, loaddata) or if the task worker was not running."
    )

    def handle(self, **options):
        start = time.perf_counter()
        articles, words = rebuild_search_words()
        self.stdout.write(
            f"Counted {words} distinct words in {articles} live articles "
            f"in {time.perf_counter() - start:.1f} s."
        )
