"""Draw the site-wide default preview image (1200×630) shipped in static/.

    python manage.py make_social_image [--title "Research library"] [--output PATH]

Link previews (Open Graph, Twitter) show it for pages without an image of their own; the
choice is made in `clinic.seo.meta.social_image`. The image carries no clinic name, so the
one committed file fits every clinic; run the command again after a change of colours.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

from clinic.seo.meta import DEFAULT_SOCIAL_IMAGE, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH

PAPER = "#f7f5f0"  # the site's background (static/css/tokens.css --bg)
TEAL = "#1f5f5b"  # its accent and the favicon's colour
INK = "#1c2326"
MUTED = "#4d585e"


def draw_social_image(title, subtitle):
    """A 1200×630 RGB image: a teal band, the favicon's cross, a title and a subtitle."""
    image = Image.new("RGB", (SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 40, SOCIAL_IMAGE_HEIGHT], fill=TEAL)
    draw.rectangle(
        [0, SOCIAL_IMAGE_HEIGHT - 24, SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT], fill=TEAL
    )
    left, top, arm = 120, 150, 36  # a plus-shaped cross, as in the favicon
    draw.rounded_rectangle([left + arm, top, left + 2 * arm, top + 3 * arm], 8, fill=TEAL)
    draw.rounded_rectangle([left, top + arm, left + 3 * arm, top + 2 * arm], 8, fill=TEAL)
    draw.text((120, 300), title, font=ImageFont.load_default(size=84), fill=INK)
    draw.text((124, 420), subtitle, font=ImageFont.load_default(size=40), fill=MUTED)
    return image


class Command(BaseCommand):
    help = "Draw the default 1200×630 link-preview image into static/."

    def add_arguments(self, parser):
        parser.add_argument("--title", default="Research library")
        parser.add_argument("--subtitle", default="Published studies, explained in plain language")
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / DEFAULT_SOCIAL_IMAGE,
        )

    def handle(self, *args, title, subtitle, output, **options):
        output.parent.mkdir(parents=True, exist_ok=True)
        draw_social_image(title, subtitle).save(output, "PNG", optimize=True)
        self.stdout.write(f"Wrote {output} ({SOCIAL_IMAGE_WIDTH}×{SOCIAL_IMAGE_HEIGHT}).")
