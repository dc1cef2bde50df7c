"""A line edit for a file path that, while it does not have the focus, shows a path too long for it
elided in the middle (``/home/ann/…/west-yorkshire-crc-summary-2025-06-30.pdf``), so both the start
of the folder and the file name stay visible; a QLineEdit would show only the end, cut anywhere.
With the focus it is an ordinary line edit. The whole path is its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

from inspector_gui.ui.text import plain_tooltip


class PathEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(lambda text: self.setToolTip(plain_tooltip(text)))

    def shown_text(self) -> str:
        """What the field shows now: the path, or the path elided in the middle."""
        room = self._text_rect().width()
        if self.hasFocus() or self.fontMetrics().horizontalAdvance(self.text()) <= room:
            return self.text()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, room)

    def _text_rect(self) -> QRect:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        rect = rect.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2, -margins.bottom())
        if self.isClearButtonEnabled() and self.text():
            rect.setRight(rect.right() - rect.height())  # the clear button's square
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self._text_rect(), int(align), shown)
        painter.end()
