from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateformat import format as format_date

from articles.editorial.review import (
    DUE_SOON_DAYS,
    open_citation_notices,
    open_publishing_overrides,
    review_worklist,
)
from clinic.domain.roles import MARKETING
from clinic.seo.links import absolute_url


class Command(BaseCommand):
    help = (
        "List published articles never reviewed, overdue for review or due soon; optionally "
        "email it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DUE_SOON_DAYS, help="What counts as soon.")
        parser.add_argument(
            "--email", action="store_true", help="Also email the report to the Marketing group."
        )

    def handle(self, *, days, email, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        never, overdue, due_soon = review_worklist(soon_days=days)
        notices, overrides = open_citation_notices(), open_publishing_overrides()
        report = self.format_report(never, overdue, due_soon, days, notices, overrides)
        self.stdout.write(report)
        if email:
            self.send(report, bool(never or overdue or due_soon or notices or overrides))

    def format_report(self, never, overdue, due_soon, days, notices=(), overrides=()):
        lines = [f"Cited studies retracted, corrected or questioned: {len(notices)}"]
        lines += [self.notice_line(notice) for notice in notices]
        lines += ["", f"Published despite the content checks: {len(overrides)}"]
        lines += [
            f"  - {item.article.title} ({item.created_by or 'someone'}, "
            f"{format_date(item.created_at, 'j M Y')}): {item.reason} "
            f"{absolute_url(item.article.get_absolute_url())}"
            for item in overrides
        ]
        lines += ["", f"Published but never medically reviewed: {len(never)}"]
        lines += [
            f"  - {article.title} {absolute_url(article.get_absolute_url())}" for article in never
        ]
        lines += ["", f"Overdue for medical review: {len(overdue)}"]
        lines += [self.line(article, "overdue since") for article in overdue]
        lines += ["", f"Due within {days} days: {len(due_soon)}"]
        lines += [self.line(article, "due") for article in due_soon]
        return "\n".join(lines)

    def notice_line(self, notice):
        article = notice.study.article
        when = f", {notice.date_text}" if notice.date_text else ""
        link = f" (notice: {notice.link})" if notice.link else ""
        return (
            f"  - {article.title}: {notice.get_kind_display().lower()}{when} of "
            f"“{notice.study.title}”{link} {absolute_url(article.get_absolute_url())}"
        )

    def line(self, article, label):
        due = format_date(article.review_due_on, "j M Y")
        url = absolute_url(article.get_absolute_url())
        return f"  - {article.title} ({label} {due}) {url}"

    def send(self, report, has_items):
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=MARKETING, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not recipients:
            raise CommandError("Nobody in the Marketing group has an email address to send to.")
        subject = "Articles due for medical review" if has_items else "No articles due for review"
        send_mail(subject, report, None, recipients)
        self.stdout.write(f"Emailed the report to {len(recipients)} Marketing user(s).")
