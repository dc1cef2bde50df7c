"""Rating colours for views: the shared scale of :mod:`inspector_gui.domain.palette` (so the
matrix, charts and exports paint the same colours) for the ratings, and the widget's own palette
for everything else ("not recorded", "not applicable", text), so the window follows the system's
light or dark colour scheme. Colour is never the only cue: chips also carry a label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import Rating


def rating_fill(rating: Rating) -> QColor | None:
    """The fill for a rating, or None for "not recorded" (drawn as an empty cell with a dash)."""
    return None if rating is Rating.NOT_RECORDED else QColor(swatch(rating).fill)


def rating_text(rating: Rating, palette: QPalette) -> QColor:
    """A text colour that reads on the rating's fill (or on the base, when it has none)."""
    if rating is Rating.NOT_RECORDED:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    return QColor(swatch(rating).text)


def not_applicable_brush(palette: QPalette) -> QBrush:
    """Diagonal hatching: a standard the row's framework does not have."""
    return QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
