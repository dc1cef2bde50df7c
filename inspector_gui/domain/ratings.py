"""The rating scale. "Not rated" (an inspection cut short) and "not recorded" (no published
rating in our sources) are distinct states, and neither earns points."""

from __future__ import annotations

from enum import Enum


class Rating(Enum):
    """A published rating, best first, plus the two states that are not ratings."""

    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    REQUIRES_IMPROVEMENT = "Requires improvement"
    INADEQUATE = "Inadequate"
    NOT_RATED = "Not rated"
    NOT_RECORDED = ""

    @classmethod
    def parse(cls, text: str | None) -> Rating:
        """Read a rating word as written in a source; raises ValueError for anything else.

        Matching ignores case and spacing; "Poor" is the older word for Inadequate.
        """
        key = " ".join((text or "").split()).casefold()
        if key in _ALIASES:
            return _ALIASES[key]
        raise ValueError(f"unknown rating {text!r} (expected one of {', '.join(WORDS)})")

    @property
    def is_graded(self) -> bool:
        """True for the four levels of the scale."""
        return self in GRADED

    @property
    def level(self) -> int | None:
        """3 for Outstanding down to 0 for Inadequate; None when not a grade."""
        return 3 - GRADED.index(self) if self.is_graded else None

    @property
    def label(self) -> str:
        """The word shown to users."""
        return self.value or "Not recorded"

    @property
    def short(self) -> str:
        """A two-letter label for matrix cells, so colour is never the only cue."""
        return _SHORT[self]


GRADED = (Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE)
WORDS = tuple(r.value for r in GRADED) + (Rating.NOT_RATED.value,)
_SHORT = {
    Rating.OUTSTANDING: "O",
    Rating.GOOD: "G",
    Rating.REQUIRES_IMPROVEMENT: "RI",
    Rating.INADEQUATE: "I",
    Rating.NOT_RATED: "NR",
    Rating.NOT_RECORDED: "–",
}
_ALIASES = {r.value.casefold(): r for r in Rating} | {"poor": Rating.INADEQUATE}

