"""The pieces an export folder is made of: images beside the Markdown, and model fields as YAML.

Every image read back goes through `clean_image_upload`, like any upload (decoded, capped,
re-encoded without metadata), and is stored under the name it had, so a round trip through
an empty site gives back the same addresses.
"""

import os
import shutil
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models

from articles.models import default_language
from clinic.authoring.uploads import UploadRejected, clean_image_upload

IMAGES = "images"


class PortabilityError(Exception):
    """A file that cannot be read back; the message names the file and the problem."""


def plain(value):
    """A field's value as YAML can hold it: dates and times as ISO text, decimals as text."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)  # phone numbers and the like


def data_fields(model, exclude=()):
    """The fields an editor sets on `model` (files included); keys and relations are apart."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and not field.is_relation
        and field.name not in exclude
    ]


def model_data(instance, directory, exclude=()):
    """Every editable field of `instance` as YAML-ready data; files copied to `images/`."""
    data = {"id": instance.pk}
    for field in data_fields(type(instance), exclude):
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField):
            data[field.name] = export_file(value.name, directory) if value else None
        else:
            data[field.name] = plain(value)
    return data


def apply_data(instance, data, directory, exclude=()):
    """Set the fields `data` names on `instance` (the reverse of `model_data`)."""
    keep_number(instance, data.get("id"))
    for field in data_fields(type(instance), exclude):
        if field.name not in data:
            continue
        value = data[field.name]
        if isinstance(field, models.FileField):
            setattr(instance, field.name, import_image(value, directory) if value else "")
        else:
            setattr(instance, field.name, field.to_python(value))


def keep_number(instance, number):
    """A new row takes the id it had on the exported site when that id is free.

    Pages show some ids (anchors, the view-count beacon), so an import into an empty site
    gives back the same pages. Save it with `save_numbered`.
    """
    model = type(instance)
    if instance._state.adding and number and not model.objects.filter(pk=number).exists():
        instance.pk = number
        instance._kept_number = True


def save_numbered(instance):
    """Validate and save; after a row that kept its old id, numbering continues above it."""
    instance.full_clean()
    instance.save()
    if getattr(instance, "_kept_number", False):
        reset_numbering([type(instance)])


def reset_numbering(models_):
    """Let new rows be numbered after the ids `keep_number` gave (PostgreSQL sequences)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def export_file(name, directory):
    """Copy a stored file into `directory/images/`, keeping its storage name; the relative path.

    None when the file is missing from the storage.
    """
    if not name or not default_storage.exists(name):
        return None
    target = Path(directory, IMAGES, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(name, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    return f"{IMAGES}/{name}"


def contained_image(relative, directory):
    """The path of `directory/images/...` named by `relative`, once it is sure to be a file
    of the export itself; `PortabilityError` otherwise.

    The path is checked as written, without following links: a “..” that climbs out of
    images/, or a symbolic link anywhere below the export folder (a linked images/ folder, a
    linked file) is refused, since either can point at any file on the server. Then the real
    location of the file must still lie inside the real location of the export folder.
    """
    root = Path(directory)
    images = root / IMAGES
    source = Path(os.path.normpath(root / relative))
    if not source.is_relative_to(images) or source == images:
        raise PortabilityError(f"the image {relative} is not in the {IMAGES}/ folder")
    current = root
    for piece in source.relative_to(root).parts:  # images/, any folder in it, then the file
        current = current / piece
        if current.is_symlink():
            raise PortabilityError(
                f"the image {relative} is reached through a symbolic link "
                f"({current.relative_to(root)}), which an export never holds"
            )
    real_root = os.path.realpath(root)
    if os.path.commonpath([os.path.realpath(source), real_root]) != real_root:
        raise PortabilityError(f"the image {relative} is not in the export folder")
    if not source.is_file():
        raise PortabilityError(f"the image {relative} is not in the {IMAGES}/ folder")
    return source


def _read_without_following(source, relative):
    """The file's bytes, refusing it if it became a symbolic link since it was checked."""
    try:
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        message = f"the image {relative} could not be read ({error.strerror})"
        raise PortabilityError(message) from error
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def import_image(relative, directory):
    """Store `directory/images/...` under its original name, as a checked upload.

    A file already stored under that name with the same bytes, as exported or as the upload
    checks re-encode them, is reused, so importing twice does not pile up copies.
    """
    source = contained_image(relative, directory)
    name = source.relative_to(Path(directory, IMAGES)).as_posix()
    data = _read_without_following(source, relative)
    try:
        cleaned = clean_image_upload(ContentFile(data, name=source.name))
    except UploadRejected as error:
        raise PortabilityError(f"the image {relative} was refused: {error}") from error
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            if stored.read() in {data, cleaned.read()}:
                return name
        cleaned.seek(0)
    extension = cleaned.name.rpartition(".")[2]
    stem = name.rpartition(".")[0] if "." in Path(name).name else name
    return default_storage.save(f"{stem}.{extension}", cleaned)


def file_stem(slug, language):
    """An original's file is `<slug>.md`; a translation's `<slug>.<language>.md`."""
    return slug if language == default_language() else f"{slug}.{language}"
