"""Column widths that leave the last (stretching) column room in a narrow table: the other columns
take their default widths where there is space, and those that can wrap shrink in proportion
where there is not, so
the findings' text never ends up a sliver behind a horizontal scroll bar (1024 px windows). Once
the user drags a column, or the saved widths are restored, the widths are theirs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

MIN_WIDTH = 56
"""No column shrinks below this: a kind or a date still fits in two lines."""


class FittedColumns(QObject):
    def __init__(self, table: QTableView, widths: Sequence[int], last_min: int,
                 fixed: Sequence[int] = ()) -> None:
        super().__init__(table)
        self._table, self._widths, self._last_min = table, tuple(widths), last_min
        self._fixed = frozenset(fixed)
        """Columns that keep their width (one word or a date: they cannot wrap)."""
        self._fitting = False
        self.active = True
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.active:
            self.fit()
        return False

    def fit(self) -> None:
        """Default widths, the wrapping ones scaled down to leave the last column ``last_min``."""
        header, shown = self._table.horizontalHeader(), [
            c for c in range(len(self._widths)) if not self._table.isColumnHidden(c)]
        fixed = sum(self._widths[c] for c in shown if c in self._fixed)
        total = sum(self._widths[c] for c in shown if c not in self._fixed) or 1
        room = self._table.viewport().width() - self._last_min - fixed
        scale = min(1.0, max(0.0, room) / total)
        self._fitting = True
        try:
            for column in shown:
                width = self._widths[column] if column in self._fixed else int(self._widths[column] * scale)
                header.resizeSection(column, max(MIN_WIDTH, width))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column < len(self._widths) and self._table.isVisible() \
                and self._table.horizontalHeader().underMouse():
            self.active = False  # the user chose this width
