"""The reviewed bulk change after a new default disclaimer (articles.editorial.disclaimers)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from articles.editorial.disclaimers import articles_with_disclaimer
from articles.services import apply_default_disclaimer
from clinic.domain.sitewide import clinic_profile


class ApplyDisclaimerForm(forms.Form):
    articles = forms.TypedMultipleChoiceField(
        coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].choices = [(a.pk, a.title) for a in candidates]
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
        profile = clinic_profile()
        previous, new = profile.previous_default_disclaimer, profile.default_disclaimer
        candidates = articles_with_disclaimer(previous)
        form = ApplyDisclaimerForm(request.POST or None, candidates=candidates)
        if request.method == "POST" and form.is_valid():
            chosen = set(form.cleaned_data["articles"])
            changed = apply_default_disclaimer(
                articles=[a for a in candidates if a.pk in chosen],
                previous=previous,
                new=new,
                user=request.user,
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
            "previous": previous,
            "new": new,
        }
        return TemplateResponse(request, "admin/articles/apply_default_disclaimer.html", context)
