"""What the rating matrix shows when its rows span frameworks: one block of columns per framework.

A standard is (framework, code): "2.1" is Assessment in 2018, Court work in 2021 and Desistance in
a region's 2023 framework, so no column ever holds two frameworks' standards. The columns are laid
out in blocks, one per framework of the rows shown (the framework asked for first, then newest
first), each block headed by its framework, domains and standards. A row's ratings sit in its own
framework's block; the other blocks' cells are *another framework's* standard, shown empty. Within
its own block a cell is rated, *not recorded* (the standard applies but our sources have no
rating) or *not applicable* (the standard is not one its provider type is rated on).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.league import LeagueEntry, league_table
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow, RatingCell


class CellState(Enum):
    RATED = "rated"
    NOT_RECORDED = "not recorded"
    NOT_APPLICABLE = "not applicable"
    OTHER_FRAMEWORK = "other framework"


@dataclass(frozen=True, slots=True)
class Cell:
    """One standard column of one row: its state, rating and the column's standard."""

    state: CellState
    rating: Rating = Rating.NOT_RECORDED
    standard: Standard | None = None
    source: RatingCell | None = None

    @property
    def label(self) -> str:
        """The rating's word, or the state's words; nothing for another framework's column."""
        if self.state is CellState.OTHER_FRAMEWORK:
            return ""
        return self.rating.label if self.state is CellState.RATED else self.state.value

    @property
    def stated(self) -> bool:
        """False where the rating came from news or press-release wording, not the inspectorate."""
        return self.source is None or self.source.stated


@dataclass(frozen=True)
class Block:
    """One framework's columns: its standards that apply to some row of it."""

    framework: Framework
    standards: tuple[Standard, ...]


def block_order(rows: Sequence[MatrixRow], frameworks: Mapping[str, Framework],
                preferred: str | None = None) -> list[Framework]:
    """The frameworks of the rows, ``preferred`` first, then by their newest row, newest first."""
    newest: dict[str, object] = {}
    for row in sorted(rows, key=lambda r: r.inspection.published):
        newest[row.inspection.framework_id] = row.inspection.published
    ordered = sorted((f for f in newest if f in frameworks), key=lambda f: (newest[f], f), reverse=True)
    if preferred in frameworks:
        ordered = [preferred] + [f for f in ordered if f != preferred]
    return [frameworks[f] for f in ordered]


def blocks_for(rows: Sequence[MatrixRow], frameworks: Mapping[str, Framework],
               preferred: str | None = None) -> tuple[Block, ...]:
    """A block per framework of the rows; a standard no row's provider type is rated on (the
    CRC-specific ones when only NPS divisions are shown) is left out."""
    types: dict[str, set[str]] = {}
    for row in rows:
        types.setdefault(row.inspection.framework_id, set()).add(row.provider.provider_type)
    blocks = []
    for framework in block_order(rows, frameworks, preferred):
        kinds = types.get(framework.framework_id)
        standards = tuple(s for s in framework.standards
                          if kinds is None or any(s.applies(k) for k in kinds))
        blocks.append(Block(framework, standards or framework.standards))
    return tuple(blocks)


EmptyCells = dict[tuple[int, int], Cell]
"""Each column's one cell per state without a rating, keyed by the ids of the column and the state."""


def cell_for(row: MatrixRow, column: Standard, applicable: frozenset[str]) -> Cell:
    """What a row shows under one column: only a standard of the row's own framework is its own;
    ``applicable`` holds the codes its provider type is rated on there."""
    if column.framework_id != row.inspection.framework_id:
        return Cell(CellState.OTHER_FRAMEWORK, standard=column)
    if column.code not in applicable:
        return Cell(CellState.NOT_APPLICABLE, standard=column)
    source = row.cells.get(column.code)
    if source is None or source.rating is Rating.NOT_RECORDED:
        return Cell(CellState.NOT_RECORDED, standard=column)
    return Cell(CellState.RATED, source.rating, column, source)


Layout = tuple[tuple[Cell, ...], tuple[tuple[int, Standard], ...]]
"""The cells of a row with no rating, and where a rating may go: ``(position, column)``."""


def _layout(columns: Sequence[Standard], framework_id: str, applicable: frozenset[str],
            empty: EmptyCells) -> Layout:
    """What every row of one framework and provider type shows before its ratings: the other
    frameworks' columns, those it is not rated on, and *not recorded* where a rating may go."""
    cells, own = [], []
    for position, column in enumerate(columns):
        if column.framework_id != framework_id:
            state = CellState.OTHER_FRAMEWORK
        elif column.code not in applicable:
            state = CellState.NOT_APPLICABLE
        else:
            state = CellState.NOT_RECORDED
            own.append((position, column))
        key = (id(column), id(state))  # ids: hashing a Standard or an Enum runs Python code
        if key not in empty:
            empty[key] = Cell(state, standard=column)
        cells.append(empty[key])
    return tuple(cells), tuple(own)


def applicable_codes(row: MatrixRow, frameworks: Mapping[str, Framework]) -> frozenset[str]:
    framework = frameworks.get(row.inspection.framework_id)
    if framework is None:
        return frozenset()
    return frozenset(s.code for s in framework.standards_for(row.provider.provider_type))


@dataclass(frozen=True)
class MatrixData:
    """Everything the matrix shows, computed in one go off the GUI thread: the rows, the blocks
    of columns, each row's cells and its league entry (rank within its league group)."""

    rows: tuple[MatrixRow, ...] = ()
    blocks: tuple[Block, ...] = ()
    cells: tuple[tuple[Cell, ...], ...] = ()
    entries: tuple[LeagueEntry, ...] = ()

    @cached_property
    def standards(self) -> tuple[Standard, ...]:
        """Every column's standard, block after block (the model asks on every cell it paints)."""
        return tuple(s for block in self.blocks for s in block.standards)

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        return tuple(block.framework for block in self.blocks)


def build_matrix(rows: Sequence[MatrixRow], frameworks: Mapping[str, Framework],
                 preferred: str | None = None) -> MatrixData:
    """Lay out the blocks, resolve every cell (as :func:`cell_for` does) and rank every row
    within its league group. It runs in a worker holding Python's GIL, which the GUI thread
    waits for while painting: so each row starts from its framework and type's layout and only
    its own standards are looked at (2,000 rows of 37 columns: 74,000 cells, 20,000 of them its
    own), and cells without a rating are shared per column and state (made one each, they were
    78,000 young objects the garbage collector walked, holding the GIL, until they aged)."""
    blocks = blocks_for(rows, frameworks, preferred)
    columns = tuple(s for block in blocks for s in block.standards)
    layouts: dict[tuple[str, str], Layout] = {}
    empty: EmptyCells = {}
    cells = []
    rated, not_recorded = CellState.RATED, Rating.NOT_RECORDED
    for row in rows:
        key = (row.inspection.framework_id, row.provider.provider_type)
        layout = layouts.get(key)
        if layout is None:
            layout = layouts[key] = _layout(columns, key[0], applicable_codes(row, frameworks), empty)
        blank, own = layout
        found = [(position, column, source) for position, column in own
                 if (source := row.cells.get(column.code)) is not None and source.rating is not not_recorded]
        if not found:
            cells.append(blank)
            continue
        mine = list(blank)
        for position, column, source in found:
            mine[position] = Cell(rated, source.rating, column, source)
        cells.append(tuple(mine))
    ranked = {id(entry.row): entry for entry in league_table(rows, frameworks)}
    return MatrixData(tuple(rows), blocks, tuple(cells), tuple(ranked[id(row)] for row in rows))
