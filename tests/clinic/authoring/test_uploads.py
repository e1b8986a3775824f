import re
import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from clinic.authoring.uploads import (
    DAMAGED,
    MAX_UPLOAD_BYTES,
    NOT_AN_IMAGE,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    UploadRejected,
    clean_image_upload,
)
from tests.helpers import RANDOM_NAME, gps_jpeg, image_bytes


def upload(data, name="picture.png"):
    return SimpleUploadedFile(name, data, content_type="image/png")


def decoded(content_file):
    content_file.seek(0)
    return Image.open(BytesIO(content_file.read()))


def png_claiming_size(width, height):
    """A valid 1×1 PNG whose header claims width×height (a decompression bomb's header)."""
    data = bytearray(image_bytes("PNG", size=(1, 1)))
    ihdr = bytearray(data[12:29])  # chunk type + 13 bytes of header data
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


@pytest.mark.parametrize(
    ("image_format", "extension"),
    [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")],
)
def test_each_accepted_format_is_reencoded_under_a_random_name(image_format, extension):
    cleaned = clean_image_upload(upload(image_bytes(image_format), name="../../My photo.php"))
    assert RANDOM_NAME.match(cleaned.name) and cleaned.name.endswith(f".{extension}")
    assert decoded(cleaned).format == image_format


def test_two_uploads_of_the_same_file_get_different_names():
    data = image_bytes()
    assert clean_image_upload(upload(data)).name != clean_image_upload(upload(data)).name


def test_photo_with_gps_exif_is_stored_without_any_metadata():
    original = gps_jpeg()
    assert b"PhoneCo" in original and Image.open(BytesIO(original)).getexif()

    cleaned = clean_image_upload(upload(original, "phone.jpg"))
    cleaned.seek(0)
    stored = cleaned.read()
    assert b"Exif" not in stored and b"PhoneCo" not in stored
    image = decoded(cleaned)
    assert dict(image.getexif()) == {}
    assert image.size == (20, 40), "the EXIF orientation is applied to the pixels"


def test_truncated_file_is_refused():
    whole = image_bytes("JPEG", size=(200, 200))
    with pytest.raises(UploadRejected, match=re.escape(DAMAGED)):
        clean_image_upload(upload(whole[: len(whole) // 2], "cut.jpg"))


def test_png_with_html_appended_is_stored_as_the_picture_alone():
    polyglot = image_bytes("PNG") + b"<html><script>alert(document.cookie)</script></html>"
    cleaned = clean_image_upload(upload(polyglot, "innocent.png"))
    cleaned.seek(0)
    assert b"<script" not in cleaned.read()
    assert cleaned.name.endswith(".png")


def test_html_page_with_an_image_signature_is_refused():
    polyglot = b"GIF89a<html><body><script>alert(1)</script></body></html>"
    with pytest.raises(UploadRejected):
        clean_image_upload(upload(polyglot, "photo.gif"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("page.jpg", b"<!doctype html><html><body onload=alert(1)>hi</body></html>"),
        ("notes.webp", b"just some text"),
        ("empty.png", b""),
    ],
)
def test_svg_html_and_text_are_refused_whatever_their_name(name, data):
    with pytest.raises(UploadRejected, match=re.escape(NOT_AN_IMAGE)):
        clean_image_upload(upload(data, name))


def test_formats_pillow_reads_but_we_do_not_accept_are_refused():
    with pytest.raises(UploadRejected, match=re.escape(NOT_AN_IMAGE)):
        clean_image_upload(upload(image_bytes("BMP"), "picture.bmp"))


@pytest.fixture
def pillow_calls(monkeypatch):
    """Names of the Pillow steps an upload reaches: opening (its header) and decoding."""
    calls = []
    for owner, name in [(Image, "open"), (ImageFile.ImageFile, "load"), (Image.Image, "verify")]:
        original = getattr(owner, name)

        def recorded(*args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, recorded)
    return calls


@pytest.mark.parametrize("size_known", [True, False])
def test_file_over_the_size_cap_is_refused_before_decoding(pillow_calls, size_known):
    too_big = upload(image_bytes() + b"\0" * MAX_UPLOAD_BYTES)
    if not size_known:  # a stream that does not say its size: read no more than the cap
        too_big.size = None
    with pytest.raises(UploadRejected, match=re.escape(TOO_LARGE)):
        clean_image_upload(too_big)
    assert pillow_calls == []  # Pillow never saw it
    assert too_big.tell() <= MAX_UPLOAD_BYTES + 1


def test_decompression_bomb_header_is_refused_without_decoding(pillow_calls):
    with pytest.raises(UploadRejected, match=re.escape(TOO_MANY_PIXELS)):
        clean_image_upload(upload(png_claiming_size(50_000, 50_000)))
    assert pillow_calls == ["open"]  # the header was read; no pixel was


def test_real_image_over_the_pixel_cap_is_refused():
    oversized = image_bytes("PNG", size=(8000, 5001), mode="1")
    assert len(oversized) < MAX_UPLOAD_BYTES
    with pytest.raises(UploadRejected, match=re.escape(TOO_MANY_PIXELS)):
        clean_image_upload(upload(oversized))


def test_large_picture_is_scaled_down_to_the_longest_side():
    cleaned = clean_image_upload(upload(image_bytes("JPEG", size=(3000, 1500))))
    assert decoded(cleaned).size == (2400, 1200)


def test_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (10, 10), colour) for colour in ("red", "green", "blue")]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(buffer).n_frames == 3
    cleaned = clean_image_upload(upload(buffer.getvalue(), "dance.gif"))
    assert decoded(cleaned).n_frames == 3


def test_transparent_png_keeps_its_alpha_channel():
    cleaned = clean_image_upload(upload(image_bytes("PNG", mode="RGBA")))
    assert decoded(cleaned).mode == "RGBA"
