"""The one palette for ratings, free of Qt, shared by the charts, the matrix delegate and the
HTML/PDF export, so every view paints the same scale.

The four grades use ColorBrewer's 4-class RdYlBu scheme (with a deeper blue for Outstanding, so white
text reads on it): diverging (good is blue, bad is red) and distinct for the common forms of colour
blindness. It replaced Okabe–Ito's blues and oranges because the neighbouring grades that matter
most, Outstanding/Good and Requires improvement/Inadequate, are about twice as far apart here
(CIELAB ΔE 54 and 56 against 26 and 33; 28 against 18 for Requires improvement/Inadequate under
simulated deuteranopia; tests/unit/test_palette.py). Every fill stands apart from white and from a
dark background.

Colour is never the only cue: each swatch carries its words and short label, and a text colour
chosen for contrast (WCAG ratio at least 4.5). "Not recorded" (no published rating) is a quiet grey,
darker on a dark background. "Not applicable" (a standard the inspection's framework does not have)
is the background colour with diagonal hatching in ``hatch``, so it never looks like a rating.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_gui.domain.ratings import GRADED, Rating

BLACK = "#000000"
WHITE = "#ffffff"


@dataclass(frozen=True)
class Swatch:
    """How one rating state looks, colours as ``#rrggbb``: the fill, text that reads on it, the
    words, the short cell label, and the colour of diagonal hatching drawn over the fill (if any)."""

    fill: str
    text: str
    label: str
    short: str
    hatch: str = ""

    @property
    def hatched(self) -> bool:
        return bool(self.hatch)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill: str) -> str:
    """White where it reaches WCAG's 4.5 on ``fill`` (it reads better on saturated colours than
    black of similar ratio), else whichever of black and white contrasts more."""
    if contrast_ratio(fill, WHITE) >= 4.5:
        return WHITE
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


ROLE_FILLS = {
    "best": "#2166ac", "good": "#abd9e9", "middle": "#f0e442", "weak": "#fdae61",
    "worst": "#d7191c", "not_rated": "#7f7f7f", "not_recorded": "#e3e3e3",
}
"""A fill per colour role of a scale level (``domain.ratings.ROLES``) and per state. A five-level
scale's middle level (HMICFRS's Adequate) takes Okabe–Ito's yellow, between Good's pale blue and
Requires improvement's orange and apart from both for colour-blind readers."""
# On a dark background the states that mean "nothing here" recede into dark greys; the grades and
# "not rated" keep their colours in both themes.
DARK_ROLE_FILLS = ROLE_FILLS | {"not_recorded": "#45474c"}


def _swatch(rating: Rating, fills: dict[str, str]) -> Swatch:
    fill = fills.get(rating.role, fills["not_recorded"])
    return Swatch(fill, text_on(fill), rating.label, rating.short)


_EXAMPLES = (*GRADED, Rating.NOT_RATED, Rating.NOT_RECORDED)
RATING_SWATCHES: dict[Rating, Swatch] = {r: _swatch(r, ROLE_FILLS) for r in _EXAMPLES}
"""The four-word scale and the states, as every view paints them."""
NOT_APPLICABLE = Swatch(WHITE, "#595959", "Not applicable", "n/a", hatch="#8c8c8c")
DARK_SWATCHES: dict[Rating, Swatch] = {r: _swatch(r, DARK_ROLE_FILLS) for r in _EXAMPLES}
DARK_NOT_APPLICABLE = Swatch("#1e1f22", "#a6a6a6", "Not applicable", "n/a", hatch="#74777d")

# Colours for series that are not ratings (domains, standards): Okabe and Ito's colour-blind-safe
# set, without its yellow and black, which vanish on white or on a dark background.
SERIES_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2", "#999999")


def swatch(rating: Rating, applicable: bool = True, dark: bool = False) -> Swatch:
    """The swatch for a rating of any scale, by its colour role, or a state; ``applicable=False``
    for a standard outside the framework; ``dark`` for a dark background."""
    if not applicable or rating.role == "not_applicable":
        return DARK_NOT_APPLICABLE if dark else NOT_APPLICABLE
    known = (DARK_SWATCHES if dark else RATING_SWATCHES).get(rating)
    return known or _swatch(rating, DARK_ROLE_FILLS if dark else ROLE_FILLS)


def series_colour(index: int) -> str:
    """The ``index``-th series colour, cycling."""
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]
