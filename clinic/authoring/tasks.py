"""Renditions in the background, wired once for every model with responsive pictures.

A model names its pictures and where their size is kept in `responsive_images`, such as
`{"hero_image": ("hero_width", "hero_height")}`. `connect_renditions()` (called once, by
`ClinicConfig.ready`) wires each such model:

1. when an instance is loaded, the stored name of each picture is remembered, so a save knows
   whether the picture changed;
2. before a save with a new picture, its width and height are read from the file's header (no
   decoding, EXIF orientation applied) and saved with the row, so pages are sized at once;
3. after it, `make_renditions` is queued for when the transaction commits;
4. the task (in `manage.py db_worker`) writes what is missing, does nothing when all exist,
   is retried on failure (`clinic.tasks.retries`), and sends `renditions_made`, on which
   the page cache forgets pages that showed the original alone.

Until the renditions exist, `{% picture %}` shows the original, sized, with no `<source>`.
"""

import logging
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_init, post_save, pre_save
from django.dispatch import Signal
from PIL import UnidentifiedImageError

from clinic.tasks.retries import task_with_retries
from clinic.tasks.status import QUEUED, RUNNING, progress

from .renditions import (
    FORMATS,
    make_missing_renditions,
    picture_size,
    rendition_widths,
    renditions_exist,
)

logger = logging.getLogger(__name__)
renditions_made = Signal()  # sender: the model; instance=, field=
STORED = "_stored_picture_names"  # instance attribute: {field: name when loaded or saved}
UNREADABLE = (OSError, SyntaxError, ValueError, UnidentifiedImageError)


@task_with_retries()
def make_renditions(*, model, pk, field, name):
    """Write the missing renditions of picture `field` of one row; return how many."""
    model_class = apps.get_model(model)
    instance = model_class._base_manager.filter(pk=pk).first()
    if instance is None or getattr(instance, field).name != name:
        return 0  # deleted, or given another picture since, which has a task of its own
    width_field, height_field = model_class.responsive_images[field]
    written, size = make_missing_renditions(
        getattr(instance, field), getattr(instance, width_field)
    )
    if size and size != (getattr(instance, width_field), getattr(instance, height_field)):
        model_class._base_manager.filter(pk=pk).update(
            **{width_field: size[0], height_field: size[1]}
        )
    if written:
        renditions_made.send(sender=model_class, instance=instance, field=field)
    return written


def models_with_pictures():
    return [model for model in apps.get_models() if getattr(model, "responsive_images", None)]


def queue_missing_renditions():
    """Queue the renditions of every stored picture that lacks some; return how many."""
    queued = 0
    for model in models_with_pictures():
        for field, (width_field, _) in model.responsive_images.items():
            rows = model._base_manager.exclude(**{field: ""}).values_list("pk", field, width_field)
            for pk, name, width in rows.iterator():
                if not width or not renditions_exist(name, width):
                    make_renditions.enqueue(
                        model=model._meta.label_lower, pk=pk, field=field, name=name
                    )
                    queued += 1
    return queued


def connect_renditions():
    for model in models_with_pictures():
        uid = f"renditions:{model._meta.label_lower}"
        post_init.connect(remember_names, sender=model, dispatch_uid=uid)
        pre_save.connect(keep_size, sender=model, dispatch_uid=uid)
        post_save.connect(queue_renditions, sender=model, dispatch_uid=uid)


def remember_names(sender, instance, **kwargs):
    values = instance.__dict__  # the raw values: reading a deferred field would query
    instance.__dict__[STORED] = {
        field: getattr(values[field], "name", values[field])
        for field in sender.responsive_images
        if field in values
    }


def _is_new(instance, field):
    picture = getattr(instance, field)
    stored = instance.__dict__.get(STORED, {})
    return not picture._committed or instance._state.adding or stored.get(field) != picture.name


def keep_size(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: the width and height of each new picture (None and None for no picture)."""
    if raw:
        return
    for field, (width_field, height_field) in sender.responsive_images.items():
        if update_fields is not None and field not in update_fields:
            continue
        picture = getattr(instance, field)
        if picture and not _is_new(instance, field) and getattr(instance, width_field):
            continue
        try:
            size = picture_size(picture) if picture else (None, None)
        except UNREADABLE:
            # Its renditions task will fail with the reason, shown in the admin.
            logger.exception("Could not read the size of %s", picture.name)
            continue
        setattr(instance, width_field, size[0])
        setattr(instance, height_field, size[1])
        if update_fields is not None and width_field not in update_fields and instance.pk:
            sender._base_manager.filter(pk=instance.pk).update(
                **{width_field: size[0], height_field: size[1]}
            )


def queue_renditions(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    """post_save: queue the renditions of each new picture once the save commits."""
    if raw:
        return
    stored = instance.__dict__.setdefault(STORED, {})
    for field in sender.responsive_images:
        if update_fields is not None and field not in update_fields:
            continue
        picture = getattr(instance, field)
        if picture and (created or stored.get(field) != picture.name):
            job = partial(make_renditions.enqueue, model=sender._meta.label_lower,
                          pk=instance.pk, field=field, name=picture.name)  # fmt: skip
            transaction.on_commit(job, robust=True)
        stored[field] = picture.name if picture else ""


def picture_versions(instance, field):
    """One line for the admin: this picture's renditions are ready, being made, or failed."""
    picture = getattr(instance, field)
    width = getattr(instance, type(instance).responsive_images[field][0])
    if not picture:
        return "No picture."
    if width and renditions_exist(picture.name, width):
        formats = " and ".join(
            extension.upper().replace("WEBP", "WebP") for extension, *_ in FORMATS
        )
        return f"Ready: {formats} at {', '.join(map(str, rendition_widths(width)))} px wide."
    state = progress(make_renditions, name=picture.name)
    if state is None:
        return "Not made yet; pages show the original picture."
    if state.state in (QUEUED, RUNNING):
        return f"Being made ({state.describe()}); pages show the original picture until then."
    line = state.describe()
    return f"{line[:1].upper()}{line[1:]}. Pages show the original picture."
