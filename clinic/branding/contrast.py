"""WCAG 2.2 contrast maths for hex colours, and the nearest colour that passes.

Relative luminance and contrast ratio follow the WCAG 2.x definitions
(https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). `nearest_passing` keeps the colour's
hue and saturation and moves only its lightness, as little as needed.
"""

import colorsys
import re

TEXT = 4.5  # normal text (1.4.3)
LARGE_TEXT_OR_UI = 3.0  # large text (1.4.3), borders and focus rings (1.4.11)

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_hex(value):
    """'#1f5f5b', '1F5F5B' or '#abc' as (r, g, b) in 0..255; ValueError for anything else."""
    match = _HEX.match(str(value).strip())
    if not match:
        raise ValueError(f"{value!r} is not a colour like #1f5f5b")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(character * 2 for character in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def to_hex(rgb):
    return "#" + "".join(f"{round(channel):02x}" for channel in rgb)


def normalise(value):
    """The canonical spelling of a colour: lower-case, six digits, with '#'."""
    return to_hex(parse_hex(value))


def _linear(channel):
    channel /= 255
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour):
    r, g, b = (_linear(c) for c in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    """The WCAG contrast ratio of two colours, from 1.0 to 21.0."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def lowest_ratio(colour, backgrounds):
    """The smallest contrast of `colour` against any of `backgrounds`, and that background."""
    return min((contrast_ratio(colour, background), background) for background in backgrounds)


def passes(colour, backgrounds, minimum=TEXT):
    return lowest_ratio(colour, backgrounds)[0] >= minimum


def nearest_passing(colour, backgrounds, minimum=TEXT):
    """The colour of the same hue and saturation, closest in lightness, that passes against
    every background; None when no lightness does (the backgrounds are too far apart)."""
    r, g, b = (channel / 255 for channel in parse_hex(colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    steps = 1000
    start = round(lightness * steps)
    for distance in range(steps + 1):
        for step in (start - distance, start + distance):
            if 0 <= step <= steps:
                rgb = colorsys.hls_to_rgb(hue, step / steps, saturation)
                candidate = to_hex(channel * 255 for channel in rgb)
                if passes(candidate, backgrounds, minimum):
                    return candidate
    return None


def format_ratio(ratio):
    """A ratio as people read it: 4.48:1 (rounded down, so 4.499 never shows as 4.5)."""
    return f"{int(ratio * 100) / 100:.2f}:1"
