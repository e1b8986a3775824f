"""WCAG contrast maths and the brand-colour rule built on it."""

import pytest

from clinic.branding import contrast, palette


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic just-failing grey
        ("#767676", "#ffffff", 4.54),
        ("#1f5f5b", "#f7f5f0", 6.77),
    ],
)
def test_contrast_ratio_matches_the_wcag_formula(first, second, expected):
    assert contrast.contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)
    assert contrast.contrast_ratio(second, first) == pytest.approx(expected, abs=0.01)


def test_short_and_upper_case_hex_are_read_and_anything_else_is_refused():
    assert contrast.normalise("ABC") == "#aabbcc"
    assert contrast.normalise("#1F5F5B") == "#1f5f5b"
    for bad in ("", "red", "#12345", "#gggggg", "rgb(0,0,0)"):
        with pytest.raises(ValueError):
            contrast.parse_hex(bad)


def test_ratio_is_shown_rounded_down_so_a_failing_colour_never_reads_as_passing():
    assert contrast.format_ratio(4.4999) == "4.49:1"
    assert contrast.format_ratio(21) == "21.00:1"


def test_nearest_passing_colour_passes_and_keeps_the_hue():
    backgrounds = palette.BACKGROUNDS["light"]
    nearest = contrast.nearest_passing("#66aaff", backgrounds)
    assert contrast.passes(nearest, backgrounds)
    assert contrast.lowest_ratio(nearest, backgrounds)[0] < 4.7  # close to the line, not black
    r, g, b = contrast.parse_hex(nearest)
    assert b > r and b > g  # still a blue


def test_nearest_passing_returns_the_colour_itself_when_it_already_passes():
    backgrounds = palette.BACKGROUNDS["light"]
    assert contrast.nearest_passing("#1f5f5b", backgrounds) == "#1f5f5b"


def test_no_lightness_passes_against_both_black_and_white_at_seven_to_one():
    assert contrast.nearest_passing("#808080", ["#000000", "#ffffff"], minimum=7) is None


def test_light_brand_colour_too_pale_is_refused_with_ratio_and_nearest_colour():
    message = palette.contrast_problem("#66aaff", "light")
    ratio = contrast.lowest_ratio("#66aaff", palette.BACKGROUNDS["light"])[0]
    nearest = contrast.nearest_passing("#66aaff", palette.BACKGROUNDS["light"])
    assert contrast.format_ratio(ratio) in message
    assert "at least 4.5:1" in message
    assert f"The nearest colour that passes is {nearest}." in message


def test_dark_mode_colour_too_dark_for_the_dark_background_is_refused():
    message = palette.contrast_problem("#1f5f5b", "dark")
    assert "dark" in message and "The nearest colour that passes is #" in message


def test_default_colours_pass_in_their_schemes():
    assert palette.contrast_problem(palette.DEFAULT_LIGHT, "light") == ""
    assert palette.contrast_problem(palette.DEFAULT_DARK, "dark") == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hover_colour_has_at_least_the_contrast_of_the_brand_colour(scheme):
    colour = "#0064e2" if scheme == "light" else "#7fb8ff"
    backgrounds = palette.BACKGROUNDS[scheme]
    hover = palette.hover_colour(colour, scheme)
    assert (
        contrast.lowest_ratio(hover, backgrounds)[0]
        >= contrast.lowest_ratio(colour, backgrounds)[0]
    )


def test_brand_css_sets_accent_on_screen_only_so_print_stays_black():
    css = palette.brand_css("#aa3366", "#ff99cc")
    assert "@media screen{:root{--brand:#aa3366;" in css
    assert "@media screen and (prefers-color-scheme:dark){:root{--brand:#ff99cc;" in css
    assert "print" not in css
