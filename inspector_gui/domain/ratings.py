"""Ratings and the scales they belong to. A scale is framework data: ordered levels, each with
its word, short label and colour role (the points live with the framework). Four words, five
grades or scores 1–4 are all just scales. "Not rated" (an inspection cut short), *not recorded*
(no published rating in our sources) and *not applicable* (the framework has no such judgement)
are states outside every scale, and none of them earns points."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

ROLES = ("best", "good", "middle", "weak", "worst")
"""Colour roles a scale level may take; the palette gives each a fill."""
STATE_ROLES = ("not_rated", "not_recorded", "not_applicable")


@dataclass(frozen=True)
class Rating:
    """A level of a scale (``level`` counts the levels below it: 0 is the worst) or one of the
    states outside every scale (``level`` None). ``value`` is the word the store holds."""

    value: str
    label: str
    short: str
    role: str
    level: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> Rating:
        """Read a word of the four-word scale, or a state; raises ValueError for anything else."""
        return FOUR_WORD.parse(text)

    @property
    def is_graded(self) -> bool:
        """True for the levels of a scale."""
        return self.level is not None

    # The four-word scale's levels and the states, set below the class.
    OUTSTANDING: ClassVar[Rating]
    GOOD: ClassVar[Rating]
    REQUIRES_IMPROVEMENT: ClassVar[Rating]
    INADEQUATE: ClassVar[Rating]
    NOT_RATED: ClassVar[Rating]
    NOT_RECORDED: ClassVar[Rating]
    NOT_APPLICABLE: ClassVar[Rating]


def _key(text: str | None) -> str:
    """Matching ignores case and spacing."""
    return " ".join((text or "").split()).casefold()


@dataclass(frozen=True)
class Scale:
    """The ordered levels of a rating scale, best first, with the other words each is written as."""

    levels: tuple[Rating, ...]
    aliases: dict[str, Rating] = field(default_factory=dict, compare=False, hash=False)

    def parse(self, text: str | None) -> Rating:
        """A level (by its word or an alias) or a state; ValueError for anything else."""
        found = self._by_key.get(_key(text))
        if found is None:
            raise ValueError(f"unknown rating {text!r} (expected one of {', '.join(self.words)})")
        return found

    @cached_property
    def _by_key(self) -> dict[str, Rating]:
        """Every word read, levels before aliases before states: a store's matrix of 2,000 rows
        reads ~10,000 ratings, and a walk along the levels for each was 40 ms."""
        return _STATE_WORDS | self.aliases | {_key(r.value): r for r in self.levels}

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.levels) + (NOT_RATED.value, NOT_APPLICABLE.value)

    @property
    def top(self) -> tuple[Rating, ...]:
        """The levels that count as "good or better": those with the best or good colour role."""
        return tuple(r for r in self.levels if r.role in ("best", "good"))


def make_scale(levels: Iterable[tuple[str, str, str]], aliases: dict[str, str] | None = None) -> Scale:
    """A scale from ``(word, short, role)`` best first, and ``{other word: word}``; the four-word
    scale's own levels are reused, so its ratings compare by identity wherever they appear."""
    given = list(levels)
    built = tuple(_intern(Rating(word, word, short, role, len(given) - 1 - index))
                  for index, (word, short, role) in enumerate(given))
    by_word = {_key(r.value): r for r in built}
    return Scale(built, {_key(k): by_word[_key(v)] for k, v in (aliases or {}).items()})


def _intern(rating: Rating) -> Rating:
    return next((r for r in GRADED if r == rating), rating)


Rating.OUTSTANDING = Rating("Outstanding", "Outstanding", "O", "best", 3)
Rating.GOOD = Rating("Good", "Good", "G", "good", 2)
Rating.REQUIRES_IMPROVEMENT = Rating("Requires improvement", "Requires improvement", "RI", "weak", 1)
Rating.INADEQUATE = Rating("Inadequate", "Inadequate", "I", "worst", 0)
NOT_RATED = Rating.NOT_RATED = Rating("Not rated", "Not rated", "NR", "not_rated")
NOT_RECORDED = Rating.NOT_RECORDED = Rating("", "Not recorded", "–", "not_recorded")
NOT_APPLICABLE = Rating.NOT_APPLICABLE = Rating("Not applicable", "Not applicable", "n/a",
                                                "not_applicable")
GRADED = (Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE)
STATES = (NOT_RATED, NOT_RECORDED, NOT_APPLICABLE)
_STATE_WORDS = {_key(s.value): s for s in STATES} | {"not recorded": NOT_RECORDED}
FOUR_WORD = Scale(GRADED, {"poor": Rating.INADEQUATE,
                           "requires improvement to be good": Rating.REQUIRES_IMPROVEMENT})
"""The scale of HM Inspectorate of Probation and Ofsted; "Poor" is the older word for Inadequate
and "requires improvement to be good" Ofsted's full wording."""
WORDS = FOUR_WORD.words
