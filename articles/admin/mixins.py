"""What the article admin adds to saving and listing: content warnings and view counts."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList

from articles.editorial.content_checks import content_warnings
from articles.models import Study
from articles.views.view_counts import PERIODS, with_view_totals


class ContentChecksMixin:
    """After a save, a warning for each thing worth a second look (what stops publishing is
    refused by the form before anything is saved: articles.editorial.gates)."""

    def show_content_warnings(self, request, article, formsets):
        studies = [
            form.instance
            for formset in formsets
            if formset.model is Study
            for form in formset.forms
            if form.instance.pk
        ]
        for warning in content_warnings(article, studies):
            self.message_user(request, warning, messages.WARNING)


class ArticleChangeList(ChangeList):
    # The list shows none of the long texts: a page of articles need not read them.
    deferred = ("body", "body_html", "search_document", "disclaimer")

    def get_queryset(self, request, exclude_parameters=None):
        # Added to the root queryset, before ordering, so the columns can be sorted on.
        if PERIODS.keys() - self.root_queryset.query.annotations.keys():
            self.root_queryset = with_view_totals(self.root_queryset).defer(*self.deferred)
        return super().get_queryset(request, exclude_parameters)


class ViewCountsMixin:
    """Views in the last 7 and 30 days and in all, as list columns and on the change page."""

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_list_display(self, request):
        return [*super().get_list_display(request), *PERIODS]

    def get_readonly_fields(self, request, obj=None):
        extra = ["view_counts"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *extra]

    def get_fieldsets(self, request, obj=None):
        extra = [("Readers", {"fields": ["view_counts"]})] if obj is not None else []
        return [*super().get_fieldsets(request, obj), *extra]

    @admin.display(description="Views 7 d", ordering="views_7_days")
    def views_7_days(self, article):
        return article.views_7_days

    @admin.display(description="Views 30 d", ordering="views_30_days")
    def views_30_days(self, article):
        return article.views_30_days

    @admin.display(description="Views, all", ordering="views_all_time")
    def views_all_time(self, article):
        return article.views_all_time

    @admin.display(description="Views")
    def view_counts(self, article):
        articles = with_view_totals(type(article).objects.filter(pk=article.pk))
        totals = articles.values(*PERIODS).get()
        return (
            f"{totals['views_7_days']} in the last 7 days, {totals['views_30_days']} in the "
            f"last 30 days, {totals['views_all_time']} in all. Counted without cookies; bots, "
            "link previews and signed-in staff are left out."
        )
