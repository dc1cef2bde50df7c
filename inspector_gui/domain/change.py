"""The one rule for how a rating moved between two inspections, used by the provider tree, the
matrix, ``inspector ratings``, compare and every export format, so they never disagree.

Ratings use the same four words in every framework, so a change across a framework change is
still stated — up, down or same — but marked **mapped, not identical**: the standards and rating
rules behind the words differ. A standard is matched across frameworks only through its
``concept`` (:func:`counterpart`), never by code alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from inspector_gui.domain.frameworks import Standard
from inspector_gui.domain.ratings import Rating

MAPPED = "mapped, not identical"
ACROSS = f"{MAPPED}: the previous inspection used another framework"


class Change(Enum):
    """The direction of a rating since the previous inspection."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    NEWLY_RATED = "newly rated"
    NO_LONGER_RATED = "no longer rated"
    NONE = ""
    """Nothing to compare: no previous inspection, or neither rating graded."""

    @property
    def symbol(self) -> str:
        """A glyph for tight cells (only for graded-to-graded moves); the words are in ``label``."""
        return _SYMBOLS.get(self, "")

    @property
    def label(self) -> str:
        return f"{self.value} since the previous inspection" if self is not Change.SAME else (
            "same as the previous inspection")


_SYMBOLS = {Change.UP: "▲", Change.DOWN: "▼", Change.SAME: "="}


@dataclass(frozen=True)
class Movement:
    """A change and whether the two ratings were given under different frameworks."""

    change: Change = Change.NONE
    mapped: bool = False

    @property
    def value(self) -> str:
        """``down``, ``down, mapped, not identical``; empty when there is nothing to compare."""
        if self.change is Change.NONE:
            return ""
        return f"{self.change.value}, {MAPPED}" if self.mapped else self.change.value

    @property
    def symbol(self) -> str:
        """``▼``, ``▼≈`` across frameworks; empty without a graded move."""
        symbol = self.change.symbol
        return symbol + "≈" if symbol and self.mapped else symbol

    @property
    def label(self) -> str:
        """The words for a tooltip or a screen reader."""
        if self.change is Change.NONE:
            return ""
        return f"{self.change.label}; {ACROSS}" if self.mapped else self.change.label


def movement(previous: Rating | None, current: Rating, same_framework: bool = True) -> Movement:
    """How ``current`` moved from ``previous`` (None: there is no earlier inspection)."""
    if previous is None:
        return Movement()
    mapped = not same_framework
    if previous.is_graded and current.is_graded:
        step = (current.level or 0) - (previous.level or 0)
        return Movement(Change.UP if step > 0 else Change.DOWN if step < 0 else Change.SAME, mapped)
    if current.is_graded:
        return Movement(Change.NEWLY_RATED, mapped)
    if previous.is_graded:
        return Movement(Change.NO_LONGER_RATED, mapped)
    return Movement()


def counterpart(standard: Standard, earlier: Sequence[Standard], same_framework: bool) -> Standard | None:
    """The earlier inspection's standard that ``standard`` is compared with: the same code in one
    framework; across frameworks the one with the same concept (mapped, not identical), or none."""
    if same_framework:
        return next((s for s in earlier if s.code == standard.code), None)
    if not standard.concept:
        return None
    return next((s for s in earlier if s.concept == standard.concept), None)
