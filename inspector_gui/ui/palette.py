"""Rating colours: a blue–red diverging scale (ColorBrewer RdBu) that colour-blind readers can
tell apart by lightness, with a text colour chosen for contrast on each fill. Fills are the same in
light and dark mode; everything else (text, "not recorded", "not applicable") comes from the
widget's palette, so the app follows the system's colour scheme.

Colour is never the only cue: every cell and badge also carries a short label or the word.
Charts can use :data:`RATING_FILLS` to match the matrix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

from inspector_gui.domain.ratings import Rating

RATING_FILLS: dict[Rating, str] = {
    Rating.OUTSTANDING: "#2166ac",
    Rating.GOOD: "#67a9cf",
    Rating.REQUIRES_IMPROVEMENT: "#ef8a62",
    Rating.INADEQUATE: "#b2182b",
    Rating.NOT_RATED: "#969696",
}
"""Hex fill per rating ("not recorded" has no fill: it is drawn as an empty cell)."""

_DARK_TEXT = {Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.NOT_RATED}


def rating_fill(rating: Rating) -> QColor | None:
    """The fill for a rating, or None for "not recorded"."""
    hex_colour = RATING_FILLS.get(rating)
    return QColor(hex_colour) if hex_colour else None


def rating_text(rating: Rating, palette: QPalette) -> QColor:
    """A text colour that reads on the rating's fill (or on the base, when it has none)."""
    if rating not in RATING_FILLS:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    return QColor("#111111") if rating in _DARK_TEXT else QColor("#ffffff")


def not_applicable_brush(palette: QPalette) -> QBrush:
    """Diagonal hatching: a standard the row's framework does not have."""
    return QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)


def is_dark(palette: QPalette) -> bool:
    """True when the window background is darker than its text (a dark colour scheme)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < \
        palette.color(QPalette.ColorRole.WindowText).lightness()
