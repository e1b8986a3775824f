"""Responsive copies of uploaded pictures: their names, their making, and whether they exist.

For an image stored as `articles/hero/abc.jpg` (width W), each width in WIDTHS that is
smaller than W, plus W itself, is written as AVIF (where this Pillow can encode it) and
WebP: `renditions/articles/hero/abc-800.webp`. Names are derived from the stored name (which
is random and never reused), so templates build `srcset` without touching the disk. They are
made in the background (`clinic.authoring.tasks`); the model keeps the original's width and
height, read from the file's header when it is saved, for the `width`/`height` attributes.
"""

import hashlib
import posixpath
from io import BytesIO

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import ExifTags, Image, ImageOps, features

WIDTHS = (480, 800, 1200, 1600)
FORMATS = [("avif", "AVIF", "image/avif")] if features.check("avif") else []
FORMATS += [("webp", "WEBP", "image/webp")]
ENCODER_OPTIONS = {"AVIF": {"quality": 55, "speed": 8}, "WEBP": {"quality": 78, "method": 4}}
TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def rendition_widths(width):
    """The widths made for an original `width` pixels wide (never upscaled)."""
    if not width:
        return []
    return [w for w in WIDTHS if w < width] + [width]


def rendition_name(name, width, extension):
    """renditions/<folder>/<stem>-<width>.<extension> (string work: every picture on a page
    names its last rendition, and path objects cost several times more)."""
    folder, _, file = name.rpartition("/")
    stem = posixpath.splitext(file)[0]
    return posixpath.join("renditions", folder, f"{stem}-{width}.{extension}")


def rendition_names(name, width):
    """Every rendition, in the order they are written: when the last exists, they all do."""
    return [
        rendition_name(name, w, extension)
        for w in rendition_widths(width)
        for extension, _, _ in FORMATS
    ]


def picture_size(field_file):
    """(width, height) as the picture is shown, read from its header without decoding it.

    A new upload is read where it waits to be stored (in memory or a temporary file); a
    stored picture from the storage. EXIF orientation is applied, as browsers do.
    """
    if field_file._committed:  # Django's own flag: the name refers to a stored file
        with field_file.storage.open(field_file.name, "rb") as stored:
            return _header_size(stored)
    upload = field_file.file
    upload.seek(0)
    try:
        return _header_size(upload)
    finally:
        upload.seek(0)


def _header_size(file):
    with Image.open(file) as image:
        width, height = image.size
        if image.getexif().get(ExifTags.Base.Orientation) in TURNED:
            return height, width
    return width, height


def make_missing_renditions(field_file, width):
    """Write the renditions not yet stored; return (how many were written, (width, height)).

    Nothing is decoded when they all exist. Otherwise the original is decoded once; if it is
    not `width` pixels wide after all, the renditions are made for the width it has.
    """
    if width and all(default_storage.exists(n) for n in rendition_names(field_file.name, width)):
        return 0, None
    with field_file.storage.open(field_file.name, "rb") as stored, Image.open(stored) as original:
        picture = ImageOps.exif_transpose(original)
        picture.load()
    if picture.mode not in {"RGB", "RGBA"}:
        picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
    written = 0
    for w in rendition_widths(picture.width):
        resized = None
        for extension, pillow_format, _ in FORMATS:
            name = rendition_name(field_file.name, w, extension)
            if default_storage.exists(name):
                continue
            if resized is None:
                height = round(picture.height * w / picture.width)
                resized = picture if w == picture.width else picture.resize((w, height))
            _store(name, resized, pillow_format)
            written += 1
    return written, picture.size


def _store(name, picture, pillow_format):
    buffer = BytesIO()
    picture.save(buffer, pillow_format, **ENCODER_OPTIONS[pillow_format])
    saved = default_storage.save(name, ContentFile(buffer.getvalue()))
    if saved != name:  # another worker wrote it meanwhile: keep theirs, drop this copy
        default_storage.delete(saved)


def renditions_exist(name, width):
    """Whether every rendition of the picture stored as `name` has been written.

    A name's content never changes, so a yes is remembered in the cache for good; a no is
    asked again (of the storage, one file) until the renditions are made.
    """
    widths = rendition_widths(width)
    if not widths:
        return False
    key = "renditions:" + hashlib.sha256(f"{width}:{name}".encode()).hexdigest()[:32]
    if cache.get(key):
        return True
    if default_storage.exists(rendition_name(name, widths[-1], FORMATS[-1][0])):
        cache.set(key, True, timeout=None)
        return True
    return False


def srcsets(field_file, width):
    """[(mime type, "url 480w, url 800w, ...")] for <source> elements, best format first.

    Empty until the renditions exist, so a page lists no file that is not there yet.
    """
    if not field_file or not renditions_exist(field_file.name, width):
        return []
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
