"""The study form inside the article admin, with “Fill from identifier”.

Without JavaScript the button submits the article form: `StudyFillMixin` looks the study up,
puts what it found into the posted data and shows the form again, unsaved, with a message
listing what was filled; the editor checks it and saves. With JavaScript (static/js/
study-fill.js) the same button asks `study_lookup_view` for JSON and fills the fields in place.
Either way nothing typed is lost when a service cannot be reached.
"""

import re

from django import forms
from django.contrib import admin, messages
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html

from articles.citations.client import CitationServiceError, RecordNotFound
from articles.citations.fill import (
    FILLED_FIELDS,
    describe_fill,
    design_sentence,
    field_label,
    study_values,
)
from articles.citations.identifiers import InvalidIdentifier
from articles.citations.lookup import look_up
from articles.editorial.evidence import read_evidence
from articles.models import Study
from clinic.domain.admin import FORMFIELD_OVERRIDES

FILL_BUTTON = "_fill_study"
STUDY_PREFIX = re.compile(r"studies-\d{1,4}")
NOTHING_LOST = "Nothing you typed was changed: fill in the study by hand, or try again later."


class IdentifierWidget(forms.TextInput):
    """A text input followed by the “Fill from identifier” button and a status line."""

    def __init__(self):
        super().__init__(attrs={"class": "vTextField study-lookup__input", "spellcheck": "false",
                                "autocomplete": "off"})  # fmt: skip

    def render(self, name, value, attrs=None, renderer=None):
        prefix = name.removesuffix("-lookup")
        return format_html(
            '<span class="study-lookup">{}<button type="submit" name="{}" value="{}" '
            'class="button study-lookup__button" data-lookup-url="{}">Fill from identifier'
            '</button></span><span class="study-lookup__status" role="status" id="{}-status">'
            "</span>",
            super().render(name, value, attrs, renderer),
            FILL_BUTTON,
            prefix,
            reverse("admin:articles_article_study_lookup"),
            name,
        )


class StudyInlineForm(forms.ModelForm):
    lookup = forms.CharField(
        label="DOI or PubMed ID",
        required=False,
        max_length=500,
        widget=IdentifierWidget(),
        help_text="Paste a DOI, a PubMed ID, or a doi.org or PubMed link, then “Fill from "
        "identifier”: the fields below are filled from Crossref and PubMed for you to check. "
        "Nothing is saved until you save the article.",
    )

    class Meta:
        model = Study
        # What a look-up fills; the inline's fieldsets add the rest.
        fields = FILLED_FIELDS


class StudyInline(admin.StackedInline):
    model = Study
    form = StudyInlineForm
    formfield_overrides = FORMFIELD_OVERRIDES
    extra = 1  # a blank study to fill, also without JavaScript
    min_num = 0

    def get_extra(self, request, obj=None, **kwargs):
        # No blank study under those an article has (“Add another study” adds one): a blank
        # form is much of the change form's rendering time.
        return 0 if obj is not None and obj.pk and obj.studies.exists() else self.extra

    fieldsets = [
        (None, {"fields": ["lookup", "title", ("journal", "year", "month"),
                           ("volume", "issue", "pages"), "authors", "design"]}),
        ("Links", {"fields": ["url", ("doi", "pmid")]}),
        (
            "At a glance",
            {"fields": [("studies_pooled", "participants"), "population", "measures"]},
        ),
        (
            "Weighing the evidence",
            {
                "fields": [
                    ("comparison", "follow_up_weeks"),
                    ("funder", "funding_note"),
                    "evidence_box",
                    "evidence_note",
                ],
                "description": "Readers see “How strong is the evidence?”, worked out from this "
                "record by fixed rules. Leave a field empty when the paper does not say: the box "
                "then says so. Save to see the box change; add context in the note below it.",
            },
        ),
        (None, {"fields": ["position"]}),
    ]  # fmt: skip
    readonly_fields = ["evidence_box"]

    class Media:
        js = ["js/study-fill.js"]

    @admin.display(description="What readers see")
    def evidence_box(self, study):
        if not study.design:
            return "Choose the study's design (or fill it from its identifier) to see the box."
        box = render_to_string(
            "includes/evidence_box.html",
            {
                "study": study,
                "reading": read_evidence(study),
                "box_id": study.pk or "new",
                "show_unknown": True,  # editors see what the record lacks; readers do not
            },
        )
        if study.pk is None:
            return format_html("<p><strong>Not saved yet:</strong> as readers will see it "
                               "once you save.</p>{}", box)  # fmt: skip
        return box


class StudyFillMixin:
    """“Fill from identifier” for the article admin's study forms (see the module's doc)."""

    def get_urls(self):
        lookup = path(
            "study-lookup/",
            self.admin_site.admin_view(self.study_lookup_view),
            name="articles_article_study_lookup",
        )
        return [lookup, *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and FILL_BUTTON in request.POST and self._may_edit(request):
            request.POST = self._filled_data(request)
            request.is_filling_study = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "is_filling_study", False):
            return type(form.__name__, (UnsavedForm, form), {})
        return form

    def _may_edit(self, request):
        return self.has_add_permission(request) or self.has_change_permission(request)

    def _filled_data(self, request):
        data = request.POST.copy()
        prefix = data.get(FILL_BUTTON, "")
        if not STUDY_PREFIX.fullmatch(prefix):
            self.message_user(request, "That study form could not be found.", messages.ERROR)
            return data
        number = int(prefix.rsplit("-", 1)[1]) + 1
        typed = [data.get(f"{prefix}-{name}", "").strip() for name in ("lookup", "doi", "pmid")]
        try:
            result = look_up(next((text for text in typed if text), ""))
        except (InvalidIdentifier, CitationServiceError) as problem:
            extra = "" if isinstance(problem, InvalidIdentifier | RecordNotFound) else NOTHING_LOST
            self.message_user(
                request, f"Study {number} was not filled. {problem} {extra}".strip(), messages.ERROR
            )
            return data
        values = study_values(result.record)
        previous = {name: data.get(f"{prefix}-{name}", "") for name in values}
        data.update({f"{prefix}-{name}": value for name, value in values.items()})
        level = messages.WARNING if result.warnings else messages.SUCCESS
        self.message_user(request, f"Study {number}: {describe_fill(result, values, previous)}",
                          level)  # fmt: skip
        return data

    def study_lookup_view(self, request):
        """JSON for static/js/study-fill.js: the values to fill, or why there are none."""
        if not self._may_edit(request):
            return JsonResponse({"message": "You may not edit studies."}, status=403)
        try:
            result = look_up(request.GET.get("identifier", ""))
        except InvalidIdentifier as problem:
            return JsonResponse({"message": str(problem)}, status=400)
        except RecordNotFound as problem:
            return JsonResponse({"message": str(problem)}, status=404)
        except CitationServiceError as problem:
            return JsonResponse({"message": f"{problem} {NOTHING_LOST}"}, status=502)
        values = study_values(result.record)
        return JsonResponse({
            "values": values,
            "labels": {name: field_label(name) for name in values},
            "source": f"Filled from {' and '.join(result.sources)} ({result.identifier}).",
            "design": design_sentence(result, values),
            "warnings": result.warnings,
        })  # fmt: skip


class UnsavedForm:
    """The article form while a study is being filled: shown again, never saved, and
    without complaints about fields the editor has not reached yet."""

    def full_clean(self):
        self._errors = forms.utils.ErrorDict()
        self.cleaned_data = {}

    def is_valid(self):
        return False
