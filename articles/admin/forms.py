"""The article change form: disclaimer, substantive updates, publishing rules."""

from django import forms
from django.utils.html import escape

from articles.editorial.content_checks import image_alt_problems
from articles.models import DISCLAIMER_REQUIRED, Article
from articles.models.languages import language_choices
from articles.services import CHECKED_FIELDS, PublishRefused, publishing_problems
from clinic.authoring.links import describe, unsafe_targets
from clinic.domain.forms import EditVersionFormMixin
from clinic.domain.sitewide import clinic_profile

UNSAFE_LINKS = (
    "The body links to %(targets)s. Links and images may not point at javascript:, vbscript: "
    "or data: addresses, which can run code in a reader's browser: remove the address (the "
    "link's text can stay), or upload the picture instead of pasting it."
)


class ArticleAdminForm(EditVersionFormMixin, forms.ModelForm):
    is_substantive_update = forms.BooleanField(
        label="This is a substantive update",
        required=False,
        help_text="Tick when the content changed in a way readers should know about. The "
        "public “Updated” date moves only then; typo fixes leave it alone.",
    )
    is_correction = forms.BooleanField(
        label="It corrects an error",
        required=False,
        help_text="Tick when the change puts right something the summary got wrong: the note is "
        "then shown under “Corrections” and listed in the public corrections log.",
    )
    change_note = forms.CharField(
        label="What changed (shown to readers)",
        required=False,
        max_length=300,
        help_text="For example “Added results of the 2024 follow-up”.",
    )

    publish_reason = forms.CharField(
        label="Publish despite these checks — reason",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only when the checks stop publishing and you have a good reason to publish "
        "anyway (for example a study's own title). The reason is kept in History and shown on "
        "the review worklist.",
    )

    use_default_disclaimer = forms.BooleanField(
        label="Use the clinic's default disclaimer",
        required=False,
        help_text="Tick to replace the text below with the clinic's current default.",
    )

    # Set by ArticleAdmin.get_form for the signed-in user; `content_before` when restoring,
    # the article's checked fields as they were before the old revision was put back.
    user = None
    may_override = False
    content_before = None

    class Meta:
        model = Article
        fields = [
            "title", "slug", "summary", "author", "reviewer", "reviewed_on",
            "review_interval_months",
            "topics", "service_disclosure", "status", "publish_at", "body", "disclaimer",
            "hero_image", "hero_alt", "hero_credit",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Article.clean() reports a missing disclaimer (blank or only spaces) on this field.
        self.fields["disclaimer"].required = False
        # A form posted without it (a script, an older page) keeps the article's setting.
        self.fields["service_disclosure"].required = False
        self.fields["use_default_disclaimer"].help_text = self._default_disclaimer_help()

    def _default_disclaimer_help(self):
        """The default the box puts in, in the article's language; for a new article, whose
        language is chosen on this form, the default in each language. (The admin shows help
        text as HTML: the wording is escaped.)"""
        profile = clinic_profile()
        if self.instance.pk:
            default = escape(profile.default_disclaimer_in(self.instance.language))
            return (
                f"Tick to replace the text below with the clinic's current default in "
                f"{self.instance.language_name}: “{default}”"
            )
        defaults = "; ".join(
            f"{name}: “{escape(profile.default_disclaimer_in(code))}”"
            for code, name in language_choices()
        )
        return (
            "Tick to replace the text below with the clinic's current default in the "
            f"article's language ({defaults})"
        )

    def clean_service_disclosure(self):
        return self.cleaned_data.get("service_disclosure") or self.instance.service_disclosure

    def clean_body(self):
        body = self.cleaned_data["body"]
        if targets := unsafe_targets(body):
            raise forms.ValidationError(
                UNSAFE_LINKS, code="unsafe_link", params={"targets": describe(targets)}
            )
        if problems := image_alt_problems(body):
            raise forms.ValidationError(problems, code="image_alt")
        return body

    def clean(self):
        cleaned = super().clean()
        self._check_disclaimer(cleaned)
        if cleaned.get("hero_image") and not (cleaned.get("hero_alt") or "").strip():
            self.add_error("hero_alt", "Describe the image for people who cannot see it.")
        self._check_substantive_update(cleaned)
        self._check_publishing(cleaned)
        return cleaned

    def _check_disclaimer(self, cleaned):
        if cleaned.get("use_default_disclaimer"):
            language = cleaned.get("language") or self.instance.language
            cleaned["disclaimer"] = clinic_profile().default_disclaimer_in(language)
        elif not (cleaned.get("disclaimer") or "").strip():
            # Article.clean() puts the message on the field; it is repeated at the top,
            # where the editor looks first after saving.
            self.add_error(None, forms.ValidationError(DISCLAIMER_REQUIRED, code="blank"))

    def _check_substantive_update(self, cleaned):
        note = (cleaned.get("change_note") or "").strip()
        if cleaned.get("is_substantive_update") and not note:
            self.add_error("change_note", "Say in a few words what changed, for readers.")
        elif (note or cleaned.get("is_correction")) and not cleaned.get("is_substantive_update"):
            self.add_error(
                "is_substantive_update",
                "Tick this box to publish the change note and move the “Updated” date.",
            )

    def _check_publishing(self, cleaned):
        """Refuse to publish, schedule or keep published what the checks stop, naming each
        problem where it is (articles.editorial.gates), unless a reason is given by someone
        who may publish anyway."""
        self.override_reason = ""
        before = self.content_before or {
            name: getattr(self.instance, name) for name in CHECKED_FIELDS
        }
        self.edited_checked_fields = {
            name for name in CHECKED_FIELDS if _words(cleaned.get(name)) != _words(before[name])
        }
        if cleaned.get("status") != Article.Status.PUBLISHED:
            return
        was_published = bool(self.instance.pk) and (
            self.initial.get("status") == Article.Status.PUBLISHED
        )
        if was_published and not self.edited_checked_fields:
            return
        candidate = Article(
            **{name: cleaned.get(name) or "" for name in CHECKED_FIELDS},
            reviewer=cleaned.get("reviewer"), reviewed_on=cleaned.get("reviewed_on"),
            # Checked in its own language: a French disclaimer and reading level in French.
            language=cleaned.get("language") or self.instance.language,
        )  # fmt: skip
        problems = publishing_problems(candidate, publishing=not was_published)
        reason = (cleaned.get("publish_reason") or "").strip()
        refusal = PublishRefused(problems)
        if not problems or (reason and self.may_override and refusal.may_be_overridden):
            self.override_reason = reason if problems else ""
            return
        for problem in problems:
            if problem.field == "hero_alt" and self.has_error("hero_alt"):
                continue  # already said by clean()
            self.add_error(problem.field if problem.field in self.fields else None, problem.message)
        may_override = self.may_override and refusal.may_be_overridden
        self.add_error(None, _stopped_message(len(problems), may_override))
        if may_override:
            self.add_error("publish_reason", "Give a reason to publish despite the checks.")


def _words(value):
    # What the checks read: a trailing newline the form strips, or CRLF, is not an edit.
    return " ".join(str(value or "").split())


def _stopped_message(count, may_override):
    problems = "1 problem" if count == 1 else f"{count} problems"
    message = (
        f"Not published: {problems}, shown at each field below, stop publishing and "
        "scheduling. Fix each one, or save the article as a draft."
    )
    if may_override:
        message += " To publish anyway, give your reason under “Publish despite these checks”."
    return message
