"""Rating colours as hex strings, free of Qt, so exports, charts and views paint the same scale.

The four grades come from the Okabe–Ito palette, which people with the common forms of colour
blindness can tell apart: blues for the good end, orange and vermilion for the bad end, so the scale
also reads as light/dark in greyscale print. Colour is never the only cue: every cell also carries
a word or :attr:`Rating.short` label. Text colours are chosen for contrast with their fill.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_gui.domain.ratings import Rating


@dataclass(frozen=True)
class Swatch:
    """A fill and a text colour that reads on it, both ``#rrggbb``."""

    fill: str
    text: str


RATING_SWATCHES: dict[Rating, Swatch] = {
    Rating.OUTSTANDING: Swatch("#0072B2", "#FFFFFF"),
    Rating.GOOD: Swatch("#56B4E9", "#000000"),
    Rating.REQUIRES_IMPROVEMENT: Swatch("#E69F00", "#000000"),
    Rating.INADEQUATE: Swatch("#D55E00", "#000000"),
    Rating.NOT_RATED: Swatch("#BBBBBB", "#000000"),
    Rating.NOT_RECORDED: Swatch("#F2F2F2", "#555555"),
}
NOT_APPLICABLE = Swatch("#FFFFFF", "#888888")
"""A standard the inspection's framework does not have for this provider: distinct from a
standard that has no published rating (:attr:`Rating.NOT_RECORDED`)."""


def swatch(rating: Rating) -> Swatch:
    """The colours of a rating."""
    return RATING_SWATCHES[rating]
