"""Translations in the article admin: the language fields, “Translate”, and the worklist.

An article's language and the original it translates are edited on its change page, with
links to its other languages and a “Translate into …” link for each one it lacks (which asks
before making the draft). A translation has no studies of its own: it shows its original's.
The translation worklist lists, per language, the published originals without a
translation and the translations whose original changed in substance since, with the
changes word by word and a “Mark up to date” button.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from articles.editorial.content_checks import content_warnings
from articles.models import default_language, language_codes
from articles.models.languages import language_name
from articles.translating import (
    NotTranslatable,
    mark_translation_up_to_date,
    original_changes,
    translate_article,
    translation_worklist,
)

from .translation_form import translation_form

MISSING_PER_PAGE = 50


class LanguageFilter(admin.SimpleListFilter):
    """The site's languages, from settings.LANGUAGES (no query to list them)."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code in language_codes()]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class TranslationAdminMixin:
    """What the article admin adds for articles in several languages."""

    translation_fields = ["language", "translation_of", "translations_of_article"]

    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("translations/", view(self.worklist_view), name="articles_article_translations"),
            path(
                "<path:object_id>/translate/<str:language>/",
                view(self.translate_view),
                name="articles_article_translate",
            ),
            path(
                "<path:object_id>/translation-changes/",
                view(self.translation_changes_view),
                name="articles_article_translation_changes",
            ),
            path(
                "<path:object_id>/translation-up-to-date/",
                view(require_POST(self.up_to_date_view)),
                name="articles_article_translation_up_to_date",
            ),
        ]
        return [*urls, *super().get_urls()]

    def get_fieldsets(self, request, obj=None):
        fields = self.translation_fields if obj is not None else self.translation_fields[:2]
        return [*super().get_fieldsets(request, obj), ("Language", {"fields": fields})]

    def get_readonly_fields(self, request, obj=None):
        extra = ["translations_of_article"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *extra]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = translation_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change, **kwargs)

    def get_inlines(self, request, obj):
        # A translation's studies are its original's, edited there.
        if obj is not None and not obj.is_original:
            return []
        return super().get_inlines(request, obj)

    def get_list_display(self, request):
        return [*super().get_list_display(request), "language"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), LanguageFilter]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_add_permission(request):
            return actions
        for code in language_codes():
            if code != default_language():
                name = f"translate_into_{code}"
                description = f"Start a translation into {language_name(code)} (a draft)"
                actions[name] = (_translate_action(code), name, description)
        return actions

    def show_content_warnings(self, request, article, formsets):
        if article.is_original:
            return super().show_content_warnings(request, article, formsets)
        for warning in content_warnings(article, list(article.shared_studies())):
            self.message_user(request, warning, messages.WARNING)

    @admin.display(description="In other languages")
    def translations_of_article(self, article):
        rows = []
        for code in language_codes():
            if code == article.language:
                continue
            other = article.translation_in(code)
            if other is not None:
                link = reverse("admin:articles_article_change", args=[other.pk])
                rows.append((language_name(code), link, other.title, other.get_status_display()))
            elif article.is_original:
                link = reverse("admin:articles_article_translate", args=[article.pk, code])
                rows.append((language_name(code), link, "Translate…", "not translated yet"))
        if not rows:
            return "—"
        studies = "" if article.is_original else " Its studies are the original's: edit them there."
        items = format_html_join("", "<li>{}: <a href='{}'>{}</a> ({})</li>", rows)
        return format_html("<ul class='translations'>{}</ul>{}", items, studies)

    def translate_view(self, request, object_id, language):
        if not self.has_add_permission(request):
            raise PermissionDenied
        original = self.get_object(request, unquote(object_id))
        if original is None or language not in language_codes():
            raise Http404("No such article or language.")
        if request.method == "POST":
            try:
                draft, created = translate_article(
                    original=original, language=language, user=request.user
                )
            except NotTranslatable as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return redirect("admin:articles_article_change", original.pk)
            if created:
                self.message_user(request, _started(draft), messages.SUCCESS)
            return redirect("admin:articles_article_change", draft.pk)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": f"Translate “{original}” into {language_name(language)}",
            "original": original, "language": language_name(language),
            "existing": original.translation_in(language),
        }  # fmt: skip
        return TemplateResponse(request, "admin/articles/article/translate.html", context)

    def worklist_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        others = [code for code in language_codes() if code != default_language()]
        if not others:
            raise Http404("The site has one language.")
        language = request.GET.get("language") or others[0]
        if language not in others:
            raise Http404("That is not one of the site's other languages.")
        worklist = translation_worklist(language)
        missing = Paginator(worklist.missing, MISSING_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": "Translation worklist", "worklist": worklist, "missing": missing,
            "language": language_name(language), "language_code": language,
            "languages": [(code, language_name(code)) for code in others],
            "may_add": self.has_add_permission(request),
        }  # fmt: skip
        return TemplateResponse(request, "admin/articles/article/translations.html", context)

    def translation_changes_view(self, request, object_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        translation, original = self._translation_and_original(request, object_id)
        base, current, fields, studies = original_changes(translation, original)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": f"What changed in “{original.title}” since “{translation}” was based on it",
            "translation": translation, "original": original, "base": base, "current": current,
            "fields": fields, "studies": studies,
        }  # fmt: skip
        return TemplateResponse(request, "admin/articles/article/translation_changes.html", context)

    def up_to_date_view(self, request, object_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        translation, original = self._translation_and_original(request, object_id)
        mark_translation_up_to_date(translation=translation, user=request.user)
        self.message_user(
            request,
            f"“{translation}” is marked up to date with “{original.title}” as it stands now.",
            messages.SUCCESS,
        )
        return redirect(
            reverse("admin:articles_article_translations") + f"?language={translation.language}"
        )

    def _translation_and_original(self, request, object_id):
        translation = self.get_object(request, unquote(object_id))
        original = translation.original() if translation is not None else None
        if original is None or original.pk == translation.pk:
            raise Http404("That article is not a translation of another.")
        return translation, original


def _started(draft):
    return (
        f"A {draft.language_name} draft of “{draft}” is ready: rewrite its title, address, "
        "summary, body, disclaimer and image text in that language, then publish it."
    )


def _translate_action(language):
    def translate_selected(modeladmin, request, queryset):
        made = 0
        for original in queryset.filter(language=default_language()):
            _, created = translate_article(original=original, language=language, user=request.user)
            made += created
        skipped = queryset.exclude(language=default_language()).count()
        note = f" {skipped} selected article(s) are translations themselves." if skipped else ""
        modeladmin.message_user(
            request,
            f"Started {made} {language_name(language)} draft(s); articles already translated "
            f"kept their translation.{note}",
            messages.SUCCESS,
        )

    return translate_selected
