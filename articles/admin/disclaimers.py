"""The reviewed bulk change after a new default disclaimer (articles.editorial.disclaimers)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from modeltranslation.utils import build_localized_fieldname

from articles.editorial.disclaimers import articles_with_disclaimer
from articles.models import language_codes
from articles.models.languages import language_name
from articles.services import apply_default_disclaimer
from clinic.domain.sitewide import clinic_profile


class ApplyDisclaimerForm(forms.Form):
    articles = forms.TypedMultipleChoiceField(
        coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].choices = [
            (a.pk, f"{a.title} ({language_name(a.language)})") for a in candidates
        ]
        self.fields["articles"].initial = [a.pk for a in candidates]


class DefaultDisclaimerAdminMixin:
    """/admin/articles/article/apply-default-disclaimer/: superusers only."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.apply_default_disclaimer_view)
        return [
            path(
                "apply-default-disclaimer/",
                view,
                name="articles_article_apply_default_disclaimer",
            ),
            *super().get_urls(),
        ]

    def apply_default_disclaimer_view(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied
        changes = default_changes(clinic_profile())
        candidates = [article for change in changes for article in change["candidates"]]
        form = ApplyDisclaimerForm(request.POST or None, candidates=candidates)
        if request.method == "POST" and form.is_valid():
            chosen = set(form.cleaned_data["articles"])
            changed = sum(
                apply_default_disclaimer(
                    articles=[a for a in change["candidates"] if a.pk in chosen],
                    previous=change["previous"],
                    new=change["new"],
                    user=request.user,
                )
                for change in changes
            )
            self.message_user(
                request,
                f"{changed} article(s) now carry the new default disclaimer; "
                "each change is in its history. Articles with their own wording were left "
                "as they were.",
                messages.SUCCESS,
            )
            return redirect("admin:articles_article_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Apply the new default disclaimer",
            "form": form,
            "candidates": candidates,
            "changes": changes,
        }
        return TemplateResponse(request, "admin/articles/apply_default_disclaimer.html", context)


def default_changes(profile):
    """For each language whose default disclaimer was replaced: the previous and new wording,
    and that language's articles still carrying the previous one (a French article keeps to
    the French default)."""
    changes = []
    for code in language_codes():
        # Each language's own columns: an empty one does not stand for the English.
        previous = getattr(profile, build_localized_fieldname("previous_default_disclaimer", code))
        new = getattr(profile, build_localized_fieldname("default_disclaimer", code))
        if not (previous or "").strip():
            continue
        candidates = [a for a in articles_with_disclaimer(previous) if a.language == code]
        changes.append({"language": language_name(code), "previous": previous, "new": new,
                        "candidates": candidates})  # fmt: skip
    return changes
