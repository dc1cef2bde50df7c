"""A horizontal header that groups standard columns under a band naming their domain.

Sections whose model gives :data:`DomainRole` header data get a band above their own label; runs
of adjacent sections in the same domain share one band. Other sections use the full height.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHeaderView, QWidget

from inspector_gui.ui.roles import DomainRole


class DomainHeaderView(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setSectionsMovable(False)

    def band_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), hint.height() + self.band_height())

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if self._domain(logical) is None:
            super().paintSection(painter, rect, logical)
            return
        super().paintSection(painter, rect.adjusted(0, self.band_height(), 0, 0), logical)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for first, last, (code, name) in self._runs():
            self._paint_band(painter, first, last, f"{code} {name}")
        painter.end()

    def _paint_band(self, painter: QPainter, first: int, last: int, text: str) -> None:
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        rect = QRect(left, 0, right - left, self.band_height()).adjusted(0, 0, -1, -1)
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 8)
        painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter
                         | Qt.AlignmentFlag.AlignLeft, shown)

    def _domain(self, logical: int) -> tuple[str, str] | None:
        model = self.model()
        return model.headerData(logical, self.orientation(), DomainRole) if model else None

    def _runs(self) -> list[tuple[int, int, tuple[str, str]]]:
        """``(first, last, domain)`` for each run of adjacent sections in one domain."""
        runs: list[tuple[int, int, tuple[str, str]]] = []
        for logical in range(self.count()):
            domain = self._domain(logical)
            if domain is None or self.isSectionHidden(logical):
                continue
            if runs and runs[-1][2] == domain and runs[-1][1] == logical - 1:
                runs[-1] = (runs[-1][0], logical, domain)
            else:
                runs.append((logical, logical, domain))
        return runs
