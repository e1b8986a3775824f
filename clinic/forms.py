from django import forms
from django.db import connections, router
from django.utils import timezone
from django.utils.dateformat import format as format_date


class EditConflict(Exception):
    """The row's edit version moved between the check and the save (no row lock was held)."""


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


def lock_and_refresh(instance, keep=(), only=None):
    """Lock the instance's row for the rest of the transaction and reload its fields.

    Fields named in `keep` (what a form is about to set), or not in `only`, are left as they
    are. Outside a
    transaction there is nothing to hold a lock for: the row is only reloaded.
    """
    model = type(instance)
    using = router.db_for_write(model, instance=instance)
    rows = model._base_manager.using(using).filter(pk=instance.pk)
    if connections[using].in_atomic_block:
        rows = rows.select_for_update()
    current = rows.first()
    if current is None:
        return
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in keep or field.attname in keep:
            continue
        if only is not None and field.name not in only:
            continue
        setattr(instance, field.attname, getattr(current, field.attname))  # FK caches follow


def bump_edit_version(instance, user):
    """Record who saved, and move the version on, before an admin save.

    The move is one `UPDATE … WHERE id = … AND edit_version = …`: should the version have
    moved since it was checked (a save without the row lock), this raises EditConflict rather
    than let one save silently undo another.
    """
    instance.modified_by = user
    if instance.pk is None:
        instance.edit_version += 1
        return
    model = type(instance)
    claimed = (
        model._base_manager.using(router.db_for_write(model, instance=instance))
        .filter(pk=instance.pk, edit_version=instance.edit_version)
        .update(edit_version=instance.edit_version + 1)
    )
    if not claimed:
        raise EditConflict(f"{model._meta.verbose_name} {instance.pk} was saved meanwhile")
    instance.edit_version += 1
