from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from clinic.authoring.renditions import srcsets

register = template.Library()
PRIORITY = mark_safe(' fetchpriority="high"')  # noqa: S308 - constant markup
LAZY = mark_safe(' loading="lazy" decoding="async"')  # noqa: S308 - constant markup


@register.simple_tag
def picture(image, width, height, alt="", sizes="100vw", priority=False, css_class=""):
    """A <picture> with AVIF/WebP renditions, the original as fallback, and its real size.

    `priority` marks the page's main image (fetched early); every other one loads lazily.
    """
    if not image:
        return ""
    loading = PRIORITY if priority else LAZY
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((t, s, sizes) for t, s in srcsets(image, width)),
    )
    return format_html(
        '<picture>{}<img src="{}" alt="{}" width="{}" height="{}"{}{}></picture>',
        sources,
        image.url,
        alt,
        width or "",
        height or "",
        format_html(' class="{}"', css_class) if css_class else "",
        loading,
    )


@register.filter
def art_variant(pk):
    """Which of the four brand-coloured patterns a card without a picture gets (by its id)."""
    try:
        return int(pk) % 4
    except (TypeError, ValueError):
        return 0


@register.filter
def initials(name):
    """“Miriam Okafor” -> “MO”: the letters shown in place of a missing photo."""
    words = [word for word in str(name).split() if word[:1].isalpha()]
    if len(words) > 2 and words[0].lower() in {"the", "a", "an"}:  # “The Clinic Team” -> “CT”
        words = words[1:]
    letters = [words[0][0], words[-1][0]] if len(words) > 1 else [w[0] for w in words]
    return "".join(letters).upper()
