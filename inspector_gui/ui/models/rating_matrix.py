"""The rating matrix: one row per inspection (or per provider's latest); columns for provider,
publication date and overall rating, then the standards of one framework, then score and rank.

Qt contract: a read-only ``QAbstractTableModel`` reset by :meth:`RatingMatrixModel.set_rows`;
:class:`MatrixSortProxy` sorts it on :data:`SortRole` keys, keeping missing values last.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.league import LeagueEntry
from inspector_gui.domain.matrix import Cell, CellState, resolve_cell
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow
from inspector_gui.ui.models import NO_PARENT, Index, read_only_flags
from inspector_gui.ui.roles import CellRole, DomainRole, ItemRole, RatingRole, SortRole, TitleRole
from inspector_gui.ui.scores import rank_text, ranked_entries, score_explanation, score_text
from inspector_gui.ui.text import plain_tooltip

LEADING = ("Provider", "Published", "Overall")
TRAILING = ("Score", "Rank")
PROVIDER, PUBLISHED, OVERALL = range(len(LEADING))
SCORE, RANK = "Score", "Rank"
_CENTRED = Qt.AlignmentFlag.AlignCenter



class RatingMatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MatrixRow] = []
        self._standards: tuple[Standard, ...] = ()
        self._framework: Framework | None = None
        self._frameworks: dict[str, Framework] = {}
        self._cells: list[list[Cell]] = []
        self._scores: list[LeagueEntry] = []

    def set_rows(self, rows: Sequence[MatrixRow], frameworks: dict[str, Framework],
                 framework: Framework | None) -> None:
        """Show ``rows`` under the standards of ``framework`` (a model reset)."""
        self.beginResetModel()
        self._rows, self._frameworks, self._framework = list(rows), frameworks, framework
        self._standards = framework.standards if framework else ()
        self._cells = [[resolve_cell(r, s, frameworks) for s in self._standards] for r in self._rows]
        self._scores = ranked_entries(self._rows)
        self.endResetModel()

    @property
    def framework(self) -> Framework | None:
        """The framework whose standards are the columns."""
        return self._framework

    def row_at(self, row: int) -> MatrixRow:
        return self._rows[row]

    def cell_at(self, row: int, column: int) -> Cell | None:
        """The standard cell at a source position, or None for the other columns."""
        position = self._standard_position(column)
        return self._cells[row][position] if position is not None else None

    def standard_at(self, column: int) -> Standard | None:
        position = self._standard_position(column)
        return self._standards[position] if position is not None else None

    def column_of(self, name: str) -> int:
        """The position of a named column (``Provider``, ``Score``…)."""
        if name in LEADING:
            return LEADING.index(name)
        return len(LEADING) + len(self._standards) + TRAILING.index(name)

    def _standard_position(self, column: int) -> int | None:
        position = column - len(LEADING)
        return position if 0 <= position < len(self._standards) else None

    def _fixed_name(self, column: int) -> str:
        if column < len(LEADING):
            return LEADING[column]
        return TRAILING[column - len(LEADING) - len(self._standards)]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(LEADING) + len(self._standards) + len(TRAILING)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ItemRole:
            return self._rows[row]
        position = self._standard_position(column)
        if position is not None:
            return self._cell_data(row, position, role)
        return self._fixed_data(row, self._fixed_name(column), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        standard = self.standard_at(section)
        if standard is None:
            return self._fixed_name(section) if role in (Qt.ItemDataRole.DisplayRole, TitleRole) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return standard.code
        if role == TitleRole:
            return standard.title
        if role == DomainRole:
            return standard.domain_code, standard.domain_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(_standard_tip(standard, self._framework))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def _fixed_data(self, row: int, column: str, role: int) -> Any:
        matrix_row, score = self._rows[row], self._scores[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return _fixed_text(matrix_row, score, column)
        if role == SortRole:
            return _fixed_key(matrix_row, score, column)
        if role == RatingRole:
            return matrix_row.inspection.overall if column == "Overall" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._fixed_tip(matrix_row, score, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{matrix_row.provider.name}, {column}, " \
                   f"{_fixed_text(matrix_row, score, column) or 'none'}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCORE, RANK):
            return _CENTRED
        if role == Qt.ItemDataRole.FontRole and column == SCORE and score.points is None:
            return _italic()
        return None

    def _cell_data(self, row: int, column: int, role: int) -> Any:
        cell = self._cells[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.label
        if role == CellRole:
            return cell
        if role == RatingRole:
            return cell.rating if cell.state is CellState.RATED else None
        if role == SortRole:
            rated = cell.state is CellState.RATED and cell.rating.is_graded
            return not rated, cell.rating.level if rated else 0
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._cell_tip(self._rows[row], cell))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._cell_name(row, column, cell)
        return None

    def _cell_name(self, row: int, column: int, cell: Cell) -> str:
        """"Leeds PDU, 2.1 Assessment, Inadequate" — what a screen reader says for a cell."""
        basis = f" ({cell.source.basis})" if cell.source and not cell.stated else ""
        return f"{self._rows[row].provider.name}, {self._standards[column].title}, {cell.label}{basis}"

    def _cell_tip(self, row: MatrixRow, cell: Cell) -> str:
        lines = [f"{row.provider.name}, published {row.inspection.published.display()}"]
        if cell.state is CellState.NOT_APPLICABLE:
            framework = self._frameworks.get(row.inspection.framework_id)
            lines.append(f"Not applicable: {framework.name if framework else 'its framework'} "
                         f"has no such standard for a {row.provider.provider_type}.")
            return "\n".join(lines)
        assert cell.standard is not None
        lines.append(f"{cell.standard.title}: {cell.label}")
        if cell.source is not None:
            lines.append(f"Basis: {cell.source.basis or 'stated'}")
            lines += [f"Source: {cell.source.source_url}"] if cell.source.source_url else []
            lines += [cell.source.notes] if cell.source.notes else []
        elif cell.state is CellState.NOT_RECORDED:
            lines.append("No published rating for this standard in our sources.")
        return "\n".join(lines)

    def _fixed_tip(self, row: MatrixRow, score: LeagueEntry, column: str) -> str:
        if column in (SCORE, RANK):
            return score_explanation(score)
        framework = self._frameworks.get(row.inspection.framework_id)
        lines = [row.provider.name, f"Overall rating: {row.inspection.overall.label}",
                 f"Published {row.inspection.published.display()}",
                 framework.name if framework else row.inspection.framework_id]
        return "\n".join(lines + [f"Source: {u}" for u in row.inspection.source_urls])


class MatrixSortProxy(QSortFilterProxyModel):
    """Sorts on :data:`SortRole` keys ``(missing, value)``: rows with a missing value (no score,
    rating not recorded, date unknown) stay at the bottom whichever way the column is sorted, so
    sorting by score descending reads as the league table."""

    def lessThan(self, left: Index, right: Index) -> bool:
        lkey, rkey = left.data(SortRole), right.data(SortRole)
        if lkey is None or rkey is None:
            return super().lessThan(left, right)
        if lkey[0] != rkey[0]:
            return bool(rkey[0]) if self.sortOrder() == Qt.SortOrder.AscendingOrder else bool(lkey[0])
        return lkey[1] < rkey[1]


def _fixed_text(row: MatrixRow, score: LeagueEntry, column: str) -> str:
    if column == "Provider":
        return row.provider.name
    if column == "Published":
        return row.inspection.published.iso() or "—"
    if column == "Overall":
        return row.inspection.overall.label
    return score_text(score) if column == SCORE else rank_text(score)


def _fixed_key(row: MatrixRow, score: LeagueEntry, column: str) -> tuple[bool, Any]:
    if column == "Provider":
        return False, row.provider.name.casefold()
    if column == "Published":
        return not row.inspection.published.known, row.inspection.published
    if column == "Overall":
        rating: Rating = row.inspection.overall
        return not rating.is_graded, rating.level or 0
    share = score.share
    if column == SCORE:
        return share is None, (share or 0, score.points or 0)
    return share is None, -(share or 0)


def _standard_tip(standard: Standard, framework: Framework | None) -> str:
    lines = [standard.title, f"Domain {standard.domain_code}: {standard.domain_name}"]
    if framework is not None:
        lines.append(framework.name)
    if standard.applies_to:
        lines.append(f"Rated for {standard.applies_to} only")
    if not standard.name_confirmed:
        lines.append("Name or code not confirmed by a retrieved source")
    lines.append("Rows of other frameworks show their standard of the same name; n/a where none.")
    return "\n".join(lines)


@functools.cache
def _italic() -> QFont:
    """Unscored rows' coverage is set in italics (made on first use: a font needs the app)."""
    font = QFont()
    font.setItalic(True)
    return font
