"""The shared rating palette: readable labels, distinct states, safe for colour-blind readers."""

from __future__ import annotations

import itertools

import pytest

from inspector_gui.domain.palette import (
    DARK_NOT_APPLICABLE,
    DARK_SWATCHES,
    NOT_APPLICABLE,
    RATING_SWATCHES,
    SERIES_COLOURS,
    contrast_ratio,
    series_colour,
    swatch,
    text_on,
)
from inspector_gui.domain.ratings import GRADED, Rating

LIGHT_BACKGROUND, DARK_BACKGROUND = "#ffffff", "#1e1f22"
# Machado et al. (2009) simulation matrices at full severity, applied to linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(colour: str) -> list[float]:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [(v / w) ** (1 / 3) if v / w > 0.008856 else 7.787 * v / w + 16 / 116
         for v, w in zip(xyz, (0.9505, 1.0, 1.089), strict=True)]
    return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))


def _seen(colour: str, matrix: tuple[tuple[float, ...], ...] | None) -> tuple[float, float, float]:
    rgb = _linear(colour)
    if matrix:
        rgb = [sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix]
    return _lab(rgb)


@pytest.mark.parametrize("looks", [[*RATING_SWATCHES.values(), NOT_APPLICABLE],
                                   [*DARK_SWATCHES.values(), DARK_NOT_APPLICABLE]])
def test_every_label_is_readable_on_its_fill(looks):
    for look in looks:
        assert contrast_ratio(look.fill, look.text) >= 4.5, look


@pytest.mark.parametrize("vision", [None, *CVD.values()])
def test_the_four_grades_stay_apart_for_colour_blind_readers(vision):
    fills = [RATING_SWATCHES[r].fill for r in GRADED]
    for first, second in itertools.combinations(fills, 2):
        a, b = _seen(first, vision), _seen(second, vision)
        assert sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5 > 12, (first, second)


@pytest.mark.parametrize("background", [LIGHT_BACKGROUND, DARK_BACKGROUND])
def test_every_grade_stands_apart_from_light_and_dark_backgrounds(background):
    for rating in GRADED:
        assert contrast_ratio(RATING_SWATCHES[rating].fill, background) >= 1.3


def test_states_that_are_not_grades_look_different_from_grades_and_each_other():
    states = [RATING_SWATCHES[Rating.NOT_RATED], RATING_SWATCHES[Rating.NOT_RECORDED], NOT_APPLICABLE]
    fills = {RATING_SWATCHES[r].fill for r in GRADED}
    assert all(s.fill not in fills for s in states)
    assert len({(s.fill, s.hatch) for s in states}) == 3
    assert NOT_APPLICABLE.hatched and not any(s.hatched for s in RATING_SWATCHES.values())
    assert NOT_APPLICABLE.fill == "#ffffff" and DARK_NOT_APPLICABLE.fill == DARK_BACKGROUND


def test_swatch_chooses_by_rating_applicability_and_theme():
    assert swatch(Rating.GOOD) is RATING_SWATCHES[Rating.GOOD]
    assert swatch(Rating.GOOD, applicable=False).hatched
    assert swatch(Rating.GOOD, dark=True).fill == swatch(Rating.GOOD).fill
    assert swatch(Rating.NOT_RECORDED, dark=True).fill != swatch(Rating.NOT_RECORDED).fill
    assert contrast_ratio(swatch(Rating.NOT_RECORDED, dark=True).fill, DARK_BACKGROUND) < 2


def test_every_swatch_carries_the_short_label_so_colour_is_not_the_only_cue():
    assert [RATING_SWATCHES[r].short for r in GRADED] == ["O", "G", "RI", "I"]
    assert RATING_SWATCHES[Rating.INADEQUATE].label == "Inadequate"


def test_text_on_prefers_white_where_it_is_readable():
    assert text_on("#000000") == "#ffffff"
    assert text_on("#ffffff") == "#000000"
    assert text_on("#fdae61") == "#000000"


def test_series_colours_cycle_and_avoid_the_invisible_ones():
    assert series_colour(0) == series_colour(len(SERIES_COLOURS))
    for colour in SERIES_COLOURS:
        assert contrast_ratio(colour, LIGHT_BACKGROUND) >= 1.9
        assert contrast_ratio(colour, DARK_BACKGROUND) >= 2.5
