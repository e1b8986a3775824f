"""Responsive copies of uploaded pictures, made once with Pillow when the picture is saved.

For an image stored as `articles/hero/abc.jpg` (width W), each width in WIDTHS that is
smaller than W, plus W itself, is written as AVIF (where this Pillow can encode it) and
WebP: `renditions/articles/hero/abc-800.webp`. Names are derived from the stored name,
so templates build `srcset` without touching the disk; the model keeps the original's
width and height (set here, after the save) for the `width`/`height` attributes.
"""

import logging
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, features

logger = logging.getLogger(__name__)
WIDTHS = (480, 800, 1200, 1600)
FORMATS = [("avif", "AVIF", "image/avif")] if features.check("avif") else []
FORMATS += [("webp", "WEBP", "image/webp")]
ENCODER_OPTIONS = {"AVIF": {"quality": 55, "speed": 8}, "WEBP": {"quality": 78, "method": 4}}


def rendition_widths(width):
    """The widths made for an original `width` pixels wide (never upscaled)."""
    if not width:
        return []
    return [w for w in WIDTHS if w < width] + [width]


def rendition_name(name, width, extension):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}.{extension}")


def make_renditions(field_file):
    """Write every missing rendition of `field_file`; return the original's (width, height)."""
    with field_file.open("rb") as stored, Image.open(stored) as original:
        picture = ImageOps.exif_transpose(original)
        picture.load()
    if picture.mode not in {"RGB", "RGBA"}:
        picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
    for width in rendition_widths(picture.width):
        height = round(picture.height * width / picture.width)
        resized = picture if width == picture.width else picture.resize((width, height))
        for extension, pillow_format, _ in FORMATS:
            name = rendition_name(field_file.name, width, extension)
            if default_storage.exists(name):
                continue
            buffer = BytesIO()
            resized.save(buffer, pillow_format, **ENCODER_OPTIONS[pillow_format])
            default_storage.save(name, ContentFile(buffer.getvalue()))
    return picture.width, picture.height


def srcsets(field_file, width):
    """[(mime type, "url 480w, url 800w, ...")] for <source> elements, best format first."""
    widths = rendition_widths(width)
    return [
        (
            mime,
            ", ".join(
                f"{default_storage.url(rendition_name(field_file.name, w, extension))} {w}w"
                for w in widths
            ),
        )
        for extension, _, mime in FORMATS
    ]


def renditions_on_save(image_field, width_field, height_field):
    """A post_save receiver: make the renditions of `image_field` and store its size."""

    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (update_fields is not None and image_field not in update_fields):
            return
        field_file = getattr(instance, image_field)
        size = (None, None)
        if field_file:
            try:
                size = make_renditions(field_file)
            except Exception:
                # A missing or unreadable original (another server's disk, an object store
                # that is down) is an error to fix, not a size to save: the known size stays.
                logger.exception(
                    "Could not read %s to make its renditions; its size is left as it was.",
                    field_file.name,
                )
                return
        if size != (getattr(instance, width_field), getattr(instance, height_field)):
            setattr(instance, width_field, size[0])
            setattr(instance, height_field, size[1])
            sender.objects.filter(pk=instance.pk).update(
                **dict(zip((width_field, height_field), size, strict=True))
            )

    return receiver
