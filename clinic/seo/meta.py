"""What a page tells link previews and search results: title, description, image, times.

Views build one `PageMeta` per page; `templates/includes/social_meta.html` renders it as the
meta description, Open Graph and Twitter tags.
"""

import re
from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .links import absolute_url

DESCRIPTION_MIN = 50
DESCRIPTION_MAX = 160
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")

DEFAULT_SOCIAL_IMAGE = "img/social-default.png"
SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT = 1200, 630
# What the default image shows (drawn by the make_social_image command of clinic/operations/).
DEFAULT_SOCIAL_IMAGE_ALT = gettext_lazy(
    "Research library: published studies, explained in plain language"
)


def _plain(text):
    return _SPACE.sub(" ", strip_tags(str(text or ""))).strip()


def cut_at_word(text, limit=DESCRIPTION_MAX):
    """`text` if it fits in `limit` characters, else cut at the last whole word, with “…”."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:.–—-") + ELLIPSIS


def meta_description(*texts):
    """A page's description for search results and previews: 50–160 characters.

    The first text is the page's own; later ones are appended, as sentences, while the
    result is still shorter than 50 characters. Markup and runs of spaces are removed, and
    a text too long is cut at a word.
    """
    description = ""
    for text in map(_plain, texts):
        if not text:
            continue
        if description and description[-1] not in ".!?…":
            description += "."
        description = f"{description} {text}".strip()
        if len(description) >= DESCRIPTION_MIN:
            break
    return cut_at_word(description)


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int | None
    height: int | None
    alt: str


def _field_image(image, width, height, alt):
    if not image:
        return None
    return SocialImage(absolute_url(image.url), width or None, height or None, alt)


def social_image(clinic, *, image=None, width=None, height=None, alt=""):
    """The one choice of a page's preview image: its own, else the clinic's, else the default.

    `image` is an image field file of the page (an article's hero, a person's photo) with
    its stored size and alt text. The clinic's own default (`clinic.social_image`, cropped
    to 1200×630, when the profile has one) comes next; last, the 1200×630 image shipped in static/
    (`manage.py make_social_image` draws it).
    """
    own = _field_image(image, width, height, alt)
    if own:
        return own
    if clinic.social_image:  # cropped to 1200 × 630 when it was uploaded
        return SocialImage(
            absolute_url(clinic.social_image_rendition_url),
            SOCIAL_IMAGE_WIDTH,
            SOCIAL_IMAGE_HEIGHT,
            clinic.name,
        )
    return SocialImage(
        absolute_url(static(DEFAULT_SOCIAL_IMAGE)),
        SOCIAL_IMAGE_WIDTH,
        SOCIAL_IMAGE_HEIGHT,
        str(DEFAULT_SOCIAL_IMAGE_ALT),
    )


def iso_datetime(moment):
    """A full ISO 8601 date and time with its offset, in the site's time zone."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


@dataclass(frozen=True)
class PageMeta:
    """Everything a page says about itself in its <head>, besides the <title>."""

    title: str
    description: str
    image: SocialImage
    type: str = "website"
    published_time: str = ""
    modified_time: str = ""
    author_url: str = ""
    tags: list = field(default_factory=list)


def page_meta(clinic, *, title, description, image=None, **kwargs):
    """A PageMeta with the clinic's default image when the page has none."""
    return PageMeta(
        title=title,
        description=description,
        image=image or social_image(clinic),
        **kwargs,
    )


def article_meta(article, clinic, *, topics):
    """Open Graph `article:*` data: full ISO 8601 times, the author's page and topics."""
    hero = social_image(
        clinic,
        image=article.hero_image,
        width=article.hero_width,
        height=article.hero_height,
        alt=article.hero_alt,
    )
    return PageMeta(
        title=article.title,
        description=meta_description(
            article.summary,
            _("A plain-language research summary from %(clinic)s.") % {"clinic": clinic.name},
        ),
        image=hero,
        type="article",
        published_time=iso_datetime(article.publish_at),
        modified_time=iso_datetime(article.updated_at or article.publish_at),
        author_url=absolute_url(article.author.get_absolute_url()),
        tags=[topic.name for topic in topics],
    )
