"""A plain-text label that, when its text does not fit, shows it elided (``…``) instead of cut
off mid-letter or drawn under its neighbour, with the whole text as its tooltip: the status bar's
attribution and store path, which give way to each other as the window narrows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from inspector_gui.ui.text import plain_tooltip

MIN_WIDTH = 60


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_text(self, text: str, tooltip: str | None = None) -> None:
        """Show ``text``; the tooltip is ``tooltip`` (default: the text itself)."""
        self.setText(text)
        self.setToolTip(plain_tooltip(text if tooltip is None else tooltip))
        self.updateGeometry()

    def shown_text(self) -> str:
        """What the label shows now: its text, or the text elided to its width."""
        return self.fontMetrics().elidedText(self.text(), self._mode, self.contentsRect().width())

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:
        return QSize(min(MIN_WIDTH, super().sizeHint().width()), super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())
        painter.end()
