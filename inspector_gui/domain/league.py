"""League tables: providers ranked by score, with incomplete scores kept in the table, unranked.

A score the inspectorate published is used as published; otherwise the score is computed from the
standard ratings only when every applicable standard is rated. Frameworks have different maximum
scores (30, 27, 21), so the ranking is by share of the maximum. Equal shares share a rank, marked tied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import groupby

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import code_order
from inspector_gui.domain.records import MatrixRow

PUBLISHED, COMPUTED, INCOMPLETE = "published", "computed", "incomplete"
_PUBLISHED_SCORE = re.compile(r"^\s*(\d+)\s*(?:(?:of|/)\s*(\d+))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LeagueEntry:
    """A matrix row with the score it is ranked on, or none (``basis`` says which)."""

    row: MatrixRow
    points: int | None
    maximum: int | None
    basis: str
    rank: int | None = None
    tied: bool = False

    @property
    def share(self) -> Fraction | None:
        """Points as an exact share of the maximum, the ranking key."""
        if self.points is None or not self.maximum:
            return None
        return Fraction(self.points, self.maximum)

    @property
    def score_label(self) -> str:
        if self.points is not None:
            return f"{self.points} of {self.maximum}" if self.maximum else str(self.points)
        return f"incomplete: {self.row.score.label}" if self.row.score else "incomplete"


@dataclass(frozen=True)
class LeagueTable:
    """Ranked entries with the provenance every export states."""

    entries: tuple[LeagueEntry, ...]
    latest_only: bool
    as_at: PartialDate
    generated_on: dt.date
    generated_by: str
    attribution: str = ""

    def standard_codes(self) -> list[str]:
        """Every standard code rated in the table, in numeric order (``1.2`` before ``1.10``)."""
        codes = {code for entry in self.entries for code in entry.row.cells}
        return sorted(codes, key=code_order)


def score_entry(row: MatrixRow) -> LeagueEntry:
    """The score a row is ranked on: published, else computed when complete, else none."""
    maximum = row.score.maximum if row.score else None
    match = _PUBLISHED_SCORE.match(row.inspection.published_score)
    if match:
        published_max = int(match.group(2)) if match.group(2) else maximum
        return LeagueEntry(row, int(match.group(1)), published_max, PUBLISHED)
    if row.score and row.score.complete:
        return LeagueEntry(row, row.score.points, maximum, COMPUTED)
    return LeagueEntry(row, None, maximum, INCOMPLETE)


def league_table(rows: Iterable[MatrixRow]) -> list[LeagueEntry]:
    """Scored rows ranked by share of the maximum (ties share a rank), then the rest by name."""
    entries = [score_entry(row) for row in rows]
    scored = sorted((e for e in entries if e.share is not None),
                    key=lambda e: (-(e.share or 0), -(e.points or 0), e.row.provider.name.casefold()))
    rest = sorted((e for e in entries if e.share is None),
                  key=lambda e: (e.row.provider.name.casefold(), e.row.inspection.inspection_id))
    return _ranked(scored) + rest


def _ranked(entries: list[LeagueEntry]) -> list[LeagueEntry]:
    """Standard competition ranking: 1, 2, =3, =3, 5."""
    ranked: list[LeagueEntry] = []
    for _, group in groupby(entries, key=lambda e: e.share):
        tied = list(group)
        rank = len(ranked) + 1
        ranked += [replace(e, rank=rank, tied=len(tied) > 1) for e in tied]
    return ranked
