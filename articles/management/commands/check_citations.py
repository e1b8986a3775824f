from django.core.management.base import BaseCommand, CommandError

from articles.citations.tasks import check_citations_task
from articles.citations.watch import check_citations
from clinic.seo.links import absolute_url


class Command(BaseCommand):
    help = (
        "Look up every cited DOI and PubMed ID in Crossref and PubMed. A new retraction, "
        "correction or expression of concern puts its article at the top of the medical "
        "review list and shows readers a dated notice above the study. Run nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the check for the task worker (retried if a service does not answer) "
            "instead of running it here.",
        )
        parser.add_argument(
            "--cached",
            action="store_true",
            help="Use answers cached in the last day instead of asking the services again.",
        )

    def handle(self, *, cached, background, **options):
        if background:
            result = check_citations_task.enqueue()
            self.stdout.write(f"Queued the citation check for the task worker ({result.id}).")
            return
        report = check_citations(fresh=not cached)
        self.stdout.write(
            f"Checked {report.identifiers_checked} identifier(s) cited by "
            f"{report.studies_checked} study record(s)."
        )
        if not report.new_notices:
            self.stdout.write("No new retractions, corrections or expressions of concern.")
        for notice in report.new_notices:
            self.stdout.write(self.describe(notice))
        if report.problems:
            for problem in report.problems:
                self.stderr.write(f"Not checked: {problem}")
            raise CommandError(
                f"{len(report.problems)} look-up(s) failed; they are tried again on the next run."
            )

    def describe(self, notice):
        article = notice.study.article
        when = f" ({notice.date_text})" if notice.date_text else ""
        link = f" {notice.link}" if notice.link else ""
        return (
            f"New {notice.get_kind_display().lower()}{when}{link}: “{notice.study.title}”, "
            f"cited by “{article.title}” {absolute_url(article.get_absolute_url())}"
        )
