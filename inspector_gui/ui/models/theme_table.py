"""The theme table beside the theme chart: one row per group with its counts.

Qt contract: a read-only ``QAbstractTableModel`` reset by :meth:`ThemeTableModel.set_table`;
``ItemRole`` of any cell is the row's :class:`~inspector_gui.reports.themes.ThemeRow`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt

from inspector_gui.reports.themes import BY_LABELS, ThemeRow, ThemeTable
from inspector_gui.ui.models import NO_PARENT, Index, read_only_flags
from inspector_gui.ui.roles import ItemRole
from inspector_gui.ui.text import plain_tooltip

COLUMNS = ("Matching", "n", "Share", "Findings")
TIPS = ("Inspections with at least one matching finding", "Inspections with findings recorded",
        "Matching / n", "Matching findings")


class ThemeTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: ThemeTable | None = None

    def set_table(self, table: ThemeTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def row_at(self, row: int) -> ThemeRow | None:
        rows = self._table.rows if self._table else ()
        return rows[row] if 0 <= row < len(rows) else None

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ItemRole:
            return row
        values = (row.label, str(row.count.matching), str(row.count.inspections),
                  f"{100 * row.count.share:.0f}%", str(row.count.findings))
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = (f"{row.label}: {row.count.matching} of {row.count.inspections} inspections "
                    f"with findings recorded have a matching finding ({values[3]}); "
                    "Enter or double-click shows them")
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section <= len(TIPS):
            return TIPS[section - 1]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return BY_LABELS[self._table.by] if self._table else "Group"
        return COLUMNS[section - 1] if 0 < section <= len(COLUMNS) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)
