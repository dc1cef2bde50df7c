"""League tables: a comparable score per matrix row and competition ranks with visible ties.

A row's score is the one we compute when every applicable standard is rated, else the score the
inspectorate published, else none (only coverage, "4 of 10 standards recorded"). Scores of
different frameworks have different maxima (30, 27, 21), so rows rank by their share of the
maximum; equal shares share a rank ("=2"), and rows without a score are not ranked at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_gui.domain.records import MatrixRow

_PUBLISHED = re.compile(r"^\s*(\d+)\s*(?:of|/|out of)\s*(\d+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LeagueScore:
    """A row's score (computed or published) or, when there is none, its coverage."""

    points: int | None
    maximum: int
    recorded: int = 0
    required: int = 0
    published: bool = False

    @property
    def complete(self) -> bool:
        return self.points is not None and self.maximum > 0

    @property
    def fraction(self) -> float | None:
        """Share of the maximum: what ranks rows of different frameworks."""
        return self.points / self.maximum if self.complete and self.points is not None else None

    @property
    def label(self) -> str:
        if self.complete:
            return f"{self.points} of {self.maximum}"
        return f"{self.recorded}/{self.required} recorded" if self.required else "no standards"

    @property
    def explanation(self) -> str:
        """One sentence on where the figure comes from, for tooltips and the detail pane."""
        if self.published:
            return f"Score {self.label}, as published by the inspectorate."
        if self.complete:
            return f"Score {self.label}, the sum of points for every rated standard."
        return (f"No score: {self.recorded} of {self.required} standards have a recorded rating, "
                "and a score needs all of them.")


def parse_published(text: str) -> tuple[int, int] | None:
    """``(points, maximum)`` from a published score such as ``3 of 27`` or ``21/30``."""
    match = _PUBLISHED.match(text or "")
    if not match:
        return None
    points, maximum = int(match.group(1)), int(match.group(2))
    return (points, maximum) if 0 <= points <= maximum and maximum > 0 else None


def league_score(row: MatrixRow) -> LeagueScore:
    """The score to rank a row by: computed if complete, else published, else coverage only."""
    score = row.score
    recorded, required = (score.recorded, score.required) if score else (0, 0)
    if score is not None and score.complete:
        return LeagueScore(score.points, score.maximum, recorded, required)
    published = parse_published(row.inspection.published_score)
    if published:
        return LeagueScore(published[0], published[1], recorded, required, published=True)
    return LeagueScore(None, score.maximum if score else 0, recorded, required)


def league_ranks(scores: Sequence[LeagueScore]) -> list[str]:
    """Competition ranks in input order: ``1``, ``=2``, ``=2``, ``4``; ``""`` for unscored rows."""
    fractions = [s.fraction for s in scores]
    ranked = sorted((f for f in fractions if f is not None), reverse=True)
    ties = Counter(ranked)
    first: dict[float, int] = {}
    for position, fraction in enumerate(ranked, start=1):
        first.setdefault(fraction, position)
    return ["" if f is None else f"={first[f]}" if ties[f] > 1 else str(first[f]) for f in fractions]
