"""The rating matrix: one row per inspection (or per provider's latest); columns for provider,
publication date and overall rating, then one block of standard columns per framework
(:mod:`inspector_gui.domain.matrix`), each column a (framework, code) standard, then score, rank
and the league group the rank is within.

Qt contract: a read-only ``QAbstractTableModel``, reset by :meth:`RatingMatrixModel.set_data`
with a :class:`~inspector_gui.domain.matrix.MatrixData` built off the GUI thread, and sorted by
:meth:`sort` (what ``QTableView`` calls when a header is clicked), which keeps persistent indexes
and puts rows missing a value (no score, not recorded, date unknown) last in either direction, so
sorting by score reads as the league table. Sorting here, over precomputed keys, stays fast for
tens of thousands of rows where a proxy calling back into Python for each comparison does not.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QFont

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.matrix import Cell, CellState, MatrixData
from inspector_gui.domain.records import MatrixRow
from inspector_gui.ui.long_lived import release_later
from inspector_gui.ui.models import NO_PARENT, Index, read_only_flags
from inspector_gui.ui.models.matrix_text import (
    SortKey,
    cell_key,
    cell_name,
    cell_tip,
    fixed_key,
    fixed_name,
    fixed_text,
    fixed_tip,
    missing_last,
    standard_tip,
)
from inspector_gui.ui.roles import (
    CellRole,
    DomainRole,
    FrameworkRole,
    ItemRole,
    NameRole,
    RatingRole,
    SortRole,
    TitleRole,
)
from inspector_gui.ui.text import plain_tooltip

LEADING = ("Provider", "Published", "Overall", "Since")
TRAILING = ("Score", "Rank", "League")
PROVIDER, PUBLISHED, OVERALL, SINCE = range(len(LEADING))


class RatingMatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._data = MatrixData()
        self._frameworks: dict[str, Framework] = {}
        self._order: list[int] = []
        self._keys: dict[int, list[SortKey]] = {}
        """Each sorted column's keys, in row order: made once per reset, not on every sort."""

    def set_data(self, data: MatrixData, frameworks: dict[str, Framework]) -> None:
        """Show new rows (a model reset), in the order they came; the view sorts them after."""
        self.beginResetModel()
        release_later((self._data, self._keys))
        self._data, self._frameworks = data, frameworks
        self._order = list(range(len(data.rows)))
        self._keys = {}
        self.endResetModel()

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        """The frameworks whose blocks of standards are the columns, in column order."""
        return self._data.frameworks

    def row_at(self, row: int) -> MatrixRow:
        return self._data.rows[self._order[row]]

    def cell_at(self, row: int, column: int) -> Cell | None:
        """The standard cell at a position, or None for the other columns."""
        position = self._standard_position(column)
        return self._data.cells[self._order[row]][position] if position is not None else None

    def standard_at(self, column: int) -> Standard | None:
        position = self._standard_position(column)
        return self._data.standards[position] if position is not None else None

    def column_of(self, title: str) -> int:
        """The position of the column with this title (``Score``, ``2.1 Assessment``…), or -1."""
        titles = [self.headerData(c, Qt.Orientation.Horizontal, TitleRole) for c in range(self.columnCount())]
        return titles.index(title) if title in titles else -1

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(LEADING) + len(self._data.standards) + len(TRAILING)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._order[index.row()], index.column()
        if role == ItemRole:
            return self._data.rows[row]
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
            return standard.full_title
        if role == DomainRole:
            return standard.framework_id, standard.domain_code, standard.domain_name
        if role == FrameworkRole:
            framework = self._frameworks.get(standard.framework_id)
            return standard.framework_id, framework.name if framework else standard.framework_id
        if role == NameRole:
            return standard.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(standard_tip(standard, self._frameworks.get(standard.framework_id)))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [self._order[index.row()] for index in before]
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [self._sort_key(row, column) for row in range(len(self._data.rows))]
        self._order = missing_last(keys, order == Qt.SortOrder.DescendingOrder)
        position = {row: place for place, row in enumerate(self._order)}
        self.changePersistentIndexList(before, [self.index(position[row], index.column())
                                                for row, index in zip(rows_before, before, strict=True)])
        self.layoutChanged.emit()

    def _sort_key(self, row: int, column: int) -> tuple[bool, Any]:
        position = self._standard_position(column)
        if position is not None:
            return cell_key(self._data.cells[row][position])
        return fixed_key(self._data.rows[row], self._data.entries[row], self._fixed_name(column))

    def _standard_position(self, column: int) -> int | None:
        position = column - len(LEADING)
        return position if 0 <= position < len(self._data.standards) else None

    def _fixed_name(self, column: int) -> str:
        if column < len(LEADING):
            return LEADING[column]
        return TRAILING[column - len(LEADING) - len(self._data.standards)]

    def _fixed_data(self, row: int, column: str, role: int) -> Any:
        matrix_row, entry = self._data.rows[row], self._data.entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return fixed_text(matrix_row, entry, column)
        if role == SortRole:
            return fixed_key(matrix_row, entry, column)
        if role == RatingRole:
            return matrix_row.inspection.overall if column == "Overall" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            framework = self._frameworks.get(matrix_row.inspection.framework_id)
            return plain_tooltip(fixed_tip(matrix_row, entry, column, framework))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fixed_name(matrix_row, entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("Score", "Rank"):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and column == "Score" and entry.points is None:
            return _italic()
        return None

    def _cell_data(self, row: int, position: int, role: int) -> Any:
        cell, matrix_row = self._data.cells[row][position], self._data.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.label
        if role == CellRole:
            return cell
        if role == RatingRole:
            return cell.rating if cell.state is CellState.RATED else None
        if role == SortRole:
            return cell_key(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            framework = self._frameworks.get(matrix_row.inspection.framework_id)
            return plain_tooltip(cell_tip(matrix_row, cell, framework))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell_name(matrix_row, self._data.standards[position], cell)
        return None


@functools.cache
def _italic() -> QFont:
    """Unscored rows' coverage is set in italics (made on first use: a font needs the app)."""
    font = QFont()
    font.setItalic(True)
    return font
