"""Pictures made from the brand with Pillow when the site settings are saved.

* the logo at 1×, 2× and 3× the header height (`srcset`, sharp on high-density screens),
* the browser-tab icon (32 px) and the home-screen icon (180 px), from the logo, or, with
  no logo, the default cross mark drawn in the brand colour,
* the default sharing image cropped to 1200 × 630.

Every name is derived from the stored logo's name and the colour, so templates build
addresses without touching the disk and a new logo or colour gets new addresses (nothing
stale in a browser's cache).
"""

import hashlib
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageOps

from .contrast import parse_hex

LOGO_HEIGHT = 48  # CSS pixels in the header (static/css/layout.css .site-name__logo)
LOGO_DENSITIES = (1, 2, 3)
ICON_SIZES = {"favicon": 32, "touch": 180}
SOCIAL_SIZE = (1200, 630)


def _derived(name, suffix):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{suffix}")


def logo_rendition_name(name, density):
    return _derived(name, f"logo-{density}x.png")


def social_rendition_name(name):
    return _derived(name, "1200x630.jpg")


def icon_key(logo_name, colour):
    return hashlib.sha256(f"{logo_name}|{colour}".encode()).hexdigest()[:12]


def icon_name(logo_name, colour, kind):
    return f"renditions/brand/icons/{icon_key(logo_name, colour)}-{kind}.png"


def logo_densities(logo_height):
    """The densities made for a logo this many pixels tall (never upscaled past 1×)."""
    if not logo_height:
        return []
    return [d for d in LOGO_DENSITIES if d == 1 or LOGO_HEIGHT * d <= logo_height]


def logo_srcset(name, logo_height):
    return ", ".join(
        f"{default_storage.url(logo_rendition_name(name, d))} {d}x"
        for d in logo_densities(logo_height)
    )


def _open(field_file):
    with field_file.open("rb") as stored, Image.open(stored) as original:
        picture = ImageOps.exif_transpose(original)
        picture.load()
    return picture.convert("RGBA")


def _save(name, picture, image_format="PNG", **options):
    if default_storage.exists(name):
        default_storage.delete(name)
    buffer = BytesIO()
    picture.save(buffer, image_format, **options)
    default_storage.save(name, ContentFile(buffer.getvalue()))


def make_logo_renditions(field_file):
    """Write the header copies of the logo; return the original's (width, height)."""
    picture = _open(field_file)
    for density in logo_densities(picture.height):
        height = min(LOGO_HEIGHT * density, picture.height)
        width = max(1, round(picture.width * height / picture.height))
        resized = picture.resize((width, height), Image.Resampling.LANCZOS)
        _save(logo_rendition_name(field_file.name, density), resized, optimize=True)
    return picture.width, picture.height


def cross_mark(size, colour):
    """The default mark: a rounded square in `colour` with a white cross (as in layout.css)."""
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 4, fill=parse_hex(colour))
    long, short = round(size * 0.6), round(size * 0.2)
    start, middle = (size - long) // 2, (size - short) // 2
    draw.rectangle((start, middle, start + long - 1, middle + short - 1), fill="white")
    draw.rectangle((middle, start, middle + short - 1, start + long - 1), fill="white")
    return picture


def _icon_from_logo(picture, size, background):
    """The logo fitted into a square, centred, on `background` (None: transparent)."""
    margin = round(size * 0.1) if background else 0
    fitted = ImageOps.contain(picture, (size - 2 * margin, size - 2 * margin))
    canvas = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    position = ((size - fitted.width) // 2, (size - fitted.height) // 2)
    canvas.alpha_composite(fitted, position)
    return canvas


def make_icons(logo_file, colour):
    """Write the favicon and home-screen icon for this logo (may be empty) and colour."""
    picture = _open(logo_file) if logo_file else None
    for kind, size in ICON_SIZES.items():
        if picture is None:
            icon = cross_mark(size, colour)
        else:  # home-screen icons are shown on any wallpaper: give them a white tile
            icon = _icon_from_logo(picture, size, "white" if kind == "touch" else None)
        if kind == "touch":
            icon = icon.convert("RGB") if picture is not None else _on_white(icon)
        _save(icon_name(logo_file.name if logo_file else "", colour, kind), icon, optimize=True)


def _on_white(icon):
    tile = Image.new("RGB", icon.size, "white")
    tile.paste(icon, mask=icon)
    return tile


def make_social_rendition(field_file):
    """Write the 1200 × 630 crop (from the centre) of the sharing image, as JPEG."""
    picture = _open(field_file)
    cropped = ImageOps.fit(picture, SOCIAL_SIZE, Image.Resampling.LANCZOS).convert("RGB")
    _save(social_rendition_name(field_file.name), cropped, "JPEG", quality=85, optimize=True)
