"""Uploaded images: decoded by Pillow, capped, re-encoded without metadata, renamed.

Every image staff upload (article hero images, people's photos, pictures dropped into the
Markdown editor) goes through `clean_image_upload`. What gets stored is a fresh encoding of
the decoded pixels, so anything hidden around them (EXIF GPS positions, comments, a script
appended to make a polyglot, an HTML page with an image extension) is not kept, and the
file name is random, so nobody can guess the address of an image that is not yet public.
"""

import secrets
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import ExifTags, Image, ImageSequence

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # summed over all frames of an animation
MAX_DIMENSION = 2400  # longest side after re-encoding; larger pictures are scaled down
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# How to turn a picture upright for each EXIF orientation (as PIL.ImageOps.exif_transpose does).
ORIENTATION_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Image.info keys that are needed to draw the picture; everything else is metadata.
_KEPT_INFO = {"transparency", "duration", "loop", "background", "icc_profile"}

NOT_AN_IMAGE = "Upload a JPEG, PNG, WebP or GIF picture. This file is not one of those."
TOO_LARGE = "This file is larger than 10 MB. Save it at a smaller size and try again."
TOO_MANY_PIXELS = "This picture has too many pixels (over 40 megapixels). Make it smaller."
DAMAGED = "This picture could not be read; it may be damaged or incomplete."


class UploadRejected(ValueError):
    """The upload is not an image we accept; the message is written for the editor."""


def clean_image_upload(upload, *, max_dimension=MAX_DIMENSION):
    """Check `upload` and return a re-encoded copy as a ContentFile with a random name.

    Raises UploadRejected with a message for the editor when the file is not a JPEG, PNG,
    WebP or GIF that Pillow can fully decode within the size and pixel caps.
    """
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise UploadRejected(TOO_LARGE)
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(TOO_LARGE)
    with _decoded(data) as image:  # decoded once: checked, then re-encoded from the same pixels
        encoded = _reencode(image, image.format, max_dimension)
        extension = FORMATS[image.format]
    return ContentFile(encoded, name=f"{secrets.token_urlsafe(16)}.{extension}")


def _decoded(data):
    """The open image, once its header and every pixel of every frame have been read."""
    try:
        with Image.open(BytesIO(data), formats=list(FORMATS)) as image:
            image_format = image.format
            frames = getattr(image, "n_frames", 1)
            if image.width * image.height * frames > MAX_PIXELS:
                raise UploadRejected(TOO_MANY_PIXELS)
            image.verify()
        image = Image.open(BytesIO(data), formats=[image_format])
        try:
            for frame in range(frames):
                image.seek(frame)
                image.load()
            image.seek(0)
        except BaseException:
            image.close()
            raise
    except UploadRejected:
        raise
    except Image.DecompressionBombError as error:
        raise UploadRejected(TOO_MANY_PIXELS) from error
    except Image.UnidentifiedImageError as error:
        raise UploadRejected(NOT_AN_IMAGE) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise UploadRejected(DAMAGED) from error
    return image


def _reencode(image, image_format, max_dimension):
    """Bytes of a new file holding only the pixels (and what is needed to draw them)."""
    info = {key: value for key, value in image.info.items() if key in _KEPT_INFO}
    output = BytesIO()
    if image_format == "GIF" and getattr(image, "n_frames", 1) > 1:
        frames = [_bounded(frame.copy(), max_dimension) for frame in ImageSequence.Iterator(image)]
        frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], **info)
        return output.getvalue()
    # Scaled down first, then turned upright: turning the smaller picture is cheaper.
    turn = ORIENTATION_TURNS.get(image.getexif().get(ExifTags.Base.Orientation))
    picture = _bounded(image, max_dimension)
    picture = picture.transpose(turn) if turn is not None else picture
    picture.info = {}
    if image_format == "JPEG":
        if picture.mode not in {"RGB", "L", "CMYK"}:
            picture = picture.convert("RGB")
        picture.save(output, "JPEG", quality=85, optimize=True, exif=b"", **info)
    elif image_format == "WEBP":
        if picture.mode not in {"RGB", "RGBA"}:
            picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
        picture.save(output, "WEBP", quality=85, exif=b"", xmp=b"", **info)
    else:
        picture.save(output, image_format, optimize=True, **info)
    return output.getvalue()


def _bounded(image, max_dimension):
    """The image, or a copy scaled so that its longest side is `max_dimension`."""
    width, height = image.size
    if max(width, height) <= max_dimension:
        return image
    scale = max_dimension / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


class SafeImageField(forms.ImageField):
    """A form field for model ImageFields: the cleaned value is the re-encoded copy."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        try:
            return clean_image_upload(upload)
        except UploadRejected as error:
            raise ValidationError(str(error), code="invalid_image") from error
