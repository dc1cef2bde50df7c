"""The matrix legend: each chip the delegate paints, with what it means; wraps onto more lines
when the panel is narrow."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.ui.delegates import paint_chip, paint_not_applicable, paint_not_recorded

_TEXTS = tuple(r.label for r in GRADED) + ("Not rated", "not recorded", "not applicable",
                                          "not stated by the inspectorate")
_CHIP_WIDTH, _GAP, _SPACING = 30, 4, 14


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Legend: O Outstanding, G Good, RI Requires improvement, I Inadequate, "
                               "NR Not rated, dash not recorded, hatched n/a not applicable, corner mark "
                               "not stated by the inspectorate")
        self.setToolTip("A corner mark flags a rating taken from a news report or press-release "
                        "wording rather than stated by the inspectorate.")

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _places(self, width: int) -> list[QRect]:
        """Where each entry (chip and text) goes, wrapping at ``width``."""
        places, x, y = [], 0, 0
        for text in _TEXTS:
            entry = _CHIP_WIDTH + _GAP + self.fontMetrics().horizontalAdvance(text)
            if x and x + entry > width:
                x, y = 0, y + self._row_height()
            places.append(QRect(x, y, entry, self._row_height()))
            x += entry + _SPACING
        return places

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._places(width)[-1].bottom() + 1

    def sizeHint(self) -> QSize:
        width = self._places(10**6)[-1].right()
        return QSize(width, self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(_CHIP_WIDTH * 4, self._row_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        for index, (text, place) in enumerate(zip(_TEXTS, self._places(self.width()), strict=True)):
            chip = QRect(place.left(), place.top() + 3, _CHIP_WIDTH, place.height() - 6)
            self._chip(painter, chip, index)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(place.adjusted(_CHIP_WIDTH + _GAP, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()

    def _chip(self, painter: QPainter, rect: QRect, index: int) -> None:
        palette = self.palette()
        ratings = (*GRADED, Rating.NOT_RATED)
        if index < len(ratings):
            paint_chip(painter, rect, ratings[index], palette, full_word=False)
        elif index == len(ratings):
            paint_not_recorded(painter, rect, palette)
        elif index == len(ratings) + 1:
            paint_not_applicable(painter, rect, palette)
        else:
            paint_chip(painter, rect, Rating.GOOD, palette, full_word=False, stated=False)
