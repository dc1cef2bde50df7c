"""The benchmark table: one row per standard (the overall rating first), the inspection's own
rating, then one column per group (national, region, peers) holding its distribution.

Qt contract: a read-only ``QAbstractTableModel`` reset by :meth:`BenchmarkModel.set_benchmark`;
``RatingRole`` of the rating column is the own rating (painted as a badge), ``ItemRole`` of a
group column its :class:`~inspector_gui.reports.benchmark.Distribution` (painted as a bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt

from inspector_gui.reports.benchmark import Benchmark
from inspector_gui.ui.models import NO_PARENT, Index, read_only_flags
from inspector_gui.ui.roles import ItemRole, RatingRole
from inspector_gui.ui.text import plain_tooltip

FIXED = ("Standard", "Rating")


class BenchmarkModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._benchmark: Benchmark | None = None

    def set_benchmark(self, benchmark: Benchmark | None) -> None:
        self.beginResetModel()
        self._benchmark = benchmark
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self._benchmark is None else len(self._benchmark.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        groups = len(self._benchmark.groups) if self._benchmark else 0
        return 0 if parent.isValid() else len(FIXED) + groups

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._benchmark is None:
            return None
        row, column = self._benchmark.rows[index.row()], index.column()
        if column == 0:
            return row.title if role == Qt.ItemDataRole.DisplayRole else \
                plain_tooltip(row.title) if role == Qt.ItemDataRole.ToolTipRole else None
        if column == 1:
            if role == RatingRole:
                return row.own
            text = f"{row.title}: {row.own.label}"
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else \
                text if role == Qt.ItemDataRole.AccessibleTextRole else None
        distribution = row.groups[column - len(FIXED)]
        if role == ItemRole:
            return distribution
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            text = distribution.text()
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            named = f"{row.title}, {distribution.group}: {text}"
            return plain_tooltip(named) if role == Qt.ItemDataRole.ToolTipRole else named
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(FIXED):
            return FIXED[section]
        groups = self._benchmark.groups if self._benchmark else ()
        index = section - len(FIXED)
        return groups[index].label if index < len(groups) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)
