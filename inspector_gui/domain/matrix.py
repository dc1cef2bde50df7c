"""What the rating matrix shows in each cell when its rows span frameworks.

The columns are the standards of one framework. A row inspected under that framework shows its
rating for each standard by code. A row of another framework shows its rating for the standard
*of the same name* (2021's "2.2 Assessment" under 2023's "2.1 Assessment"), because codes were
renumbered between frameworks while names were kept; a standard its framework does not have, or
that does not apply to its provider type, is *not applicable* — distinct from *not recorded*, a
standard that applies but has no published rating in our sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.league import LeagueEntry, league_table
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow, RatingCell


class CellState(Enum):
    RATED = "rated"
    NOT_RECORDED = "not recorded"
    NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class Cell:
    """One standard column of one row: its state, rating and the row's own standard."""

    state: CellState
    rating: Rating = Rating.NOT_RECORDED
    standard: Standard | None = None
    source: RatingCell | None = None

    @property
    def label(self) -> str:
        """The rating's word, or the state's words when there is no rating."""
        return self.rating.label if self.state is CellState.RATED else self.state.value

    @property
    def stated(self) -> bool:
        """False where the rating came from news or press-release wording, not the inspectorate."""
        return self.source is None or self.source.stated


def column_framework(rows: Sequence[MatrixRow], frameworks: dict[str, Framework],
                     preferred: str | None = None) -> Framework | None:
    """The framework whose standards become the columns: ``preferred`` when known, else the one
    most rows were inspected under (ties go to the framework of the newest such row)."""
    if preferred in frameworks:
        return frameworks[preferred]
    counts = Counter(r.inspection.framework_id for r in rows if r.inspection.framework_id in frameworks)
    if not counts:
        return None
    newest = {r.inspection.framework_id: r.inspection.published for r in
              sorted(rows, key=lambda r: r.inspection.published)}
    best = max(counts, key=lambda fid: (counts[fid], newest.get(fid), fid))
    return frameworks[best]


def own_standard(row: MatrixRow, column: Standard, frameworks: dict[str, Framework]) -> Standard | None:
    """The row's standard that a column stands for, or None when the row's framework has none."""
    framework = frameworks.get(row.inspection.framework_id)
    if framework is None:
        return None
    applicable = framework.standards_for(row.provider.provider_type)
    if framework.framework_id == column.framework_id:
        return next((s for s in applicable if s.code == column.code), None)
    name = column.name.casefold()
    return next((s for s in applicable if s.name.casefold() == name), None)


def _cell(row: MatrixRow, standard: Standard | None) -> Cell:
    if standard is None:
        return Cell(CellState.NOT_APPLICABLE)
    source = row.cells.get(standard.code)
    if source is None or source.rating is Rating.NOT_RECORDED:
        return Cell(CellState.NOT_RECORDED, standard=standard)
    return Cell(CellState.RATED, source.rating, standard, source)


@dataclass(frozen=True)
class MatrixData:
    """Everything the matrix shows, computed in one go off the GUI thread: the rows, the framework
    whose standards are the columns, each row's cells and its league entry among these rows."""

    rows: tuple[MatrixRow, ...] = ()
    framework: Framework | None = None
    cells: tuple[tuple[Cell, ...], ...] = ()
    entries: tuple[LeagueEntry, ...] = ()

    @property
    def standards(self) -> tuple[Standard, ...]:
        return self.framework.standards if self.framework else ()


def build_matrix(rows: Sequence[MatrixRow], frameworks: dict[str, Framework],
                 preferred: str | None = None) -> MatrixData:
    """Resolve every cell and rank every row; a row's standards are matched to the columns once
    per (framework, provider type), not once per cell."""
    framework = column_framework(rows, frameworks, preferred)
    columns = framework.standards if framework else ()
    matches: dict[tuple[str, str], tuple[Standard | None, ...]] = {}
    cells = []
    for row in rows:
        key = (row.inspection.framework_id, row.provider.provider_type)
        if key not in matches:
            matches[key] = tuple(own_standard(row, column, frameworks) for column in columns)
        cells.append(tuple(_cell(row, standard) for standard in matches[key]))
    ranked = {id(entry.row): entry for entry in league_table(rows)}
    return MatrixData(tuple(rows), framework, tuple(cells), tuple(ranked[id(row)] for row in rows))
