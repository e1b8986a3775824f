"""The admin's edit-version check, shared by the article and location change forms."""

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date

from .models.editing import lock_and_refresh


class EditVersionFormMixin(forms.Form):
    """Refuses to save over someone else's changes made since this form was opened.

    The model has `edit_version` (bumped by every admin save) and `modified_by`/`modified_at`;
    the form carries the version it was opened at in a hidden field. The check reads the row
    under a lock (`SELECT … FOR UPDATE`, held until the admin's transaction ends), so of two
    saves made at the same moment one waits for the other and then sees its version: exactly
    one wins, the other gets the conflict message with what they typed still in the form.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.edit_version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            lock_and_refresh(self.instance, keep=set(self.fields))
        opened = cleaned.get("opened_version")
        if self.instance.pk and opened is not None and opened != self.instance.edit_version:
            who = self.instance.modified_by or "Someone"
            when = format_date(timezone.localtime(self.instance.modified_at), "j F Y, H:i")
            raise forms.ValidationError(
                f"{who} changed this {self.instance._meta.verbose_name} at {when}, since you "
                "opened it. Saving now would overwrite their changes. Copy anything you typed, "
                "reload the page to see their version, then make your changes again.",
                code="stale",
            )
        return cleaned
