"""A horizontal header that heads each block of standard columns with its framework, each run of
a domain's standards with the domain, and each standard with its code and its name (wrapped to
two lines, elided beyond; the full name is in the tooltip).

Sections whose model gives :data:`FrameworkRole` and :data:`DomainRole` header data get the two
bands above their own label; runs of adjacent sections with the same framework (or the same
domain *of the same framework*) share one band. Other sections (Provider, Score…) use the full
height with the style's own label.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from inspector_gui.ui.roles import DomainRole, FrameworkRole, NameRole

NAME_LINES = 2


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Words of ``text`` in lines no wider than ``width``; the last line elided when more is left."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = " ".join([lines[-1], *words])
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


class DomainHeaderView(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setSectionsMovable(False)
        self.covered = 0
        """Pixels at the left that another view covers (a frozen column): a band's text starts
        after them, so a block scrolled half out of view still says whose it is."""

    def band_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        names = self.fontMetrics().lineSpacing() * NAME_LINES
        return QSize(hint.width(), hint.height() + 2 * self.band_height() + names)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        name = self._header(logical, NameRole)
        if name is None:
            super().paintSection(painter, rect, logical)
            return
        body = rect.adjusted(0, 2 * self.band_height(), 0, 0)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect, option.section, option.text = body, logical, ""
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown
                                    if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                                    else QStyleOptionHeader.SortIndicator.SortUp)
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        self._paint_label(painter, body.adjusted(3, 2, -3, -2), str(self._header(logical)), name)

    def _paint_label(self, painter: QPainter, rect: QRect, code: str, name: str) -> None:
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        line = self.fontMetrics().lineSpacing()
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), centre, code)
        painter.setFont(self.font())
        for number, text in enumerate(wrap_lines(name, self.fontMetrics(), rect.width(), NAME_LINES)):
            painter.drawText(QRect(rect.left(), rect.top() + line * (number + 1), rect.width(), line),
                             centre, text)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        band = self.band_height()
        for first, last, (_, name) in self._runs(FrameworkRole):
            self._paint_band(painter, first, last, 0, name)
        for first, last, (_, code, name) in self._runs(DomainRole):
            self._paint_band(painter, first, last, band, f"{code} {name}")
        painter.end()

    def _paint_band(self, painter: QPainter, first: int, last: int, top: int, text: str) -> None:
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        rect = QRect(left, top, right - left, self.band_height()).adjusted(0, 0, -1, -1)
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        visible = rect.adjusted(max(0, self.covered - rect.left()), 0, 0, 0)
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, visible.width() - 8)
        painter.drawText(visible.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter
                         | Qt.AlignmentFlag.AlignLeft, shown)

    def _header(self, logical: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        model = self.model()
        return model.headerData(logical, self.orientation(), role) if model else None

    def _runs(self, role: int) -> list[tuple[int, int, tuple]]:
        """``(first, last, value)`` for each run of adjacent sections with one value of ``role``."""
        runs: list[tuple[int, int, tuple]] = []
        for logical in range(self.count()):
            value = self._header(logical, role)
            if value is None or self.isSectionHidden(logical):
                continue
            if runs and runs[-1][2] == value and runs[-1][1] == logical - 1:
                runs[-1] = (runs[-1][0], logical, value)
            else:
                runs.append((logical, logical, value))
        return runs
