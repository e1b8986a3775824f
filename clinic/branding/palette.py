"""Where the brand colours are used, the contrast they need there, and the stylesheet.

The brand colour is the site's `--brand`: link and button text on the page, card and
header backgrounds, and (the other way round) the background of buttons whose text is
the page or card colour. Each scheme's colour is checked against every one of those
backgrounds (static/css/tokens.css, both schemes) at 4.5:1, which covers the 3:1
needed by focus rings and borders drawn in the same colour.
"""

import hashlib

from . import contrast

DEFAULT_LIGHT = "#1f5f5b"
DEFAULT_DARK = "#7fd0c5"

BACKGROUNDS = {
    "light": {
        "#f7f5f0": "the page background",
        "#ffffff": "cards, the header and button text",
        "#efebe3": "highlighted menu items",
        "#e7f0ee": "study boxes",
        "#edf1f6": "note boxes",
    },
    "dark": {
        "#15191c": "the dark page background and button text",
        "#1d2327": "dark cards and the header",
        "#1a1f22": "dark highlighted menu items",
        "#182827": "dark study boxes",
        "#1c2330": "dark note boxes",
    },
}


def contrast_problem(colour, scheme):
    """A message for the editor when `colour` fails in `scheme` ("light"/"dark"), else ""."""
    try:
        colour = contrast.normalise(colour)
    except ValueError:
        return "Pick a colour, or type one like #1f5f5b."
    backgrounds = BACKGROUNDS[scheme]
    ratio, background = contrast.lowest_ratio(colour, backgrounds)
    if ratio >= contrast.TEXT:
        return ""
    nearest = contrast.nearest_passing(colour, backgrounds)
    suggestion = (
        f" The nearest colour that passes is {nearest}."
        if nearest
        else " No shade of this colour passes; try a darker or lighter colour."
    )
    return (
        f"{colour} has a contrast of only {contrast.format_ratio(ratio)} against "
        f"{backgrounds[background]} ({background}); links and buttons need at least 4.5:1 "
        f"(WCAG 2.2 AA).{suggestion}"
    )


def hover_colour(colour, scheme):
    """A little darker on the light site, a little lighter in dark mode: more contrast."""
    target = "#000000" if scheme == "light" else "#ffffff"
    mix = [
        a + (b - a) * 0.3
        for a, b in zip(contrast.parse_hex(colour), contrast.parse_hex(target), strict=True)
    ]
    return contrast.to_hex(mix)


def _properties(colour, scheme):
    colour = contrast.normalise(colour)
    hover = hover_colour(colour, scheme)
    return f"--brand:{colour};--brand-hover:{hover};--focus:{colour};--study-edge:{colour};"


def is_default(light, dark):
    return (contrast.normalise(light), contrast.normalise(dark)) == (DEFAULT_LIGHT, DEFAULT_DARK)


def brand_css(light, dark):
    """The custom properties that override tokens.css's brand colour on screen (print: black)."""
    return (
        "/* The clinic's brand colours, from its site settings. */\n"
        f"@media screen{{:root{{{_properties(light, 'light')}}}}}\n"
        "@media screen and (prefers-color-scheme:dark)"
        f"{{:root{{{_properties(dark, 'dark')}}}}}\n"
    )


def css_digest(css):
    return hashlib.sha256(css.encode()).hexdigest()[:12]
