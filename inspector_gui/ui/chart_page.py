"""One tab of the charts panel: the tab's choices in a row, then its chart or a message saying why
there is none (no store, no provider, loading, an error)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


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
        self.figure: QWidget | None = None

    def show_message(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.message.show()

    def show_figure(self, figure: QWidget) -> None:
        self.clear()
        self.message.hide()
        self._layout.addWidget(figure, 1)
        self.figure = figure

    def clear(self) -> None:
        if self.figure is not None:
            self._layout.removeWidget(self.figure)
            self.figure.hide()
            self.figure.deleteLater()
            self.figure = None
        self.message.clear()
        self.message.show()
