"""Who saved a row last, and its edit version: how no save silently undoes another.

`EditTracked` gives a model the fields; `lock_and_refresh` and `bump_edit_version` are the
row lock and the version move that every save of such a row goes through (the admin forms'
check is `clinic.domain.forms.EditVersionFormMixin`).
"""

from django.conf import settings
from django.db import connections, models, router


class EditTracked(models.Model):
    """Who saved last, when, and a version number that every admin save moves on.

    The admin forms refuse a save when the version moved since the form was opened
    (clinic.domain.forms.EditVersionFormMixin): nobody silently overwrites a colleague.
    """

    modified_at = models.DateTimeField(auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    edit_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True


class EditConflict(Exception):
    """The row's edit version moved between the check and the save (no row lock was held)."""


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
    if instance.pk is None or instance._state.adding:  # a new row (perhaps numbered already)
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
