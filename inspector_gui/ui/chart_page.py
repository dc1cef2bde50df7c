"""One tab of the charts panel: the tab's choices in a row, then its chart or a message saying why
there is none (no store, no provider, loading, an error). A chart fills the tab and scrolls when
the tab is smaller than the chart's minimum size, rather than being squashed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


class ChartPage(QWidget):
    """Holds at most one figure; replacing or clearing it deletes the old one."""

    def __init__(self, controls: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        if controls:
            row = QHBoxLayout()
            for control in controls:
                control.setAccessibleName(control.toolTip())
                row.addWidget(control)
            row.addStretch(1)
            self._layout.addLayout(row)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.hide()
        self._layout.addWidget(self.scroll, 1)
        self.figure: QWidget | None = None

    def show_message(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.message.show()

    def show_figure(self, figure: QWidget) -> None:
        self.clear()
        self.message.hide()
        self.scroll.setWidget(figure)
        self.scroll.show()
        self.figure = figure

    def clear(self) -> None:
        if self.figure is not None:
            self.scroll.takeWidget()
            self.scroll.hide()
            self.figure.hide()
            self.figure.deleteLater()
            self.figure = None
        self.message.clear()
        self.message.show()
