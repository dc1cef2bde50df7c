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


def cell_for(row: MatrixRow, column: Standard, applicable: frozenset[str],
             empty: EmptyCells | None = None) -> Cell:
    """What a row shows under one column: only a standard of the row's own framework is its own;
    ``applicable`` holds the codes its provider type is rated on there. A cell without a rating
    is taken from (and kept in) ``empty`` when given, so every row shares it."""
    if column.framework_id != row.inspection.framework_id:
        return _empty(CellState.OTHER_FRAMEWORK, column, empty)
    if column.code not in applicable:
        return _empty(CellState.NOT_APPLICABLE, column, empty)
    source = row.cells.get(column.code)
    if source is None or source.rating is Rating.NOT_RECORDED:
        return _empty(CellState.NOT_RECORDED, column, empty)
    return Cell(CellState.RATED, source.rating, column, source)


def _empty(state: CellState, column: Standard, empty: EmptyCells | None) -> Cell:
    if empty is None:
        return Cell(state, standard=column)
    key = (id(column), id(state))  # ids: hashing a Standard or an Enum runs Python code
    cell = empty.get(key)
    if cell is None:
        cell = empty[key] = Cell(state, standard=column)
    return cell


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
    """Lay out the blocks, resolve every cell and rank every row within its league group.
    Cells without a rating are shared per column and state: 2,000 rows of 37 columns made
    78,000 objects, young objects the garbage collector walks, holding the GIL, until they age."""
    blocks = blocks_for(rows, frameworks, preferred)
    columns = tuple(s for block in blocks for s in block.standards)
    applicable: dict[tuple[str, str], frozenset[str]] = {}
    empty: EmptyCells = {}
    cells = []
    for row in rows:
        key = (row.inspection.framework_id, row.provider.provider_type)
        if key not in applicable:
            applicable[key] = applicable_codes(row, frameworks)
        codes = applicable[key]
        cells.append(tuple(cell_for(row, column, codes, empty) for column in columns))
    ranked = {id(entry.row): entry for entry in league_table(rows, frameworks)}
    return MatrixData(tuple(rows), blocks, tuple(cells), tuple(ranked[id(row)] for row in rows))
